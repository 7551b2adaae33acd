import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../src/domain/index.js';
import { planFile, readRecords, type FileStats } from '../../src/ingest/index.js';
import { FIRST_PERSON_ROW, villageSheet } from './village-workbook.js';
import { readAll, tempDir, writeWorkbook } from './write-files.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let records: PersonRecord[];
let stats: FileStats;
let batches: number;
let progress: number[];

const thon1 = villageSheet('Thôn 1', [
  [1, 'Nguyễn Văn An', 1955, null, 1055012345, 'Tổ 5', 'Người có công', 3, '1.500.000'],
  [2, 'Trần Thị Bình', null, 1960, '079160001234', null, 'Bảo trợ xã hội', 3, '1,500,000 đ'],
  [],
  [3, 'Lê Văn Cường', 1948, 1948, null, null, null, 3, 1500000],
  [4, null, null, null, null, 'Tổ 6', null, 3, 1500000],
  [5, 'Phạm Thị Dung', null, 1970, null, null, null, 3, 'một triệu rưỡi'],
]);
const thon2 = villageSheet(
  'Thôn 2',
  [
    [1, 'Võ Văn Em', 1950, null, '001050000111', null, 'NCC', 3, 1500000],
    [2, 'Đặng Thị Gấm', null, 1952, '001152000222', null, 'Thương binh', 3, 1500000],
    [3, 'Bùi Văn Hải', 1949, null, '001049000333', null, 'chưa rõ diện', 3, 1500000],
  ],
  { repeatHeaderAfter: 2 },
);
const ap3 = {
  name: 'Ấp 3',
  rows: [
    ['TT', 'HỌ  TÊN', 'Ngày tháng năm sinh', 'Giới tính', 'CMND', 'Thôn', 'Diện', 'Số tiền (đồng)', 'Ngày nhận'],
    [1, 'Ngô Thị Hoa', '12/03/1960', 'Nữ', '012345678', 'Ấp Tân Hòa', 'Hộ nghèo', 750000, new Date(Date.UTC(2020, 4, 15))],
    [2, 'Hồ Văn Ích', new Date(Date.UTC(1958, 0, 2)), 'Nam', ' 079 158 000 123 ', null, 'hộ cận nghèo', '750.000đ', '15/05/2020'],
    [3, 'Mai Văn Khoa', '1961', 'nam', null, null, null, 750000, 43966],
  ],
};
const notes = {
  name: 'Ghi chú',
  rows: [['Ghi chú: danh sách đã được niêm yết công khai tại nhà văn hóa các thôn.'], ['Người lập: Nguyễn Thị Lập']],
};

beforeAll(async () => {
  tmp = await tempDir();
  const file = await writeWorkbook(tmp.file('chi-tra-an-binh.xlsx'), [thon1, thon2, ap3, notes]);
  progress = [];
  const result = await readAll(readRecords(file, { role: 'payouts', batchSize: 4, onProgress: (n) => progress.push(n) }));
  records = result.records;
  stats = result.stats;
  batches = result.batches;
});
afterAll(async () => tmp.cleanup());

function at(sheet: string, row: number): PersonRecord {
  const r = records.find((x) => x.sheet === sheet && x.row === row);
  if (!r) throw new Error(`no record ${sheet}!${row}; have ${records.map((x) => `${x.sheet}!${x.row}`).join(' ')}`);
  return r;
}

describe('readRecords on a workbook of three village sheets and a notes sheet', () => {
  it('reads every data sheet in order and keeps sheet names and Excel row numbers', () => {
    expect([...new Set(records.map((r) => r.sheet))]).toEqual(['Thôn 1', 'Thôn 2', 'Ấp 3']);
    expect(records.filter((r) => r.sheet === 'Thôn 1').map((r) => r.row)).toEqual([10, 11, 13, 15]);
    // Thôn 2: two people, three repeated header rows (12–14 after the page break), then the third.
    expect(records.filter((r) => r.sheet === 'Thôn 2').map((r) => r.row)).toEqual([10, 11, 15]);
    expect(records.filter((r) => r.sheet === 'Ấp 3').map((r) => r.row)).toEqual([2, 3, 4]);
    expect(at('Thôn 1', FIRST_PERSON_ROW).fullName).toBe('Nguyễn Văn An');
  });

  it('streams in batches and reports progress', () => {
    expect(batches).toBe(3); // 10 records in batches of 4
    expect(progress[progress.length - 1]).toBe(10);
  });

  it('counts every skipped row by reason, with the header row per sheet', () => {
    const t1 = stats.sheets.find((s) => s.sheet === 'Thôn 1');
    expect(t1).toMatchObject({ headerRow: 6, rowsRead: 4, rowsRejected: 1 });
    expect(t1?.skipped).toEqual({ blank: 2, section: 1, total: 1, signature: 6, repeated_header: 0, note: 1 });
    expect(t1?.rowsSkipped).toBe(11);
    const t2 = stats.sheets.find((s) => s.sheet === 'Thôn 2');
    expect(t2?.skipped.repeated_header).toBe(3);
    expect(t2?.rowsRejected).toBe(0);
    const notesStats = stats.sheets.find((s) => s.sheet === 'Ghi chú');
    expect(notesStats).toMatchObject({ headerRow: null, rowsRead: 0 });
    expect(stats.rowsRead).toBe(10);
    expect(stats.rowsRejected).toBe(1);
    expect(stats.rowsSkipped).toBe(stats.sheets.reduce((s, x) => s + x.rowsSkipped, 0));
  });

  it('reports the notes sheet as not a data sheet, with a reason', async () => {
    const plan = await planFile(tmp.file('chi-tra-an-binh.xlsx'), { role: 'payouts' });
    const sheet = plan.sheets.find((s) => s.sheet === 'Ghi chú');
    expect(sheet?.isDataSheet).toBe(false);
    expect(sheet?.reason).toMatch(/không tìm thấy dòng tiêu đề/);
  });

  it('rejects a row with data but no name and no ID, naming sheet, row and column', () => {
    const t1 = stats.sheets.find((s) => s.sheet === 'Thôn 1');
    const rejected = t1?.problems.find((p) => p.row === 14);
    expect(rejected).toMatchObject({ sheet: 'Thôn 1', row: 14, column: 'B' });
    expect(rejected?.message).toMatch(/không có họ tên/);
  });

  it('reads birth years from the Nam/Nữ columns and sets the gender; flags a year in both', () => {
    expect(at('Thôn 1', 10)).toMatchObject({ birthYear: 1955, gender: 'M' });
    expect(at('Thôn 1', 11)).toMatchObject({ birthYear: 1960, gender: 'F' });
    const both = at('Thôn 1', 13);
    expect(both.flags).toContain('BIRTH_BOTH_GENDER_COLUMNS');
    expect(both.gender).toBeNull();
  });

  it('parses amounts written as "1.500.000", "1,500,000 đ" and numbers; flags text that is no amount', () => {
    expect(at('Thôn 1', 10).amount).toBe(1_500_000);
    expect(at('Thôn 1', 11).amount).toBe(1_500_000);
    expect(at('Thôn 1', 13).amount).toBe(1_500_000);
    expect(at('Ấp 3', 3).amount).toBe(750_000);
    const bad = at('Thôn 1', 15);
    expect(bad.amount).toBeNull();
    expect(bad.flags).toContain('AMOUNT_UNPARSED');
    expect(bad.raw['Số tiền / Thành tiền']).toBe('một triệu rưỡi');
    const problem = stats.sheets.find((s) => s.sheet === 'Thôn 1')?.problems.find((p) => p.row === 15);
    expect(problem).toMatchObject({ column: 'I' });
    expect(at('Thôn 1', 10).months).toBe(3);
  });

  it('restores leading zeros lost from numeric IDs and keeps text IDs', () => {
    const an = at('Thôn 1', 10);
    expect(an.idNumber).toBe('001055012345');
    expect(an.flags).toContain('ID_LEADING_ZERO_RESTORED');
    expect(at('Thôn 1', 11)).toMatchObject({ idNumber: '079160001234', idKind: 'CCCD' });
    expect(at('Ấp 3', 2)).toMatchObject({ idNumber: '012345678', idKind: 'CMND' });
    expect(at('Ấp 3', 3)).toMatchObject({ idNumber: '079158000123', idKind: 'CCCD' });
  });

  it('reads dates as Excel dates, dd/mm/yyyy text, year-only text and date serials', () => {
    expect(at('Ấp 3', 2)).toMatchObject({ birthDate: '1960-03-12', birthYear: 1960, gender: 'F', paidDate: '2020-05-15' });
    expect(at('Ấp 3', 3)).toMatchObject({ birthDate: '1958-01-02', birthYear: 1958, gender: 'M', paidDate: '2020-05-15' });
    expect(at('Ấp 3', 4)).toMatchObject({ birthDate: null, birthYear: 1961, gender: 'M', paidDate: '2020-05-15' });
  });

  it('takes the village from the column, else the sheet name', () => {
    expect(at('Ấp 3', 2).village).toBe('Ấp Tân Hòa');
    expect(at('Ấp 3', 3).village).toBe('Ấp 3');
    expect(at('Thôn 2', 10).village).toBe('Thôn 2');
  });

  it('resolves the commune from the title rows to its 2020 GSO code', () => {
    const an = at('Thôn 1', 10);
    expect(an).toMatchObject({ communeCode: '25615', districtCode: '708', provinceCode: '72' });
    expect(an.flags).not.toContain('ADMIN_UNIT_UNRESOLVED');
  });

  it('takes the group from the column, else the section heading; keeps unknown labels with a flag', () => {
    expect(at('Thôn 1', 10)).toMatchObject({ groupCode: 'NCC', groupLabel: 'Người có công' });
    expect(at('Thôn 1', 11)).toMatchObject({ groupCode: 'BTXH', groupLabel: 'Bảo trợ xã hội' });
    expect(at('Thôn 1', 13)).toMatchObject({ groupCode: 'NCC', groupLabel: 'NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG' });
    const unknown = at('Thôn 2', 15);
    expect(unknown).toMatchObject({ groupCode: null, groupLabel: 'chưa rõ diện' });
    expect(unknown.flags).toContain('GROUP_UNKNOWN');
    expect(at('Ấp 3', 2).groupCode).toBe('HN');
    expect(at('Ấp 3', 3).groupCode).toBe('HCN');
  });

  it('keeps every non-empty cell in raw under its header text', () => {
    const an = at('Thôn 1', 10);
    expect(an.raw).toMatchObject({ STT: 1, 'Họ và tên': 'Nguyễn Văn An', 'Năm sinh / Nam': 1955, 'Địa chỉ': 'Tổ 5' });
    expect(an.address).toBe('Tổ 5');
    expect(an.role).toBe('payouts');
    expect(an.file).toBe('chi-tra-an-binh.xlsx');
    expect(an.nameKey).toBe('nguyen van an');
  });

  it('returns the mapping used per data sheet', () => {
    expect(stats.mapping['Thôn 1']).toMatchObject({ seq: 0, fullName: 1, birthYearMale: 2, birthYearFemale: 3, idNumber: 4, address: 5, group: 6, months: 7, amount: 8, signature: 9, note: 10 });
    expect(stats.mapping['Ấp 3']).toMatchObject({ seq: 0, fullName: 1, birthDate: 2, gender: 3, idNumber: 4, village: 5, group: 6, amount: 7, paidDate: 8 });
    expect(Object.keys(stats.mapping)).toEqual(['Thôn 1', 'Thôn 2', 'Ấp 3']);
  });
});
