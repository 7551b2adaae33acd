import type { Finding, PersonRecord } from '../domain/index.js';
import { groupCap } from '../rules/index.js';
import { checkRules, groupName, groupOf, paymentRows, pushTo } from './helpers.js';
import { findingMaker } from './make-finding.js';
import { monthCount, paymentsOverlap } from './period.js';
import { paymentKey, personKey } from './person-key.js';
import { money, personLabel, rowLabel } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'OVER_CAP';
const CATEGORY = 'amount';

/**
 * OVER_CAP: a row for more months than the group's maximum, or above the most the group can receive;
 * and one person (same ID, or same name/birth year/commune/village) whose separate, non-overlapping
 * monthly rows add up to more than the maximum months. Amount at risk: the amount above the cap.
 */
export const overCap: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Vượt số tháng hoặc mức hỗ trợ tối đa',
  legalBasis: 'Số tháng hỗ trợ tối đa của từng nhóm (rules: groups.*.maxMonths)',
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled) return [];
    const finding = findingMaker(ID, CATEGORY, cfg.severity);
    const findings: Finding[] = [];
    const flagged = new Set<PersonRecord>();
    const rows = paymentRows(ctx).rows;
    for (const r of rows) {
      const group = groupOf(ctx, r);
      if (group === undefined) continue;
      const maxMonths = group.maxMonths.value;
      const months = monthCount(r);
      const cap = groupCap(group, r.members);
      const monthsOver = months !== null && months > maxMonths;
      const amountOver = cap !== null && r.amount !== null && r.amount > cap;
      if (!monthsOver && !amountOver) continue;
      flagged.add(r);
      const excess = amountOver && cap !== null && r.amount !== null
        ? r.amount - cap
        : r.amount !== null && months !== null ? (r.amount * (months - maxMonths)) / months : 0;
      const reasons: string[] = [];
      if (monthsOver) reasons.push(`${months} tháng, vượt tối đa ${maxMonths} tháng`);
      if (amountOver && cap !== null) reasons.push(`số tiền ${money(r.amount)} vượt mức tối đa ${money(cap)}`);
      findings.push(
        finding({
          amountAtRisk: excess,
          subject: r,
          records: [r],
          identities: [personKey(r), paymentKey(r)],
          explanation: `${personLabel(r)} thuộc nhóm ${groupName(ctx, r)} được chi ${reasons.join('; ')}. Phần vượt: ${money(excess)}. (${rowLabel(r)})`,
          evidence: { amount: r.amount, months, maxMonths, cap, period: r.period, members: r.members, excess },
        }),
      );
    }
    // One person's separate monthly rows adding up past the maximum.
    const byPerson = new Map<string, PersonRecord[]>();
    for (const r of rows) {
      const group = groupOf(ctx, r);
      if (group === undefined || group.payment !== 'monthly' || flagged.has(r)) continue;
      const key = `${personKey(r)}|${r.groupCode ?? ''}`;
      pushTo(byPerson, key, r);
    }
    for (const list of byPerson.values()) {
      if (list.length < 2) continue;
      const first = list[0];
      const group = first ? groupOf(ctx, first) : undefined;
      if (first === undefined || group === undefined) continue;
      // Overlapping rows are duplicate payments (DUPLICATE_PAYMENT), not extra months.
      const disjoint = list.every((a, i) => list.every((b, j) => i >= j || paymentsOverlap(a, b, group, ctx.rules) === 'no'));
      if (!disjoint) continue;
      const totalMonths = list.reduce((s, r) => s + (monthCount(r) ?? 1), 0);
      const maxMonths = group.maxMonths.value;
      if (totalMonths <= maxMonths) continue;
      const total = list.reduce((s, r) => s + (r.amount ?? 0), 0);
      const excess = Math.max(0, total - group.rate.value * maxMonths);
      findings.push(
        finding({
          amountAtRisk: excess,
          subject: first,
          records: list,
          identities: [personKey(first), ...list.map(paymentKey)],
          explanation:
            `${personLabel(first)} thuộc nhóm ${groupName(ctx, first)} được chi ${list.length} lần, cộng lại ${totalMonths} tháng ` +
            `(${money(total)}), vượt tối đa ${maxMonths} tháng. Phần vượt: ${money(excess)}. (${list.map(rowLabel).join('; ')})`,
          evidence: { rows: list.length, totalMonths, maxMonths, total, excess, periods: list.map((r) => r.period) },
        }),
      );
    }
    return findings;
  },
};
