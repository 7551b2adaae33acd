/**
 * Focused tests of openXlsx on workbooks the tests write with exceljs (and read back with both readers).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type RawRow } from '../../src/domain/index.js';
import { openXlsx } from '../../src/ingest/xlsx/index.js';
import { openZip } from '../../src/ingest/xlsx/zip-archive.js';
import { diffCells, readWithExceljs, readWithOpenXlsx } from './exceljs-values.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rowsOf(path: string, sheet?: string, fillMerged = true): Promise<RawRow[]> {
  const wb = await openXlsx(path);
  try {
    const rows: RawRow[] = [];
    for await (const row of wb.rows(sheet ?? wb.sheets[0]?.name ?? '', { fillMerged })) rows.push(row);
    return rows;
  } finally {
    await wb.close();
  }
}

async function partText(path: string, name: string): Promise<string> {
  const zip = await openZip(path);
  try {
    const entry = zip.entries.get(name);
    return entry ? (await zip.readAll(entry)).toString('utf8') : '';
  } finally {
    await zip.close();
  }
}

/** A workbook of four sheets, two of them hidden. */
async function writeSheetsWorkbook(): Promise<string> {
  const path = join(dir, 'sheets.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Tổng hợp').addRow(['tổng']);
  wb.addWorksheet('Thôn 1', { state: 'hidden' }).addRow(['một']);
  wb.addWorksheet('Nháp', { state: 'veryHidden' }).addRow(['nháp']);
  wb.addWorksheet('Thôn 2').addRow(['hai']);
  await wb.xlsx.writeFile(path);
  return path;
}

/** Both readers must agree on every sheet of the file. */
async function expectSameAsExceljs(path: string): Promise<void> {
  const expected = await readWithExceljs(path);
  const actual = await readWithOpenXlsx(path, { fillMerged: false });
  expect(actual.sheets).toEqual(expected.sheets);
  for (const s of expected.sheets) expect(diffCells(expected.cells.get(s.name), actual.cells.get(s.name))).toEqual([]);
}

describe('openXlsx on workbooks written by exceljs', () => {
  it('reads shared strings, numbers stored as text, numbers and booleans', async () => {
    const path = join(dir, 'strings.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Thôn 1');
    ws.addRow(['Họ và tên', 'Số CCCD', 'Số tiền', 'Ghi chú', 'Đã nhận']);
    ws.addRow(['Nguyễn Văn An', '001234567890', 1_500_000, 'a & b <c> "d" \'e\'', true]);
    ws.addRow(['Trần Thị Bình', '000000000012', 0.1 + 0.2, 'dòng 1\ndòng 2', false]);
    ws.addRow(['Nguyễn Văn An', '  khoảng trắng  ', -5.25, '', 0]);
    await wb.xlsx.writeFile(path);
    expect(await partText(path, 'xl/sharedStrings.xml')).toContain('Nguyễn Văn An');

    const rows = await rowsOf(path);
    expect(rows).toEqual([
      { row: 1, cells: ['Họ và tên', 'Số CCCD', 'Số tiền', 'Ghi chú', 'Đã nhận'] },
      { row: 2, cells: ['Nguyễn Văn An', '001234567890', 1_500_000, 'a & b <c> "d" \'e\'', true] },
      { row: 3, cells: ['Trần Thị Bình', '000000000012', 0.30000000000000004, 'dòng 1\ndòng 2', false] },
      { row: 4, cells: ['Nguyễn Văn An', '  khoảng trắng  ', -5.25, '', 0] },
    ]);
    await expectSameAsExceljs(path);
  });

  it('reads inline rich text and plain `str` strings written without shared strings', async () => {
    const path = join(dir, 'inline.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const ws = wb.addWorksheet('Xã');
    ws.addRow([{ richText: [{ text: 'Xã ' }, { font: { bold: true }, text: 'Tân Lập' }, { text: ' & Hòa Bình' }] }, 'Thôn 1 <A>', 42]).commit();
    ws.commit();
    await wb.commit();
    const xml = await partText(path, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('t="inlineStr"');
    expect(xml).toContain('t="str"');
    expect(await rowsOf(path)).toEqual([{ row: 1, cells: ['Xã Tân Lập & Hòa Bình', 'Thôn 1 <A>', 42] }]);
    await expectSameAsExceljs(path);
  });

  it('reads rich text held in the shared strings', async () => {
    const path = join(dir, 'rich.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('B2').value = { richText: [{ font: { italic: true }, text: 'Hộ ' }, { text: 'nghèo' }] };
    await wb.xlsx.writeFile(path);
    expect(await partText(path, 'xl/sharedStrings.xml')).toContain('<r>');
    expect(await rowsOf(path)).toEqual([{ row: 2, cells: [null, 'Hộ nghèo'] }]);
    await expectSameAsExceljs(path);
  });

  it('returns the cached result of formulas, whatever its type', async () => {
    const path = join(dir, 'formulas.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('F');
    ws.getCell('A1').value = 5;
    ws.getCell('B1').value = { formula: 'A1*2', result: 10 };
    ws.getCell('C1').value = { formula: '"Thôn "&A1', result: 'Thôn 5' };
    ws.getCell('D1').value = { formula: 'A1>3', result: true };
    ws.getCell('E1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('F1').value = { formula: 'A1-5', result: 0 };
    ws.getCell('G1').value = { formula: 'DATE(2020,4,15)', result: new Date(Date.UTC(2020, 3, 15)) };
    ws.getCell('G1').numFmt = 'dd/mm/yyyy';
    ws.getCell('H1').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(path);
    expect(await rowsOf(path)).toEqual([
      { row: 1, cells: [5, 10, 'Thôn 5', true, { error: '#DIV/0!' }, 0, new Date(Date.UTC(2020, 3, 15))] },
    ]);
    await expectSameAsExceljs(path);
  });

  it('turns date-formatted numbers into Dates and leaves other formats as numbers', async () => {
    const path = join(dir, 'dates.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('D');
    const paid = new Date(Date.UTC(2020, 4, 20));
    const at = new Date(Date.UTC(2020, 4, 20, 14, 30, 15));
    ws.addRow([paid, at, 45, 3, 0.5, 1234.5]);
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    ws.getCell('B1').numFmt = '[$-vi-VN]dd/mm/yyyy hh:mm:ss';
    ws.getCell('C1').numFmt = '#,##0 "ngày"'; // "d" inside quotes: not a date
    ws.getCell('D1').numFmt = '[Red]0'; // letters inside brackets: not a date
    ws.getCell('E1').numFmt = 'h:mm'; // a time of day is a date to exceljs
    ws.getCell('F1').numFmt = '#,##0.00';
    await wb.xlsx.writeFile(path);
    const [row] = await rowsOf(path);
    expect(row?.cells).toEqual([paid, at, 45, 3, new Date(Date.UTC(1899, 11, 30, 12)), 1234.5]);
    await expectSameAsExceljs(path);
  });

  it('honours the 1904 date system', async () => {
    const path = join(dir, '1904.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('D');
    const day = new Date(Date.UTC(2020, 3, 1));
    ws.getCell('A1').value = day;
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    await wb.xlsx.writeFile(path);
    expect(await partText(path, 'xl/workbook.xml')).toMatch(/date1904="(1|true)"/);
    // The serial is 1462 days smaller than in the 1900 system; read back it is the same day.
    expect(await partText(path, 'xl/worksheets/sheet1.xml')).toContain(`<v>${43922 - 1462}</v>`);
    expect(await rowsOf(path)).toEqual([{ row: 1, cells: [day] }]);
    await expectSameAsExceljs(path);
  });

  it('lists merged ranges and fills them with the top-left value unless told not to', async () => {
    const path = join(dir, 'merged.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.getCell('A1').value = 'DANH SÁCH CHI TRẢ';
    ws.mergeCells('A1:C1');
    ws.getCell('A2').value = 'Xã Tân Lập';
    ws.mergeCells('A2:A4');
    ws.getCell('B2').value = 'An';
    ws.getCell('B3').value = 'Bình';
    ws.getCell('B4').value = 'Cường';
    await wb.xlsx.writeFile(path);

    const book = await openXlsx(path);
    expect(await book.merges('Danh sách')).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 2, left: 1, bottom: 4, right: 1 },
    ]);
    await book.close();
    expect(await rowsOf(path)).toEqual([
      { row: 1, cells: ['DANH SÁCH CHI TRẢ', 'DANH SÁCH CHI TRẢ', 'DANH SÁCH CHI TRẢ'] },
      { row: 2, cells: ['Xã Tân Lập', 'An'] },
      { row: 3, cells: ['Xã Tân Lập', 'Bình'] },
      { row: 4, cells: ['Xã Tân Lập', 'Cường'] },
    ]);
    expect(await rowsOf(path, undefined, false)).toEqual([
      { row: 1, cells: ['DANH SÁCH CHI TRẢ'] },
      { row: 2, cells: ['Xã Tân Lập', 'An'] },
      { row: 3, cells: [null, 'Bình'] },
      { row: 4, cells: [null, 'Cường'] },
    ]);
    // exceljs gives merged cells the top-left value too.
    const expected = await readWithExceljs(path, { mergedAsMaster: true });
    const actual = await readWithOpenXlsx(path, { fillMerged: true });
    expect(diffCells(expected.cells.get('Danh sách'), actual.cells.get('Danh sách'))).toEqual([]);
  });

  it('lists sheets in workbook order with their visibility and reads each one', async () => {
    const path = await writeSheetsWorkbook();
    const book = await openXlsx(path);
    try {
      expect(book.sheets).toEqual([
        { name: 'Tổng hợp', index: 0, state: 'visible' },
        { name: 'Thôn 1', index: 1, state: 'hidden' },
        { name: 'Nháp', index: 2, state: 'veryHidden' },
        { name: 'Thôn 2', index: 3, state: 'visible' },
      ]);
    } finally {
      await book.close();
    }
    expect(await rowsOf(path, 'Thôn 1')).toEqual([{ row: 1, cells: ['một'] }]);
    expect(await rowsOf(path, 'Thôn 2')).toEqual([{ row: 1, cells: ['hai'] }]);
    await expectSameAsExceljs(path);
  });

  it('refuses an unknown sheet name with a Vietnamese message listing the sheets', async () => {
    const path = await writeSheetsWorkbook();
    const book = await openXlsx(path);
    try {
      const iterate = async (): Promise<void> => {
        for await (const _row of book.rows('Thôn 9')) break;
      };
      await expect(iterate()).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('Không có trang tính tên "Thôn 9"') });
      await expect(iterate()).rejects.toBeInstanceOf(AppError);
    } finally {
      await book.close();
    }
  });

  it('can stop a read early and read the same workbook again, sheets concurrently', async () => {
    const path = await writeSheetsWorkbook();
    const book = await openXlsx(path);
    try {
      for await (const row of book.rows('Tổng hợp')) {
        expect(row.cells).toEqual(['tổng']);
        break;
      }
      const all = async (name: string): Promise<RawRow[]> => {
        const rows: RawRow[] = [];
        for await (const row of book.rows(name)) rows.push(row);
        return rows;
      };
      const [one, two, merges] = await Promise.all([all('Thôn 1'), all('Thôn 2'), book.merges('Thôn 1')]);
      expect(one).toEqual([{ row: 1, cells: ['một'] }]);
      expect(two).toEqual([{ row: 1, cells: ['hai'] }]);
      expect(merges).toEqual([]);
    } finally {
      await book.close();
    }
  });

  it('reads a large sheet across many inflated chunks exactly as exceljs does', async () => {
    const path = join(dir, 'large.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet('Chi trả');
    for (let i = 1; i <= 12_000; i++) {
      const row = ws.addRow([i, `Người số ${i % 997}`, `${String(i).padStart(12, '0')}`, i * 1.25, new Date(Date.UTC(2020, 3, 1 + (i % 60))), i % 3 === 0]);
      row.getCell(5).numFmt = 'dd/mm/yyyy';
      row.commit();
    }
    ws.commit();
    await wb.commit();
    const rows = await rowsOf(path);
    expect(rows.length).toBe(12_000);
    expect(rows[11_999]).toEqual({ row: 12_000, cells: [12_000, `Người số ${12_000 % 997}`, '000000012000', 15_000, new Date(Date.UTC(2020, 3, 1 + (12_000 % 60))), true] });
    await expectSameAsExceljs(path);
  });
});
