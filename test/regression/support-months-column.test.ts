import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../src/domain/index.js';
import { readRecords, type FileStats } from '../../src/ingest/index.js';
import { runOne } from '../checks/factories.js';
import { readAll, tempDir, writeWorkbook } from '../ingest/write-files.js';

/**
 * Communes often write which months a row pays for ("Tháng hỗ trợ": "4,5,6/2020", "T4-T6/2020",
 * "Tháng 4, 5 năm 2020") instead of a "Số tháng" count. The column must map to `period`, and the amount
 * checks must count the months from it: a free-lance worker (TUDO, 1.000.000 đ/month, at most 3 months,
 * April–June 2020) paid 3.000.000 đ for "4,5/2020" was overpaid; "4,5,6,7/2020" is past the package's
 * months and its month cap.
 */
let tmp: Awaited<ReturnType<typeof tempDir>>;
let records: PersonRecord[];
let stats: FileStats;

const rows = [
  ['Nguyễn Văn Trường', '4,5/2020', '3.000.000'],
  ['Trần Thị Huyền', 'T4-T6/2020', '3.000.000'],
  ['Lê Quốc Khánh', 'Tháng 4, 5 năm 2020', '2.000.000'],
  ['Phạm Thị Lụa', '4,5,6,7/2020', '4.000.000'],
] as const;

beforeAll(async () => {
  tmp = await tempDir();
  const file = tmp.file('chi-tra-thang.xlsx');
  await writeWorkbook(file, [
    {
      name: 'Thôn 1',
      rows: [
        ['DANH SÁCH CHI TRẢ HỖ TRỢ NGƯỜI LAO ĐỘNG TỰ DO THEO NGHỊ QUYẾT 42/NQ-CP'],
        ['Xã Sơn Lộc, huyện Can Lộc, tỉnh Hà Tĩnh'],
        ['TT', 'Họ và tên', 'Đối tượng', 'Tháng hỗ trợ', 'Số tiền', 'Ngày chi trả'],
        ...rows.map(([name, period, amount], i) => [i + 1, name, 'Người lao động tự do', period, amount, '15/06/2020']),
      ],
    },
  ]);
  const read = await readAll(readRecords(file, { role: 'payouts' }));
  records = read.records;
  stats = read.stats;
});
afterAll(async () => tmp.cleanup());

const byName = (findings: ReturnType<typeof runOne>) => findings.map((f) => f.subject.name).sort();

describe('a payout sheet with a "Tháng hỗ trợ" column and no "Số tháng"', () => {
  it('maps the column to period and reads each way of writing the months', () => {
    expect(stats.mapping['Thôn 1']?.period).toBe(3);
    expect(stats.mapping['Thôn 1']?.months).toBeUndefined();
    expect(records.map((r) => r.period)).toEqual([
      '2020-04,2020-05',
      '2020-04,2020-05,2020-06',
      '2020-04,2020-05',
      '2020-04,2020-05,2020-06,2020-07',
    ]);
    expect(records.map((r) => r.groupCode)).toEqual(['TUDO', 'TUDO', 'TUDO', 'TUDO']);
  });

  it('AMOUNT_MISMATCH counts the months of the period: 3.000.000 đ for "4,5/2020" expected 2.000.000 đ', () => {
    const findings = runOne('AMOUNT_MISMATCH', { payouts: records });
    expect(byName(findings)).toEqual(['Nguyễn Văn Trường']);
    expect(findings[0]?.evidence.expected).toBe(2_000_000);
    expect(findings[0]?.amountAtRisk).toBe(1_000_000);
  });

  it('OUT_OF_PERIOD flags July 2020 in "4,5,6,7/2020", with a quarter of the amount at risk', () => {
    const findings = runOne('OUT_OF_PERIOD', { payouts: records });
    expect(byName(findings)).toEqual(['Phạm Thị Lụa']);
    expect(findings[0]?.amountAtRisk).toBe(1_000_000);
  });

  it('OVER_CAP flags 4 months for a group paid at most 3', () => {
    const findings = runOne('OVER_CAP', { payouts: records });
    expect(byName(findings)).toEqual(['Phạm Thị Lụa']);
    expect(findings[0]?.explanation).toContain('4 tháng');
  });
});
