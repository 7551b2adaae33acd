import type { Finding } from '../domain/index.js';
import { duplicateSets } from './duplicate-sets.js';
import { checkRules, groupName } from './helpers.js';
import { makeFinding, matchEvidence, matchSummary } from './make-finding.js';
import { paymentKey, personKey } from './person-key.js';
import { money, personLabel, rowLabel } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'DUPLICATE_BENEFICIARY';
const CATEGORY = 'duplicate';

/**
 * DUPLICATE_BENEFICIARY: one person listed more than once for the same group in the approved lists
 * (being listed under two groups is MULTIPLE_POLICIES). Amount at risk: the amounts of the extra rows when
 * the lists carry amounts (total minus the largest), else 0.
 */
export const duplicateBeneficiary: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Trùng đối tượng trong danh sách được phê duyệt',
  legalBasis: 'Danh sách đối tượng được phê duyệt không được trùng lặp (QĐ 15/2020/QĐ-TTg)',
  usesMatcher: true,
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled || ctx.data.beneficiaries.length === 0) return [];
    const findings: Finding[] = [];
    for (const set of duplicateSets(ctx, 'beneficiaries', cfg.reportPossible)) {
      const first = set.rows[0];
      if (first === undefined) continue;
      const total = set.rows.reduce((s, r) => s + (r.amount ?? 0), 0);
      const largest = Math.max(...set.rows.map((r) => r.amount ?? 0));
      const link = set.pairs[0];
      findings.push(
        makeFinding({
          rule: ID,
          category: CATEGORY,
          severity: set.decision === 'match' ? cfg.severity : cfg.possibleSeverity,
          score: set.score,
          amountAtRisk: total - largest,
          subject: first,
          records: set.rows,
          identities: [...set.rows.map(personKey), ...set.rows.map(paymentKey)],
          explanation:
            `${personLabel(first)} có tên ${set.rows.length} lần trong danh sách được phê duyệt, cùng nhóm ${groupName(ctx, first)}: ` +
            set.rows.map(rowLabel).join('; ') +
            `. Căn cứ: ${set.pairs.length === 0 ? 'trùng số CMND/CCCD và họ tên' : link ? matchSummary(link) : ''}` +
            (total - largest > 0 ? `. Số tiền dự chi trùng: ${money(total - largest)}.` : '.'),
          evidence: { rows: set.rows.length, total, decision: set.decision, matches: set.pairs.map(matchEvidence) },
        }),
      );
    }
    return findings;
  },
};
