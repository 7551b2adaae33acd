/**
 * Differential test: every .xlsx of the corpus (66 files from Excel, LibreOffice, WPS… see the fixture README)
 * is read by exceljs and by openXlsx, and every cell of every sheet must hold the same value.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/index.js';
import { detectSpreadsheetFormat, openXlsx } from '../../src/ingest/xlsx/index.js';
import { diffCells, readWithExceljs, readWithOpenXlsx, type ReadWorkbook } from './exceljs-values.js';

const CORPUS = join(import.meta.dirname, '../fixtures/xlsx-corpus');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const workbooks = walk(CORPUS).filter((p) => p.endsWith('.xlsx')).sort();

/**
 * Where exceljs 4.4.0 is wrong, we differ on purpose. Each entry: file → sheet → cells ("row:col") exceljs
 * gets wrong, with the reason. Everything else must match exactly.
 */
const EXCELJS_WRONG: Record<string, { reason: string; sheets?: boolean; cells?: Record<string, string[]> }> = {
  // exceljs looks for parts at the hard-coded paths xl/workbook.xml and xl/worksheets/sheetN.xml; this file
  // keeps them under wtf/ (legal: parts are found through _rels/.rels), so exceljs sees no sheet at all.
  'wtf_path.xlsx': { reason: 'parts outside xl/, found through the relationships', sheets: true },
  'xlsx-stream-d-date-cell.xlsx': {
    // B5 is an ISO 8601 date cell (t="d"): exceljs parseFloat()s "2014-02-14T08:27:48.765Z" into 2014 and
    // makes 1905-07-06 of it. B11 is a formula whose cached result is an inline string (t="inlineStr"):
    // exceljs parseFloat()s "String1" into NaN.
    reason: 't="d" cells and inline-string formula results',
    cells: { Sheet1: ['5:2', '11:2'] },
  },
};

function withoutExceptions(read: ReadWorkbook, file: string): ReadWorkbook {
  const cellsToDrop = EXCELJS_WRONG[file]?.cells ?? {};
  const cells = new Map(read.cells);
  for (const [sheet, keys] of Object.entries(cellsToDrop)) {
    const map = new Map(cells.get(sheet));
    for (const key of keys) map.delete(key);
    cells.set(sheet, map);
  }
  return { sheets: read.sheets, cells };
}

describe('openXlsx on the xlsx corpus, compared with exceljs', () => {
  it('finds the 66 workbooks of the corpus', () => {
    expect(workbooks.length).toBe(66);
  });

  for (const path of workbooks) {
    const file = relative(CORPUS, path);
    it(`reads ${file} exactly as exceljs does (merges not filled)`, async () => {
      const expected = await readWithExceljs(path);
      const actual = await readWithOpenXlsx(path, { fillMerged: false });
      const exception = EXCELJS_WRONG[file];
      if (exception?.sheets) {
        expect(expected.sheets).toEqual([]);
        expect(actual.sheets.length).toBeGreaterThan(0);
        return;
      }
      const e = withoutExceptions(expected, file);
      const a = withoutExceptions(actual, file);
      expect(a.sheets).toEqual(e.sheets);
      for (const sheet of e.sheets) {
        expect(diffCells(e.cells.get(sheet.name), a.cells.get(sheet.name)), `${file} / ${sheet.name}`).toEqual([]);
      }
    });
  }

  it('fills merged ranges with the top-left value, as exceljs reports merged cells', async () => {
    const path = join(CORPUS, 'merge_cells.xlsx');
    const expected = await readWithExceljs(path, { mergedAsMaster: true });
    const actual = await readWithOpenXlsx(path, { fillMerged: true });
    const wb = await openXlsx(path);
    const merges = await wb.merges(wb.sheets[0]?.name ?? '');
    await wb.close();
    expect(merges.length).toBeGreaterThan(0);
    for (const sheet of expected.sheets) {
      expect(diffCells(expected.cells.get(sheet.name), actual.cells.get(sheet.name))).toEqual([]);
    }
  });

  it('reads the parts of wtf_path.xlsx through its relationships (exceljs cannot)', async () => {
    const read = await readWithOpenXlsx(join(CORPUS, 'wtf_path.xlsx'), { fillMerged: false });
    expect(read.sheets).toEqual([
      { name: 'SheetJS', state: 'visible' },
      { name: 'Hidden', state: 'hidden' },
    ]);
    const sheet = read.cells.get('SheetJS');
    expect([sheet?.get('1:1'), sheet?.get('1:2'), sheet?.get('1:3')]).toEqual([1, 2, 3]);
    expect([sheet?.get('2:1'), sheet?.get('2:2')]).toEqual([true, false]);
  });

  it('reads the cells exceljs gets wrong in xlsx-stream-d-date-cell.xlsx as Excel shows them', async () => {
    const read = await readWithOpenXlsx(join(CORPUS, 'xlsx-stream-d-date-cell.xlsx'), { fillMerged: false });
    const sheet = read.cells.get('Sheet1');
    expect(sheet?.get('5:2')).toEqual(new Date('2014-02-14T08:27:48.765Z'));
    expect(sheet?.get('11:2')).toBe('String1');
  });
});

describe('openXlsx on other formats of the corpus', () => {
  const cases = [
    { file: 'AutoFilter.xls', format: 'xls', words: '.xls (Excel 97-2003)' },
    { file: 'AutoFilter.ods', format: 'ods', words: '.ods' },
    { file: 'AutoFilter.xlsb', format: 'xlsb', words: '.xlsb' },
  ] as const;
  for (const c of cases) {
    it(`detects ${c.file} as ${c.format} and refuses it in Vietnamese`, async () => {
      const path = join(CORPUS, c.file);
      expect(await detectSpreadsheetFormat(path)).toBe(c.format);
      const error = await openXlsx(path).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.code).toBe('UNSUPPORTED_FORMAT');
      expect(appError.location?.file).toBe(c.file);
      expect(appError.message).toContain(c.words);
      expect(appError.message).toContain('chương trình chỉ đọc .xlsx và .csv');
      expect(appError.message).toContain('lưu lại dưới dạng .xlsx');
    });
  }

  it('detects the corpus workbooks as xlsx', async () => {
    const formats = await Promise.all(workbooks.map((p) => detectSpreadsheetFormat(p)));
    expect(new Set(formats)).toEqual(new Set(['xlsx']));
  });
});
