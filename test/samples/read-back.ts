/**
 * Test helper: reads generated sample files back (exceljs for xlsx, csv-parse for CSV) into plain
 * rows of strings and numbers, decoding sheets written in TCVN3 (font ".VnTime") or VNI-Windows (font "VNI-Times").
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { convertVni } from '../../src/normalize/index.js';
import { encodeTcvn3 } from '../../src/samples/index.js';

export type Cell = string | number | Date | null;
/** sheet name → 1-based row number → 0-based cells. */
export type SheetRows = Map<string, Map<number, Cell[]>>;

const VIETNAMESE = 'àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵĂÂĐÊÔƠƯ';
const DECODE = new Map<string, string>();
for (const ch of VIETNAMESE) {
  const code = encodeTcvn3(ch);
  if (code !== ch) DECODE.set(code, ch);
}

/** Decodes TCVN3 text (capitals with tone marks come back in lower case, as the encoding has none). */
export function decodeTcvn3(text: string): string {
  return [...text].map((c) => DECODE.get(c) ?? c).join('');
}

/** Diacritic-free lower-case form of a name with single spaces. */
export function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function plain(value: ExcelJS.CellValue, legacy: 'TCVN3' | 'VNI' | null): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return legacy === 'TCVN3' ? decodeTcvn3(value) : legacy === 'VNI' ? convertVni(value) : value;
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'object' && 'result' in value) {
    const r = value.result;
    return typeof r === 'number' || typeof r === 'string' ? r : null;
  }
  return String(value);
}

async function readXlsx(path: string): Promise<SheetRows> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets: SheetRows = new Map();
  for (const ws of wb.worksheets) {
    const font = ws.getCell(1, 1).font?.name;
    const legacy = font === '.VnTime' ? 'TCVN3' : font === 'VNI-Times' ? 'VNI' : null;
    const rows = new Map<number, Cell[]>();
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = plain(cell.value, legacy);
      });
      rows.set(n, Array.from(cells, (c) => c ?? null));
    });
    sheets.set(ws.name, rows);
  }
  return sheets;
}

async function readCsv(path: string, sheet: string): Promise<SheetRows> {
  const text = await readFile(path, 'utf8');
  const delimiter = text.split('\n')[0]?.includes(';') ? ';' : ',';
  const records = parse(text, { delimiter, bom: true, relax_column_count: true }) as string[][];
  const rows = new Map<number, Cell[]>();
  records.forEach((r, i) => rows.set(i + 1, r.map((c) => (c === '' ? null : c))));
  return new Map([[sheet, rows]]);
}

/** Reads every file of a samples folder, once. */
export async function readSamples(dir: string, files: readonly string[]): Promise<Map<string, SheetRows>> {
  const out = new Map<string, SheetRows>();
  for (const file of files) {
    const path = join(dir, file);
    out.set(file, file.endsWith('.csv') ? await readCsv(path, file.replace(/\.csv$/, '')) : await readXlsx(path));
  }
  return out;
}

const NAME_HEADERS = ['họ và tên', 'họ tên', 'ho ten'];

/** The 0-based column whose header (in the first 12 rows) is a name header, or -1. */
export function nameColumn(rows: Map<number, Cell[]>): number {
  for (let r = 1; r <= 12; r++) {
    const cells = rows.get(r) ?? [];
    const i = cells.findIndex((c) => typeof c === 'string' && NAME_HEADERS.includes(c.trim().toLowerCase()));
    if (i >= 0) return i;
  }
  return -1;
}

/** The 0-based column whose header (in the first 12 rows) satisfies `test`, or -1. */
export function headerColumn(rows: Map<number, Cell[]>, test: (header: string) => boolean): number {
  for (let r = 1; r <= 12; r++) {
    const cells = rows.get(r) ?? [];
    const i = cells.findIndex((c) => typeof c === 'string' && test(c.trim()));
    if (i >= 0) return i;
  }
  return -1;
}
