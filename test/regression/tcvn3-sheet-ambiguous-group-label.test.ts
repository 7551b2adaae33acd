import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../src/domain/index.js';
import { readRecords } from '../../src/ingest/index.js';
import { encodeTcvn3 } from '../../src/samples/tcvn3.js';
import { readAll, tempDir, writeWorkbook } from '../ingest/write-files.js';

/**
 * Bug: in a payout sheet typed entirely in TCVN3 (.VnTime), the group cell "Hé kinh doanh" (TCVN3 for
 * "Hộ kinh doanh") is also a well-formed Unicode phrase, so the per-cell detector left it alone: the row
 * got no group (GROUP_UNKNOWN → false MISSING_FIELD, missed HOUSEHOLD_BUSINESS_REVENUE). The sheet's
 * dominant encoding must decide such cells.
 */
let tmp: Awaited<ReturnType<typeof tempDir>>;
let records: PersonRecord[];

const people = [
  ['Nguyễn Văn Trường', 'Hộ kinh doanh', '3.000.000'],
  ['Trần Thị Huyền', 'Hộ kinh doanh', '2.000.000'],
  ['Lê Quốc Khang', 'Người có công với cách mạng', '1.500.000'],
  ['Phạm Thị Lụa', 'Hộ nghèo', '750.000'],
] as const;

beforeAll(async () => {
  tmp = await tempDir();
  const file = tmp.file('chi-tra-tcvn3.xlsx');
  const t = encodeTcvn3;
  await writeWorkbook(file, [
    {
      name: 'Thôn 1',
      rows: [
        [t('DANH SÁCH CHI TRẢ HỖ TRỢ THEO NGHỊ QUYẾT 42/NQ-CP')],
        [t('Xã Sơn Lộc, huyện Can Lộc, tỉnh Hà Tĩnh')],
        ['TT', t('Họ và tên'), t('Đối tượng'), t('Số tiền'), t('Ghi chú')],
        ...people.map(([name, group, amount], i) => [i + 1, t(name), t(group), amount, null]),
      ],
    },
  ]);
  records = (await readAll(readRecords(file, { role: 'payouts' }))).records;
});
afterAll(async () => tmp.cleanup());

describe('a sheet typed in TCVN3 with a cell that also reads as Unicode', () => {
  it('the fixture really has the ambiguous cell', () => {
    expect(encodeTcvn3('Hộ kinh doanh')).toBe('Hé kinh doanh');
  });

  it('decodes every text cell of the sheet, so "Hé kinh doanh" is the household-business group', () => {
    expect(records.map((r) => r.fullName)).toEqual(people.map(([name]) => name));
    expect(records.map((r) => r.groupLabel)).toEqual(people.map(([, group]) => group));
    expect(records.map((r) => r.groupCode)).toEqual(['HKD', 'HKD', 'NCC', 'HN']);
    for (const r of records) {
      expect(r.flags).not.toContain('GROUP_UNKNOWN');
      expect(r.flags).toContain('LEGACY_ENCODING_TCVN3');
    }
  });
});
