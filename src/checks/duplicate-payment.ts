import type { Finding } from '../domain/index.js';
import { duplicateSets } from './duplicate-sets.js';
import { checkRules, groupName } from './helpers.js';
import { makeFinding, matchEvidence, matchSummary } from './make-finding.js';
import { hasProxy, paymentKey, personKey } from './person-key.js';
import { money, personLabel, rowLabel } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'DUPLICATE_PAYMENT';
const CATEGORY = 'duplicate';

/**
 * DUPLICATE_PAYMENT: one person paid more than once for the same group and overlapping months — in one
 * file, across sheets, communes or uploads. Exact copies of a row in another file are one upload repeated
 * and are dropped before the checks run; namesakes, household members and proxies are not one person.
 * Amount at risk: the total of the set minus its largest payment.
 */
export const duplicatePayment: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Chi trả trùng cho cùng một người',
  legalBasis: 'Mỗi người chỉ được hỗ trợ một lần cho mỗi tháng của một chính sách (NQ 42/NQ-CP)',
  usesMatcher: true,
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled || ctx.data.payouts.length === 0) return [];
    const findings: Finding[] = [];
    for (const set of duplicateSets(ctx, 'payouts', cfg.reportPossible)) {
      const first = set.rows[0];
      if (first === undefined) continue;
      const total = set.rows.reduce((s, r) => s + (r.amount ?? 0), 0);
      const largest = Math.max(...set.rows.map((r) => r.amount ?? 0));
      const link = set.pairs[0];
      const how = set.pairs.length === 0 ? 'trùng số CMND/CCCD và họ tên' : link ? matchSummary(link) : '';
      findings.push(
        makeFinding({
          rule: ID,
          category: CATEGORY,
          severity: set.decision === 'match' && !set.periodUnknown ? cfg.severity : cfg.possibleSeverity,
          score: set.score,
          amountAtRisk: total - largest,
          subject: first,
          records: set.rows,
          identities: [...set.rows.map(personKey), ...set.rows.map(paymentKey)],
          explanation:
            `${personLabel(first)} được chi ${set.rows.length} lần cho cùng nhóm ${groupName(ctx, first)} trong cùng thời gian: ` +
            set.rows
              .map((r) => `${money(r.amount)}${r.period ? ` (tháng ${r.period})` : ''}${hasProxy(r) ? `, người nhận thay ${r.receiver ?? ''}` : ''} – ${rowLabel(r)}`)
              .join('; ') +
            `. Căn cứ: ${how}${set.decision === 'possible' ? ' (chưa chắc chắn, cần xác minh)' : ''}. ` +
            (set.periodUnknown ? 'Danh sách không ghi tháng hỗ trợ và các lần chi ở các tháng khác nhau: cần xác minh có phải chi theo từng tháng không. ' : '') +
            `Số tiền chi trùng: ${money(total - largest)}.`,
          evidence: {
            payments: set.rows.map((r) => ({ amount: r.amount, period: r.period, months: r.months, paidDate: r.paidDate, receiver: r.receiver, file: r.file, sheet: r.sheet, row: r.row })),
            total,
            kept: largest,
            decision: set.decision,
            periodUnknown: set.periodUnknown,
            matches: set.pairs.map(matchEvidence),
          },
        }),
      );
    }
    return findings;
  },
};
