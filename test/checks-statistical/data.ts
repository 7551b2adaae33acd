import type { PersonRecord } from '../../src/domain/index.js';
import { runChecks, type AuditData } from '../../src/checks/index.js';
import { loadPackage } from '../../src/rules/index.js';
import { payout, registerRow, RULES } from '../checks/factories.js';
import { mulberry32 } from '../../src/samples/index.js';

export { payout, registerRow, RULES };
export const RULES_2021 = loadPackage('nq68-2021');

/** A seeded PRNG (mulberry32) so planted distributions are the same on every run. */
export const rng = mulberry32;

/** Runs one check and returns its findings and its per-check summary entry. */
export function run(check: string, data: Partial<AuditData>, rules = RULES) {
  const full: AuditData = { beneficiaries: data.beneficiaries ?? [], payouts: data.payouts ?? [], registers: data.registers ?? {} };
  const result = runChecks(full, rules, { only: [check] });
  const summary = result.perCheck.find((p) => p.id === check);
  if (summary?.note?.startsWith('lỗi')) throw new Error(summary.note);
  return { findings: result.findings, note: summary?.note ?? '' };
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLES = ['Văn', 'Thị', 'Minh', 'Thanh', 'Ngọc', 'Hữu', 'Đức', 'Thu', 'Quang', 'Kim', 'Xuân', 'Hoài'];
const GIVENS = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Ngân', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Trang', 'Tuấn', 'Vân', 'Yến'];

/** A pseudo-random Vietnamese name and a distinct 12-digit ID for person number `i`. */
export function someone(rand: () => number, i: number): Pick<PersonRecord, 'fullName' | 'idNumber' | 'birthYear'> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  return {
    fullName: `${pick(SURNAMES)} ${pick(MIDDLES)} ${pick(GIVENS)}`,
    idNumber: `0420${String(60 + Math.floor(rand() * 40))}${String(100000 + i).padStart(6, '0')}`,
    birthYear: 1950 + Math.floor(rand() * 50),
  };
}

/** The commune codes and names of Huyện Can Lộc (Hà Tĩnh), GSO 2020. */
export const CAN_LOC = [
  ['18406', 'Thị trấn Nghèn'],
  ['18415', 'Xã Thiên Lộc'],
  ['18418', 'Xã Thuần Thiện'],
  ['18424', 'Xã Kim Song Trường'],
  ['18427', 'Xã Vượng Lộc'],
  ['18433', 'Xã Thanh Lộc'],
  ['18439', 'Xã Thường Nga'],
  ['18445', 'Xã Tùng Lộc'],
] as const;

/** A payout row in a commune of Can Lộc (district 443, province 42). */
export function canLocPayout(commune: number, overrides: Partial<PersonRecord> = {}): PersonRecord {
  const [code, name] = CAN_LOC[commune] ?? CAN_LOC[0];
  return payout({ communeCode: code, communeName: name, districtCode: '443', provinceCode: '42', file: `chi-tra-${code}.xlsx`, ...overrides });
}

/** The nq42-2020 package (or `rules`) with some thresholds of one check changed. */
export function withThresholds(check: string, thresholds: Record<string, number>, rules = RULES): typeof RULES {
  const checks = rules.checks as Record<string, { thresholds?: Record<string, number> } | undefined>;
  const cfg = checks[check];
  if (cfg === undefined) throw new Error(`no ${check} in package`);
  return { ...rules, checks: { ...rules.checks, [check]: { ...cfg, thresholds: { ...cfg.thresholds, ...thresholds } } } } as typeof RULES;
}
