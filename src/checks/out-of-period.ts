import type { Finding } from '../domain/index.js';
import { checkRules, groupName, paymentRows } from './helpers.js';
import { findingMaker } from './make-finding.js';
import { periodMonths, supportMonths } from './period.js';
import { paymentKey, personKey } from './person-key.js';
import { money, personLabel, rowLabel, viDate, viMonth, viMonths } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'OUT_OF_PERIOD';
const CATEGORY = 'amount';

/**
 * OUT_OF_PERIOD: support months outside the package's months, or a payment date outside its payment
 * window. Amount at risk: the share of the amount for the months outside (amount × months outside /
 * months paid); a payment dated outside the window puts the whole amount at risk.
 */
export const outOfPeriod: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Tháng hỗ trợ hoặc ngày chi trả ngoài thời gian của gói',
  legalBasis: 'Thời gian hỗ trợ và thời hạn chi trả của gói chính sách (rules: period, paymentWindow)',
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled) return [];
    const finding = findingMaker(ID, CATEGORY, cfg.severity);
    const allowed = supportMonths(ctx.rules);
    const { from, to } = ctx.rules.paymentWindow.value;
    const findings: Finding[] = [];
    for (const r of paymentRows(ctx).rows) {
      const months = periodMonths(r.period) ?? [];
      const outside = months.filter((m) => !allowed.includes(m));
      const paidOutside = r.paidDate !== null && (r.paidDate < from || r.paidDate > to);
      if (outside.length === 0 && !paidOutside) continue;
      const amount = r.amount ?? 0;
      const atRisk = paidOutside ? amount : months.length > 0 ? (amount * outside.length) / months.length : 0;
      const reasons: string[] = [];
      if (outside.length > 0) {
        reasons.push(`được hỗ trợ cho tháng ${viMonths(outside)}, ngoài thời gian hỗ trợ ${viMonth(ctx.rules.period.value.from)}–${viMonth(ctx.rules.period.value.to)}`);
      }
      if (paidOutside) reasons.push(`được chi ngày ${viDate(r.paidDate)}, ngoài thời hạn chi trả ${viDate(from)}–${viDate(to)}`);
      findings.push(
        finding({
          amountAtRisk: atRisk,
          subject: r,
          records: [r],
          identities: [personKey(r), paymentKey(r), `paid:${r.paidDate ?? ''}`],
          explanation: `${personLabel(r)} (nhóm ${groupName(ctx, r)}, ${money(r.amount)}) ${reasons.join('; ')}. (${rowLabel(r)})`,
          evidence: {
            period: r.period,
            monthsOutside: outside,
            supportPeriod: ctx.rules.period.value,
            paidDate: r.paidDate,
            paymentWindow: ctx.rules.paymentWindow.value,
            amount: r.amount,
          },
        }),
      );
    }
    return findings;
  },
};
