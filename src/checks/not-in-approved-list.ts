import type { Finding, PersonRecord } from '../domain/index.js';
import { checkRules, groupName } from './helpers.js';
import { makeFinding, matchEvidence } from './make-finding.js';
import { hasProxy, paymentKey, personKey } from './person-key.js';
import { money, nameKeyOf, personLabel, rowLabel, textKey } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'NOT_IN_APPROVED_LIST';
const CATEGORY = 'wrong_recipient';

/**
 * NOT_IN_APPROVED_LIST: a payout whose person matches no one on the approved lists (only when both
 * lists were uploaded). A proxy row (người nhận thay) is matched on the person's name — its ID may be
 * the proxy's — and also on the receiver's name, so either layout is found. 'possible' partners count
 * as found unless the package sets `reportPossible`. Amount at risk: the whole payment.
 */
export const notInApprovedList: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Được chi trả nhưng không có trong danh sách được phê duyệt',
  legalBasis: 'QĐ 15/2020/QĐ-TTg: chi trả theo danh sách được Chủ tịch UBND cấp tỉnh phê duyệt',
  usesMatcher: true,
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    const { payouts, beneficiaries } = ctx.data;
    if (!cfg?.enabled || payouts.length === 0 || beneficiaries.length === 0) return [];
    const best = ctx.matches.bestMatches('payouts', 'beneficiaries');
    // The approved names by commune, for a proxy's receiver: built only if an unmatched payout has a proxy
    // (a million keys otherwise made for nothing).
    let byName: Set<string> | undefined;
    const findings: Finding[] = [];
    payouts.forEach((r: PersonRecord, i) => {
      const pair = best.at(i) ?? null;
      if (pair !== null && (pair.decision === 'match' || !cfg.reportPossible)) return;
      if (hasProxy(r)) {
        byName ??= new Set(beneficiaries.map((b) => `${nameKeyOf(b)}|${b.communeCode ?? ''}`));
        if (byName.has(`${textKey(r.receiver)}|${r.communeCode ?? ''}`)) return;
      }
      const candidate = pair === null ? undefined : beneficiaries[pair.b];
      findings.push(
        makeFinding({
          rule: ID,
          category: CATEGORY,
          severity: pair === null ? cfg.severity : cfg.possibleSeverity,
          score: pair === null ? 1 : 1 - pair.probability,
          amountAtRisk: r.amount ?? 0,
          subject: r,
          records: candidate ? [r, candidate] : [r],
          identities: [personKey(r), paymentKey(r)],
          explanation:
            `${personLabel(r)} được chi ${money(r.amount)} theo nhóm ${groupName(ctx, r)} nhưng không có tên trong danh sách đối tượng được phê duyệt ` +
            `(đã đối chiếu ${beneficiaries.length} dòng)` +
            (candidate ? `; người gần giống nhất là ${personLabel(candidate)} (${rowLabel(candidate)}), chưa đủ chắc là cùng một người` : '') +
            `. (${rowLabel(r)})`,
          evidence: { amount: r.amount, beneficiariesCompared: beneficiaries.length, nearest: pair ? matchEvidence(pair) : null, receiver: r.receiver },
        }),
      );
    });
    return findings;
  },
};
