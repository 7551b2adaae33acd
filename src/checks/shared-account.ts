import { toPlainRecord, type Finding, type PersonRecord } from '../domain/index.js';
import { accountKey, phoneKey } from './contact-keys.js';
import { checkRules, paymentRows, pushTo } from './helpers.js';
import { findingMaker } from './make-finding.js';
import { personKey } from './person-key.js';
import { money, nameKeyOf, rowLabel, textKey } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'SHARED_ACCOUNT';
const CATEGORY = 'duplicate';

/**
 * SHARED_ACCOUNT: one bank account or phone number receiving for people of `minHouseholds` or more
 * different households. People are matcher clusters; one household is a shared household code, a shared
 * head, or one person being the other's head. Amount at risk: the payments to households other than the one
 * paid most (the account's presumed owner).
 */
export const sharedAccount: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Một tài khoản hoặc số điện thoại nhận tiền cho nhiều hộ',
  legalBasis: 'Dấu hiệu rủi ro nhận thay, khai khống: mặc định của công cụ (chưa xác nhận văn bản)',
  usesMatcher: true,
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled) return [];
    const finding = findingMaker(ID, CATEGORY, cfg.severity);
    const minHouseholds = cfg.minHouseholds ?? 2;
    const { role, rows } = paymentRows(ctx);
    const clusters = ctx.matches.clusters(role);
    const findings: Finding[] = [];
    for (const [kind, keyOf, label] of [
      ['account', (r: PersonRecord) => accountKey(r.bankAccount), 'số tài khoản'],
      ['phone', (r: PersonRecord) => phoneKey(r.phone), 'số điện thoại'],
    ] as const) {
      const byValue = new Map<string, number[]>();
      rows.forEach((r, i) => {
        const k = keyOf(r);
        if (k === null) return;
        pushTo(byValue, k, i);
      });
      for (const [value, idx] of byValue) {
        const people = [...new Set(idx.map((i) => clusters.of[i] ?? i))];
        if (people.length < minHouseholds) continue;
        const households = householdsOf(idx.map((i) => rows[i]).filter((r): r is PersonRecord => r !== undefined), idx.map((i) => clusters.of[i] ?? i));
        if (households.length < minHouseholds) continue;
        const totals = households.map((h) => h.reduce((s, r) => s + (r.amount ?? 0), 0));
        const excess = totals.reduce((s, v) => s + v, 0) - Math.max(...totals);
        const all = households.flat();
        const first = all[0];
        if (first === undefined) continue;
        const names = [...new Set(all.map((r) => r.fullName ?? '(không ghi tên)'))];
        findings.push(
          finding({
            amountAtRisk: excess,
            subject: { ...toPlainRecord(first), fullName: null, idNumber: null },
            records: all,
            identities: [`${kind}:${value}`, ...all.map(personKey)],
            explanation:
              `Cùng ${label} ${value} nhận tiền cho ${names.length} người thuộc ${households.length} hộ khác nhau: ${names.join(', ')} ` +
              `(tổng ${money(totals.reduce((s, v) => s + v, 0))}; ${all.map(rowLabel).join('; ')}). Cần xác minh ai là chủ ${label} và việc nhận thay.`,
            evidence: { kind, value, people: names.length, households: households.length, minHouseholds, totals, excess },
          }),
        );
      }
    }
    return findings;
  },
};

/** Rows grouped into households: same household code, same head, or one person is the other's head. */
function householdsOf(rows: readonly PersonRecord[], people: readonly number[]): PersonRecord[][] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] ?? i)));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const seen = new Map<string, number>();
  const link = (key: string, i: number) => {
    const j = seen.get(key);
    if (j === undefined) seen.set(key, i);
    else union(i, j);
  };
  rows.forEach((r, i) => {
    const commune = r.communeCode ?? textKey(r.communeName);
    link(`person:${people[i] ?? i}`, i);
    if (r.householdCode) link(`code:${commune}|${textKey(r.householdCode)}`, i);
    const head = r.householdHead ? textKey(r.householdHead) : nameKeyOf(r);
    link(`head:${commune}|${head}`, i);
  });
  const groups = new Map<number, PersonRecord[]>();
  rows.forEach((r, i) => {
    const root = find(i);
    pushTo(groups, root, r);
  });
  return [...groups.values()];
}
