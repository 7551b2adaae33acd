import type { Finding, PersonRecord } from '../domain/index.js';
import { expectedAmount } from '../rules/index.js';
import { checkRules, groupName, groupOf, paymentRows } from './helpers.js';
import { makeFinding } from './make-finding.js';
import { monthCount } from './period.js';
import { paymentKey, personKey } from './person-key.js';
import { money, personLabel, rowLabel, textKey } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'AMOUNT_MISMATCH';

function householdKey(r: PersonRecord): string | null {
  if (r.groupCode === null) return null;
  const commune = r.communeCode ?? textKey(r.communeName);
  if (r.householdCode) return `${r.groupCode}|${commune}|code:${textKey(r.householdCode)}`;
  if (r.householdHead) return `${r.groupCode}|${commune}|head:${textKey(r.householdHead)}`;
  return null;
}
const CATEGORY = 'amount';

/**
 * AMOUNT_MISMATCH: the amount paid is not what the package gives the row's group (rate × months, × members
 * for a poor-household row, 750.000 đ for a per-member row). Amount at risk: the excess over the nearest
 * accepted amount below it (0 when underpaid; an underpayment is still reported, as possible skimming).
 */
export const amountMismatch: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Số tiền chi không đúng mức hỗ trợ',
  legalBasis: 'Mức hỗ trợ của từng nhóm đối tượng theo gói chính sách (rules: groups.*.rate)',
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled) return [];
    const tolerance = cfg.tolerance ?? 0;
    const findings: Finding[] = [];
    const rows = paymentRows(ctx).rows;
    // A household with several rows in the list is laid out one row per member.
    const householdRows = new Map<string, number>();
    for (const r of rows) {
      const key = householdKey(r);
      if (key !== null) householdRows.set(key, (householdRows.get(key) ?? 0) + 1);
    }
    for (const r of rows) {
      const group = groupOf(ctx, r);
      if (group === undefined || r.amount === null) continue;
      const hh = householdKey(r);
      const perMemberRow =
        (hh !== null && (householdRows.get(hh) ?? 0) > 1) ||
        (r.householdHead !== null && r.fullName !== null && textKey(r.householdHead) !== textKey(r.fullName));
      const exp = expectedAmount(group, { months: monthCount(r), members: r.members, relation: r.relation, perMemberRow });
      const amount = r.amount;
      if (exp.minimum !== null ? amount + tolerance >= exp.minimum : exp.allowed.some((a) => Math.abs(a - amount) <= tolerance)) continue;
      const below = exp.allowed.filter((a) => a <= amount);
      const reference = exp.expected ?? (below.length > 0 ? Math.max(...below) : Math.min(...exp.allowed, exp.minimum ?? Infinity));
      const over = amount > reference;
      const accepted = exp.minimum !== null ? `tối thiểu ${money(exp.minimum)}` : exp.allowed.map((a) => money(a)).join(' hoặc ');
      findings.push(
        makeFinding({
          rule: ID,
          category: CATEGORY,
          severity: over ? cfg.severity : (cfg.underpaidSeverity ?? cfg.severity),
          amountAtRisk: over ? amount - reference : 0,
          subject: r,
          records: [r],
          identities: [personKey(r), paymentKey(r)],
          explanation:
            `${personLabel(r)} thuộc nhóm ${groupName(ctx, r)} được chi ${money(amount)}, ` +
            `trong khi mức đúng là ${accepted} (${exp.formula}). ` +
            (over ? `Số tiền chi thừa: ${money(amount - reference)}.` : `Số tiền chi thiếu: ${money(reference - amount)}.`) +
            ` (${rowLabel(r)})`,
          evidence: {
            amount,
            expected: exp.expected,
            allowed: exp.allowed,
            minimum: exp.minimum,
            formula: exp.formula,
            months: r.months,
            period: r.period,
            members: r.members,
            rateColumn: r.rate,
            packageRate: group.rate.value,
            tolerance,
            direction: over ? 'over' : 'under',
          },
        }),
      );
    }
    return findings;
  },
};
