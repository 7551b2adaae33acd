import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

export type Cell = string | number | Date | null | undefined;

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** Ranges such as "A1:L1". */
  merges?: string[];
}

/** Writes a real .xlsx with exceljs: row i of `rows` is Excel row i + 1. */
export async function writeWorkbook(file: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    spec.rows.forEach((cells, i) => {
      const row = ws.getRow(i + 1);
      cells.forEach((v, c) => {
        if (v !== null && v !== undefined) row.getCell(c + 1).value = v;
      });
      row.commit();
    });
    for (const range of spec.merges ?? []) ws.mergeCells(range);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

export async function writeText(file: string, text: string | Buffer): Promise<string> {
  await writeFile(file, text);
  return file;
}

export async function tempDir(): Promise<{ dir: string; file: (name: string) => string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ingest-test-'));
  return { dir, file: (name) => path.join(dir, name), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Drains readRecords: all records and the returned stats. */
export async function readAll<T, S>(gen: AsyncGenerator<T[], S>): Promise<{ records: T[]; stats: S; batches: number }> {
  const records: T[] = [];
  let batches = 0;
  for (;;) {
    const step = await gen.next();
    if (step.done) return { records, stats: step.value, batches };
    batches++;
    records.push(...step.value);
  }
}
