import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../src/domain/index.js';
import { readRecords } from '../../src/ingest/index.js';
import type { FileStats } from '../../src/ingest/index.js';
import { encodeVni } from '../../src/normalize/index.js';
import { readAll, tempDir, writeWorkbook } from '../ingest/write-files.js';

/**
 * A payout sheet typed entirely in a VNI-Windows font (VNI-Times): title, headers, names, group labels
 * and amounts written as text with "ñ" (VNI for "đ"). Real communes still send such files; the sheet's
 * dominant encoding must be detected as VNI so that every cell comes back as the Unicode original.
 */
let tmp: Awaited<ReturnType<typeof tempDir>>;
let records: PersonRecord[];
let stats: FileStats;

const people = [
  ['Nguyễn Văn Đức', 'Người có công với cách mạng', '1.500.000 đ', 1_500_000, 'NCC'],
  ['Trần Thị Huyền', 'Hộ kinh doanh', '3.000.000 đ', 3_000_000, 'HKD'],
  ['Lê Quốc Khánh', 'Hộ nghèo', '750.000 đ', 750_000, 'HN'],
  ['Phạm Thị Lụa', 'Người lao động tự do', '1.000.000 đ', 1_000_000, 'TUDO'],
] as const;

beforeAll(async () => {
  tmp = await tempDir();
  const file = tmp.file('chi-tra-vni.xlsx');
  const v = encodeVni;
  await writeWorkbook(file, [
    {
      name: 'Thôn 2',
      rows: [
        [v('ỦY BAN NHÂN DÂN XÃ SƠN LỘC')],
        [v('DANH SÁCH CHI TRẢ HỖ TRỢ THEO NGHỊ QUYẾT 42/NQ-CP')],
        [v('Xã Sơn Lộc, huyện Can Lộc, tỉnh Hà Tĩnh')],
        ['TT', v('Họ và tên'), v('Đối tượng'), v('Số tiền'), v('Ghi chú')],
        ...people.map(([name, group, amount], i) => [i + 1, v(name), v(group), v(amount), null]),
      ],
    },
  ]);
  const read = await readAll(readRecords(file, { role: 'payouts' }));
  records = read.records;
  stats = read.stats;
});
afterAll(async () => tmp.cleanup());

describe('a sheet typed entirely in VNI-Windows', () => {
  it('the fixture really is VNI text ("đ" is "ñ")', () => {
    expect(encodeVni('1.500.000 đ')).toBe('1.500.000 ñ');
    expect(encodeVni('Họ và tên')).not.toBe('Họ và tên');
  });

  it('maps the VNI headers to their fields', () => {
    const mapping = stats.mapping['Thôn 2'];
    expect(mapping).toBeDefined();
    expect(mapping?.fullName).toBe(1);
    expect(mapping?.group).toBe(2);
    expect(mapping?.amount).toBe(3);
  });

  it('decodes names, group labels and amounts to the Unicode originals', () => {
    expect(records.map((r) => r.fullName)).toEqual(people.map(([name]) => name));
    expect(records.map((r) => r.groupLabel)).toEqual(people.map(([, group]) => group));
    expect(records.map((r) => r.groupCode)).toEqual(people.map(([, , , , code]) => code));
    expect(records.map((r) => r.amount)).toEqual(people.map(([, , , amount]) => amount));
    for (const r of records) {
      expect(r.flags).not.toContain('GROUP_UNKNOWN');
      expect(r.flags).toContain('LEGACY_ENCODING_VNI');
    }
  });
});
