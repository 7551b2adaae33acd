import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../src/domain/index.js';
import { readRecords } from '../../src/ingest/index.js';
import { readAll, tempDir, writeWorkbook } from '../ingest/write-files.js';

/**
 * Bug: Huyện Đức Hòa (Long An) has both "Thị trấn Hiệp Hòa" and "Xã Hiệp Hòa". The title "ỦY BAN NHÂN DÂN
 * XÃ HIỆP HÒA" was kept as "HIỆP HÒA" without its type, and a column headed "Xã" holding "Hiệp Hòa" was read
 * without its header's type: both were ambiguous, so every row of the commune was UNKNOWN_ADMIN_UNIT.
 */
let tmp: Awaited<ReturnType<typeof tempDir>>;
let byTitle: PersonRecord[];
let byColumn: PersonRecord[];
let generic: PersonRecord[];

const title = [['UBND HUYỆN ĐỨC HÒA'], ['ỦY BAN NHÂN DÂN XÃ HIỆP HÒA'], ['DANH SÁCH CHI TRẢ HỖ TRỢ THEO NGHỊ QUYẾT 42/NQ-CP']];

beforeAll(async () => {
  tmp = await tempDir();
  const a = await writeWorkbook(tmp.file('chi-tra-a.xlsx'), [
    { name: 'Ấp Hạ', rows: [...title, ['TT', 'Họ và tên', 'Diện', 'Số tiền'], [1, 'Nguyễn Văn An', 'NCC', 1_500_000], [2, 'Lê Thị Bình', 'BTXH', 1_500_000]] },
  ]);
  const b = await writeWorkbook(tmp.file('chi-tra-b.xlsx'), [
    {
      name: 'Ấp 1',
      rows: [['Huyện Đức Hòa, tỉnh Long An'], ['TT', 'Họ và tên', 'Xã', 'Diện', 'Số tiền'], [1, 'Trần Văn Cường', 'Hiệp Hòa', 'NCC', '1.500.000'], [2, 'Phạm Thị Dung', 'Tân Phú', 'NCC', '1.500.000']],
    },
  ]);
  const c = await writeWorkbook(tmp.file('chi-tra-c.xlsx'), [
    {
      name: 'Ấp 1',
      rows: [['Huyện Đức Hòa, tỉnh Long An'], ['TT', 'Họ và tên', 'Xã/phường/thị trấn', 'Diện', 'Số tiền'], [1, 'Trần Văn Cường', 'Hiệp Hòa', 'NCC', '1.500.000']],
    },
  ]);
  byTitle = (await readAll(readRecords(a, { role: 'payouts' }))).records;
  byColumn = (await readAll(readRecords(b, { role: 'payouts' }))).records;
  generic = (await readAll(readRecords(c, { role: 'payouts' }))).records;
});
afterAll(async () => tmp.cleanup());

describe('a commune name a Xã and a Thị trấn of one district share', () => {
  it('is the Xã when the title says "XÃ HIỆP HÒA"', () => {
    expect(byTitle.map((r) => [r.communeCode, r.communeName])).toEqual([
      ['27952', 'Xã Hiệp Hòa'],
      ['27952', 'Xã Hiệp Hòa'],
    ]);
    expect(byTitle.flatMap((r) => r.flags)).not.toContain('ADMIN_UNIT_UNRESOLVED');
  });

  it('is the Xã when the column is headed "Xã"; other names there still resolve', () => {
    expect(byColumn.map((r) => r.communeCode)).toEqual(['27952', '27961']);
    expect(byColumn.flatMap((r) => r.flags)).not.toContain('ADMIN_UNIT_UNRESOLVED');
  });

  it('stays unresolved (two candidates) under a header naming no type', () => {
    expect(generic[0]?.communeCode).toBeNull();
    expect(generic[0]?.flags).toContain('ADMIN_UNIT_UNRESOLVED');
  });
});
