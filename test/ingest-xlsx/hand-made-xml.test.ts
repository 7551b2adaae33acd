/**
 * openXlsx on hand-made packages: XML forms that real writers produce but exceljs never writes (cells and rows
 * without `r`, `x:`-prefixed elements, phonetic runs, `_x000D_` escapes, merged rows without cells…),
 * plus refused and broken files.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type RawRow } from '../../src/domain/index.js';
import { detectSpreadsheetFormat, openXlsx } from '../../src/ingest/xlsx/index.js';
import { diffCells, readWithExceljs, readWithOpenXlsx } from './exceljs-values.js';
import { minimalXlsx, writeZip } from './zip-parts.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-xlsx-hand-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rowsOf(path: string, fillMerged = true): Promise<RawRow[]> {
  const wb = await openXlsx(path);
  try {
    const rows: RawRow[] = [];
    for await (const row of wb.rows(wb.sheets[0]?.name ?? '', { fillMerged })) rows.push(row);
    return rows;
  } finally {
    await wb.close();
  }
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('openXlsx on hand-made XML', () => {
  it('positions cells without `r` after the previous cell and rows without `r` after the previous row', async () => {
    const path = join(dir, 'no-refs.xlsx');
    await writeZip(path, minimalXlsx({
      sheet: '<sheetData><row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row r="4"><c t="b"><v>1</v></c></row><row><c t="e"><v>#N/A</v></c></row></sheetData>',
    }));
    expect(await rowsOf(path)).toEqual([
      { row: 1, cells: [1, 2, null, null, 5, 6] },
      { row: 4, cells: [true] },
      { row: 5, cells: [{ error: '#N/A' }] },
    ]);
  });

  it('reads the row number whatever the form of the row tag (fast path for r="…" first, any other order)', async () => {
    const path = join(dir, 'row-tags.xlsx');
    await writeZip(path, minimalXlsx({
      sheet:
        '<sheetData><row r="2" spans="1:2" ht="15"><c><v>1</v></c></row><row spans="1:1" r="5"><c><v>2</v></c></row>' +
        '<row r="7"/><row  r = \'9\' ><c><v>3</v></c></row><row r="x1"><c><v>4</v></c></row><row r=""><c><v>5</v></c></row>' +
        '<row r="20"><c><v>6</v></c></row></sheetData>',
    }));
    const rows = await rowsOf(path);
    expect(rows).toEqual([
      { row: 2, cells: [1] },
      { row: 5, cells: [2] },
      { row: 9, cells: [3] },
      // r without a valid number: the row after the previous one, as for a row without r.
      { row: 10, cells: [4] },
      { row: 11, cells: [5] },
      { row: 20, cells: [6] },
    ]);
  });

  it('reads x:-prefixed elements, entities, _x000D_ escapes, and skips phonetic runs', async () => {
    const path = join(dir, 'prefixed.xlsx');
    await writeZip(path, minimalXlsx({
      prefix: 'x:',
      sharedStrings:
        '<x:si><x:t>Hà &amp; Nội&#x1EA1;</x:t></x:si>' +
        '<x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">Dòng 1_x000D_</x:t></x:r><x:r><x:t>\nDòng 2</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh></x:si>' +
        '<x:si><x:t/></x:si>',
      sheet:
        '<x:sheetData><x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c r="C2" t="s"><x:v>2</x:v></x:c>' +
        '<x:c r="D2" t="inlineStr"><x:is><x:t>a &lt; b</x:t></x:is></x:c><x:c r="E2" t="str"><x:f>A2</x:f><x:v>x &gt; y</x:v></x:c><x:c r="F2"><x:v>1.5E-3</x:v></x:c></x:row></x:sheetData>',
    }));
    expect(await rowsOf(path)).toEqual([{ row: 2, cells: ['Hà & Nộiạ', 'Dòng 1\r\nDòng 2', '', 'a < b', 'x > y', 0.0015] }]);
    // exceljs does not understand prefixed elements, so there is nothing to compare with here.
  });

  it('reads every form of shared string like exceljs, plain items and those that need decoding alike', async () => {
    const path = join(dir, 'shared-strings.xlsx');
    const items = [
      '<si><t>Nguyễn Văn An</t></si>',
      '<si><t>Hà &amp; Nội&#x1EA1;</t></si>',
      '<si><t>Dòng 1_x000D_</t></si>',
      '<si><t>mã_số</t></si>',
      '<si><t>a\r\nb</t></si>',
      '<si><t xml:space="preserve"> Thôn 7 </t></si>',
      '<si><r><rPr><b/></rPr><t>Xã </t></r><r><t>Tân Lập</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>',
      '<si><t></t></si>',
      '<si><t/></si>',
      '<si>\n  <t>cách dòng</t>\n</si>',
    ];
    await writeZip(path, minimalXlsx({
      sharedStrings: items.join(''),
      sheet: `<sheetData><row r="1">${items.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('')}</row></sheetData>`,
    }));
    expect(await rowsOf(path)).toEqual([
      { row: 1, cells: ['Nguyễn Văn An', 'Hà & Nộiạ', 'Dòng 1\r', 'mã_số', 'a\nb', ' Thôn 7 ', 'Xã Tân Lập', '', '', 'cách dòng'] },
    ]);
    const expected = await readWithExceljs(path);
    const actual = await readWithOpenXlsx(path, { fillMerged: false });
    expect(diffCells(expected.cells.get('Dữ liệu'), actual.cells.get('Dữ liệu'))).toEqual([]);
  });

  it('recognises built-in and custom date formats like exceljs, including escaped characters', async () => {
    const path = join(dir, 'formats.xlsx');
    await writeZip(path, minimalXlsx({
      numFmts: '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd\\/mm\\/yyyy"/><numFmt numFmtId="165" formatCode="#,##0&quot; đồng&quot;"/><numFmt numFmtId="166" formatCode="[$-42A]General"/></numFmts>',
      cellXfs: '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="45"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="49"/><xf numFmtId="30"/>',
      sheet: `<sheetData><row r="1">${[0, 1, 2, 3, 4, 5, 6, 7, 8].map((s) => `<c r="${String.fromCharCode(65 + s)}1" s="${s}"><v>43952.5</v></c>`).join('')}</row></sheetData>`,
    }));
    const date = new Date(Date.UTC(2020, 4, 1, 12));
    // Built-in 30 (m/d/yy in some locales) has no format code in exceljs, which therefore keeps a number.
    expect(await rowsOf(path)).toEqual([{ row: 1, cells: [43952.5, date, date, date, date, 43952.5, 43952.5, 43952.5, 43952.5] }]);
    const expected = await readWithExceljs(path);
    const actual = await readWithOpenXlsx(path, { fillMerged: false });
    expect(diffCells(expected.cells.get('Dữ liệu'), actual.cells.get('Dữ liệu'))).toEqual([]);
  });

  it('fills rows that lie inside a merged range but have no cells of their own', async () => {
    const path = join(dir, 'merge-gap.xlsx');
    await writeZip(path, minimalXlsx({
      sheet:
        '<sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>Xã Phú Mỹ</t></is></c><c r="B2"><v>1</v></c></row><row r="5"><c r="B5"><v>2</v></c></row></sheetData>' +
        '<mergeCells count="2"><mergeCell ref="A2:A6"/><mergeCell ref="C8:D9"/></mergeCells>',
    }));
    expect(await rowsOf(path)).toEqual([
      { row: 2, cells: ['Xã Phú Mỹ', 1] },
      { row: 3, cells: ['Xã Phú Mỹ'] },
      { row: 4, cells: ['Xã Phú Mỹ'] },
      { row: 5, cells: ['Xã Phú Mỹ', 2] },
      { row: 6, cells: ['Xã Phú Mỹ'] },
    ]);
    expect(await rowsOf(path, false)).toEqual([
      { row: 2, cells: ['Xã Phú Mỹ', 1] },
      { row: 5, cells: [null, 2] },
    ]);
  });
});

describe('openXlsx refusing files', () => {
  it('refuses a password-protected workbook (OLE container with EncryptionInfo)', async () => {
    const path = join(dir, 'locked.xlsx');
    const header = Buffer.alloc(1536);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    Buffer.from('EncryptionInfo', 'utf16le').copy(header, 1024);
    await writeFile(path, header);
    expect(await detectSpreadsheetFormat(path)).toBe('encrypted');
    const error = await errorOf(openXlsx(path));
    expect(error.code).toBe('UNSUPPORTED_FORMAT');
    expect(error.message).toContain('mật khẩu');
    expect(error.location?.file).toBe('locked.xlsx');
  });

  it('refuses a CSV file and an unknown binary file', async () => {
    const csv = join(dir, 'list.xlsx');
    await writeFile(csv, 'STT,Họ và tên\n1,Nguyễn Văn An\n');
    expect(await detectSpreadsheetFormat(csv)).toBe('csv');
    expect((await errorOf(openXlsx(csv))).code).toBe('UNSUPPORTED_FORMAT');
    const binary = join(dir, 'image.xlsx');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
    expect(await detectSpreadsheetFormat(binary)).toBe('unknown');
    expect((await errorOf(openXlsx(binary))).message).toContain('không phải là bảng tính');
  });

  it('reports a missing file as not found', async () => {
    const error = await errorOf(openXlsx(join(dir, 'khong-co.xlsx')));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('Không tìm thấy tệp');
    expect(error.location?.file).toBe('khong-co.xlsx');
  });

  it('reports a truncated workbook as unreadable', async () => {
    const whole = join(dir, 'whole.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow(['x', 1]);
    await wb.xlsx.writeFile(whole);
    const bytes = await readFile(whole);
    const cut = join(dir, 'cut.xlsx');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await errorOf(openXlsx(cut));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toContain('bị hỏng');
  });

  it('reports damaged sheet data as unreadable, naming the sheet', async () => {
    const path = join(dir, 'damaged.xlsx');
    const parts = minimalXlsx({ sheet: `<sheetData>${Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c t="inlineStr"><is><t>${i * 7919}</t></is></c></row>`).join('')}</sheetData>` });
    await writeZip(path, parts);
    const bytes = await readFile(path);
    // Overwrite the middle of the sheet's compressed data (the largest part, written after the small ones).
    const sheetStart = bytes.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 'xl/worksheets/sheet1.xml'.length;
    bytes.fill(0xff, sheetStart + 200, sheetStart + 400);
    await writeFile(path, bytes);
    const book = await openXlsx(path);
    try {
      const error = await errorOf((async () => {
        for await (const _row of book.rows('Dữ liệu', { fillMerged: false })) void _row;
      })());
      expect(error.code).toBe('UNREADABLE_FILE');
      expect(error.location).toEqual({ file: 'damaged.xlsx', sheet: 'Dữ liệu' });
    } finally {
      await book.close();
    }
  });

  it('still reads a workbook that was only renamed', async () => {
    const path = join(dir, 'renamed.xls');
    await copyFile(join(import.meta.dirname, '../fixtures/xlsx-corpus/merge_cells.xlsx'), path);
    expect(await detectSpreadsheetFormat(path)).toBe('xlsx');
    expect((await rowsOf(path)).length).toBeGreaterThan(0);
  });
});
