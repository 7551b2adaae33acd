import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFile, readRecords } from '../../src/ingest/index.js';
import { readAll, tempDir, writeText } from './write-files.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => tmp.cleanup());

describe('readRecords on CSV files', () => {
  it('reads a UTF-8 CSV with BOM and ";" separators, with title rows, numbering rows by line (header = its line)', async () => {
    const text =
      '\uFEFFUBND XÃ AN BÌNH;;;;\r\n' +
      'DANH SÁCH CHI TRẢ HỖ TRỢ NGƯỜI CÓ CÔNG;;;;\r\n' +
      'STT;Họ và tên;Số CMND/CCCD;Ghi chú;Số tiền\r\n' +
      '1;Nguyễn Văn An;001055012345;"nhận thay:\r\ncon trai";1.500.000\r\n' +
      '2;Trần Thị Bình;079160001234;;"1.500.000"\r\n' +
      ';;;;\r\n' +
      'Tổng cộng;;;;3.000.000\r\n';
    const file = await writeText(tmp.file('chi-tra.csv'), text);
    const plan = await planFile(file, { role: 'payouts' });
    expect(plan.format).toBe('csv');
    expect(plan.sheets[0]).toMatchObject({ sheet: 'chi-tra', headerRows: [3], dataStartRow: 4 });
    const { records, stats } = await readAll(readRecords(file, { role: 'payouts' }));
    // The quoted note spans lines 4–5, so Bình is on line 6.
    expect(records.map((r) => [r.row, r.fullName, r.idNumber, r.amount])).toEqual([
      [4, 'Nguyễn Văn An', '001055012345', 1500000],
      [6, 'Trần Thị Bình', '079160001234', 1500000],
    ]);
    expect(records[0]?.note).toBe('nhận thay: con trai');
    expect(records[0]?.raw['Họ và tên']).toBe('Nguyễn Văn An');
    expect(stats.sheets[0]).toMatchObject({ headerRow: 3, rowsRead: 2, skipped: { blank: 1, total: 1 } });
    expect(records[0]?.groupCode).toBe('NCC');
  });

  it('detects "," and tab separators, without BOM', async () => {
    const comma = await writeText(tmp.file('comma.csv'), 'Họ tên,CMND,Số tiền\n"Lê Văn, Tám",012345678,"1,500,000"\n');
    const tab = await writeText(tmp.file('tab.csv'), 'Họ tên\tCMND\tSố tiền\nLê Văn Chín\t012345679\t1.500.000\n');
    const a = await readAll(readRecords(comma, { role: 'payouts' }));
    const b = await readAll(readRecords(tab, { role: 'payouts' }));
    expect(a.records.map((r) => [r.row, r.fullName, r.amount])).toEqual([[2, 'Lê Văn, Tám', 1500000]]);
    expect(b.records.map((r) => [r.row, r.fullName, r.idNumber, r.amount])).toEqual([[2, 'Lê Văn Chín', '012345679', 1500000]]);
  });

  it('rejects a CSV row with data but no name and no ID, naming line and column', async () => {
    const file = await writeText(tmp.file('rejected.csv'), 'STT;Họ và tên;CMND;Số tiền\n1;Lê Văn Mười;012345678;1500000\n2;;;1500000\n');
    const { records, stats } = await readAll(readRecords(file, { role: 'payouts' }));
    expect(records).toHaveLength(1);
    expect(stats.rowsRejected).toBe(1);
    expect(stats.sheets[0]?.problems).toEqual([expect.objectContaining({ sheet: 'rejected', row: 3, column: 'B' })]);
  });
});
