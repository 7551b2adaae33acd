import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeWorkbook, type Cell } from '../ingest/write-files.js';
import { runAnsinh } from './run-cli.js';

const HOSTILE_NAMES = ['=HYPERLINK("http://x","y")', '+1+1', '@SUM(A1)'];

describe('spreadsheet formula injection, from an input file to the findings workbook', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;

  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => dir.cleanup());

  it('shows names such as =HYPERLINK(…), +1+1 and @SUM(A1) as those literal texts, never as formulas', async () => {
    const header: Cell[] = ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Đối tượng', 'Số tiền', 'Ngày chi trả', 'Xã'];
    // Each person is paid 2.000.000 đ as a người có công (policy: 1.500.000 đ), so each gets an AMOUNT_MISMATCH finding.
    const rows: Cell[][] = HOSTILE_NAMES.map((name, i) => [i + 1, name, 1950 + i, 'Nam', 'NCC', 2_000_000, '15/05/2020', 'Xã Phúc Xá']);
    const input = await writeWorkbook(dir.file('chi-tra.xlsx'), [{ name: 'Thôn 1', rows: [header, ...rows], merges: [] }]);
    const out = dir.file('ket-qua.xlsx');
    const result = await runAnsinh(['audit', '--payouts', input, '--out', out]);
    expect(result.code, result.stderr).toBe(0);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Sai số tiền');
    if (!sheet) throw new Error('no "Sai số tiền" sheet');
    const header1 = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const nameColumn = header1.indexOf('Họ và tên');
    expect(nameColumn).toBeGreaterThan(0);
    const shown: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) shown.push(row.getCell(nameColumn).value);
    });
    for (const name of HOSTILE_NAMES) expect(shown).toContain(name);
    for (const value of shown) expect(typeof value).toBe('string'); // never a { formula } object
  }, 120_000);
});
