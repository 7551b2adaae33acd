import type { Finding } from '../domain/index.js';
import { checkRules, groupName, groupOf, paymentItems } from './helpers.js';
import { makeFinding, matchEvidence, matchSummary } from './make-finding.js';
import { periodMonths } from './period.js';
import { hasProxy, paymentKey, personKey } from './person-key.js';
import { money, personLabel, rowLabel, viDate } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'DECEASED';
const CATEGORY = 'wrong_recipient';

/**
 * DECEASED: a payment to a person on the deceased register who died before the support period, or
 * before the payment date. Amount at risk: the whole payment when the death came before the period (or
 * the group is paid once); for monthly rows with known months, the months after the month of death.
 */
export const deceased: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Người đã chết vẫn được chi trả',
  legalBasis: 'NQ 42/NQ-CP: người đã chết trước thời gian hỗ trợ hoặc trước ngày chi trả không thuộc diện hỗ trợ (mặc định của công cụ, chưa xác nhận văn bản)',
  usesMatcher: true,
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    const register = ctx.data.registers.deceased ?? [];
    if (!cfg?.enabled || register.length === 0) return [];
    const { role, items } = paymentItems(ctx);
    const best = ctx.matches.bestMatches(role, 'deceased');
    const periodStart = `${ctx.rules.period.value.from}-01`;
    const findings: Finding[] = [];
    for (const { row: r, approval, index: i } of items) {
      const pair = best.at(i) ?? null;
      if (pair === null || (pair.decision === 'possible' && !cfg.reportPossible)) continue;
      const d = register[pair.b];
      if (d === undefined || d.deathDate === null) continue;
      const death = d.deathDate;
      const beforePeriod = death < periodStart;
      const beforePaid = r.paidDate !== null && death < r.paidDate;
      if (!beforePeriod && !beforePaid) continue;
      const amount = r.amount ?? 0;
      let atRisk = amount;
      const months = periodMonths(r.period);
      if (!beforePeriod && groupOf(ctx, r)?.payment === 'monthly' && months !== null && months.length > 0) {
        atRisk = (amount * months.filter((m) => m > death.slice(0, 7)).length) / months.length;
      }
      const when = beforePeriod ? `trước thời gian hỗ trợ (từ ${viDate(periodStart)})` : `trước ngày chi trả ${viDate(r.paidDate)}`;
      findings.push(
        makeFinding({
          rule: ID,
          category: CATEGORY,
          severity: pair.decision === 'match' ? cfg.severity : cfg.possibleSeverity,
          score: pair.probability,
          amountAtRisk: atRisk,
          subject: r,
          records: approval ? [approval, r, d] : [r, d],
          identities: [personKey(r), paymentKey(r), `death:${death}`],
          explanation:
            `${personLabel(r)} có tên trong danh sách người đã chết (ngày mất ${viDate(death)}, ${when}) ` +
            `nhưng được chi ${money(r.amount)}${r.paidDate ? ` ngày ${viDate(r.paidDate)}` : ''} theo nhóm ${groupName(ctx, r)}` +
            (hasProxy(r) ? `, người nhận thay: ${r.receiver ?? ''}` : '') +
            `. Căn cứ đối chiếu: ${matchSummary(pair)}. (${rowLabel(r)}; danh sách người chết: ${rowLabel(d)})`,
          evidence: { deathDate: death, paidDate: r.paidDate, periodStart, amount: r.amount, receiver: r.receiver, match: matchEvidence(pair) },
        }),
      );
    }
    return findings;
  },
};
