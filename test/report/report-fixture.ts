import { CATEGORIES, REVIEW_STATUSES, SEVERITIES } from '../../src/domain/index.js';
import type { Category } from '../../src/domain/index.js';
import type { ReportFinding, ReportInput } from '../../src/report/index.js';

/** Texts that a spreadsheet program could take for formulas (formula injection). */
export const INJECTION_NAMES = ['=HYPERLINK("http://x","y")', '+1+1', '@SUM(A1)', '-2+3', '\t=1+2', '\r=3+4'] as const;

const RULES: Record<Category, string[]> = {
  wrong_recipient: ['DECEASED', 'NOT_IN_APPROVED_LIST'],
  duplicate: ['DUPLICATE_PAYMENT', 'SHARED_ACCOUNT'],
  amount: ['AMOUNT_MISMATCH', 'OVER_CAP'],
  data_quality: ['INVALID_ID', 'MISSING_FIELD'],
  statistical: ['ROUND_AMOUNT', 'COMMUNE_OUTLIER'],
};
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi'];
const GIVEN = ['Văn An', 'Thị Bình', 'Hữu Cường', 'Thị Dung', 'Minh Hải', 'Ngọc Lan'];
const COMMUNES = [
  { code: '00001', name: 'Phường Phúc Xá' },
  { code: '00004', name: 'Phường Trúc Bạch' },
  { code: '25252', name: 'Xã Tân Lập' },
];

/** A synthetic finding: deterministic from its index; `category` decides the rule. */
export function makeFinding(index: number, category: Category, overrides: Partial<ReportFinding> = {}): ReportFinding {
  const rules = RULES[category];
  const rule = rules[index % rules.length] ?? 'DECEASED';
  const commune = COMMUNES[index % COMMUNES.length] ?? COMMUNES[0];
  const id = `${rule}-${index.toString(16).padStart(8, '0')}`;
  return {
    id,
    rule,
    category,
    severity: SEVERITIES[index % SEVERITIES.length] ?? 'high',
    score: 1,
    amountAtRisk: 750_000 + (index % 4) * 250_000,
    subject: {
      name: `${FAMILY[index % FAMILY.length]} ${GIVEN[index % GIVEN.length]}`,
      idNumber: `0010${String(85_000_000 + index).padStart(8, '0')}`,
      commune: commune?.code ?? null,
    },
    records: [
      { role: 'payouts', file: 'payouts-xa-a.xlsx', sheet: 'Thôn 1', row: 12 + index },
      { role: 'beneficiaries', file: 'danh-sach.xlsx', sheet: 'Tổng hợp', row: 5 + index },
    ],
    explanation: `Người nhận ${index} đã được chi 2 lần cho cùng tháng 04/2020 (số tiền 1.500.000 đồng mỗi lần).`,
    evidence: { index },
    status: REVIEW_STATUSES[index % REVIEW_STATUSES.length] ?? 'new',
    version: 1,
    birthYear: 1950 + (index % 50),
    village: `Thôn ${1 + (index % 5)}`,
    groupCode: ['NCC', 'BTXH', 'HN', 'TUDO'][index % 4] ?? null,
    amountPaid: 1_500_000,
    reviewer: index % 3 === 0 ? 'Trần Thị Giám Sát' : null,
    note: index % 7 === 0 ? 'Đã gọi điện xác minh' : null,
    reviewedAt: index % 3 === 0 ? '2020-06-15T10:00:00Z' : null,
    ...overrides,
  };
}

/** `perCategory` findings of every category, interleaved as a pipeline would stream them. */
export function* makeFindings(perCategory: number): Generator<ReportFinding> {
  let index = 0;
  for (let i = 0; i < perCategory; i += 1) {
    for (const category of CATEGORIES) {
      yield makeFinding(index, category);
      index += 1;
    }
  }
}

/** A report input around the given findings. */
export function makeReportInput(findings: ReportInput['findings'], options: { maskIds?: boolean } = {}): ReportInput {
  return {
    title: 'Kiểm tra chi trả hỗ trợ COVID-19 năm 2020 — Quận Ba Đình & phụ cận',
    packageId: 'nq42-2020',
    packageTitle: 'Nghị quyết 42/NQ-CP và Quyết định 15/2020/QĐ-TTg',
    rulesVersion: '2020.1',
    generatedAt: new Date('2026-11-29T03:04:05Z'),
    inputs: [
      {
        role: 'payouts',
        file: 'payouts-xa-a.xlsx',
        sha256: 'a'.repeat(64),
        rowsRead: 120,
        rowsSkipped: 3,
        sheets: [
          { sheet: 'Thôn 1', rowsRead: 70, rowsSkipped: 1 },
          { sheet: 'Thôn 2', rowsRead: 50, rowsSkipped: 2 },
        ],
      },
      { role: 'register:deceased', file: '=cmd|calc.xlsx', sha256: 'b'.repeat(64), rowsRead: 10, rowsSkipped: 0, sheets: [{ sheet: 'Sheet1', rowsRead: 10, rowsSkipped: 0 }] },
    ],
    checks: Object.entries(RULES).flatMap(([category, ids]) =>
      ids.map((id) => ({
        id,
        category: category as Category,
        title: `Quy tắc ${id.toLowerCase()}`,
        legalBasis: 'Điều 2, Quyết định 15/2020/QĐ-TTg',
        severity: 'high' as const,
        thresholds: { tolerance: 1500000, ratio: 0.85, groups: ['NCC', 'BTXH'] },
        count: 0,
      })),
    ),
    communes: COMMUNES.map((c, i) => ({
      code: c.code,
      name: c.name,
      beneficiaries: 100 * (i + 1),
      payouts: 110 * (i + 1),
      amountPaid: 150_000_000 * (i + 1),
      findings: 10 * (i + 1),
      amountAtRisk: 7_500_000 * (i + 1),
    })),
    findings,
    maskIds: options.maskIds ?? false,
  };
}
