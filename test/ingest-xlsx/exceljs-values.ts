/**
 * Test helpers: read a workbook with exceljs (the reference) and with openXlsx, both into a map
 * "row:column" → value of non-empty cells, so that the two readers can be compared cell by cell.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/domain/index.js';
import { openXlsx } from '../../src/ingest/xlsx/index.js';

export type SheetCells = Map<string, CellValue>;

export interface ReadWorkbook {
  readonly sheets: { name: string; state: string }[];
  readonly cells: Map<string, SheetCells>;
}

/** Maps an exceljs cell value to ours: formula → result, rich text → joined text, hyperlink → text, error → {error}. */
export function fromExceljs(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run: { text: string }) => run.text).join('');
    if ('error' in value) return { error: String(value.error) };
    if ('formula' in value || 'sharedFormula' in value) return fromExceljs('result' in value ? value.result : null);
    if ('text' in value) return fromExceljs(value.text);
  }
  throw new Error(`unexpected exceljs value ${JSON.stringify(value)}`);
}

/** Reads every sheet with exceljs; merged slave cells (which exceljs gives the master's value) count as empty. */
export async function readWithExceljs(path: string, options: { mergedAsMaster?: boolean } = {}): Promise<ReadWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const cells = new Map<string, SheetCells>();
  const sheets: { name: string; state: string }[] = [];
  for (const ws of workbook.worksheets) {
    sheets.push({ name: ws.name, state: ws.state });
    const map: SheetCells = new Map();
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const merged = cell.type === ExcelJS.ValueType.Merge;
        // exceljs's formula `value` drops falsy results (0, false, ''); `cell.result` keeps them.
        const raw = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
        const value = merged && !options.mergedAsMaster ? null : fromExceljs(raw);
        if (value !== null) map.set(`${rowNumber}:${col}`, value);
      });
    });
    cells.set(ws.name, map);
  }
  return { sheets, cells };
}

/** Reads every sheet with openXlsx into the same shape. */
export async function readWithOpenXlsx(path: string, options: { fillMerged: boolean }): Promise<ReadWorkbook> {
  const workbook = await openXlsx(path);
  try {
    const cells = new Map<string, SheetCells>();
    for (const sheet of workbook.sheets) {
      const map: SheetCells = new Map();
      for await (const row of workbook.rows(sheet.name, { fillMerged: options.fillMerged })) {
        row.cells.forEach((value, index) => {
          if (value !== null) map.set(`${row.row}:${index + 1}`, value);
        });
      }
      cells.set(sheet.name, map);
    }
    return { sheets: workbook.sheets.map((s) => ({ name: s.name, state: s.state })), cells };
  } finally {
    await workbook.close();
  }
}

/** True when two cell values are the same (Dates by time, errors by code, NaN equal to NaN). */
export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return a.error === b.error;
  return Object.is(a, b);
}

/** Lists the differences between two readings of one sheet, as readable strings (empty when identical). */
export function diffCells(expected: SheetCells | undefined, actual: SheetCells | undefined, limit = 20): string[] {
  const diffs: string[] = [];
  const keys = new Set([...(expected?.keys() ?? []), ...(actual?.keys() ?? [])]);
  for (const key of keys) {
    const e = expected?.get(key);
    const a = actual?.get(key);
    if (!sameValue(e, a)) diffs.push(`${key}: exceljs ${show(e)} ≠ openXlsx ${show(a)}`);
    if (diffs.length >= limit) break;
  }
  return diffs;
}

function show(v: CellValue | undefined): string {
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? 'Invalid' : v.toISOString()})`;
  return JSON.stringify(v);
}
