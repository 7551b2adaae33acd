import type { Finding, PersonRecord, Severity } from '../domain/index.js';
import { checkRules, paymentItems } from './helpers.js';
import { makeFinding, matchEvidence } from './make-finding.js';
import { paymentKey, personKey } from './person-key.js';
import { money, personLabel, rowLabel } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'MULTIPLE_POLICIES';
const CATEGORY = 'wrong_recipient';

/**
 * MULTIPLE_POLICIES: one person (a matcher cluster) supported under two or more groups of one exclusivity
 * set (rules: exclusivity), e.g. TUDO and CHAMDUT. Combinations marked 'allowed' (NCC/BTXH with a poor
 * household) are not flagged; 'review' ones are reported with `reviewSeverity` and no amount at risk.
 * Amount at risk for a violation: what was paid under the set's groups minus the group paid most (only the
 * highest support is due).
 */
export const multiplePolicies: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Hưởng nhiều chính sách không được hưởng đồng thời',
  legalBasis: 'NQ 42/NQ-CP mục I: người thuộc nhiều diện chỉ được hưởng một chế độ hỗ trợ cao nhất',
  usesMatcher: true,
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled) return [];
    const { role, items } = paymentItems(ctx);
    const rows = items.rows;
    const clusters = ctx.matches.clusters(role);
    const findings: Finding[] = [];
    for (const members of clusters.members) {
      if (members.length < 2) continue;
      const mine = members.map((i) => rows[i]).filter((r): r is PersonRecord => r !== undefined && r.groupCode !== null);
      const groups = new Set(mine.map((r) => r.groupCode ?? ''));
      if (groups.size < 2) continue;
      // The approvals of this person's rows only (a map of every payout's was a million entries a run).
      const approvalOf = new Map(members.map((i) => [rows[i], items.at(i)?.approval ?? null]));
      const pairs = members.flatMap((i, x) => members.slice(x + 1).map((j) => clusters.pair(i, j))).filter((p) => p !== undefined);
      const score = pairs.length === 0 ? 1 : Math.min(...pairs.filter((p) => p.decision === 'match').map((p) => p.probability), 1);
      const report = (setId: string, involved: string[], severity: Severity, review: boolean, basis: string) => {
        const involvedRows = mine.filter((r) => involved.includes(r.groupCode ?? ''));
        const first = involvedRows[0];
        if (first === undefined) return;
        const perGroup = involved.map((g) => involvedRows.filter((r) => r.groupCode === g).reduce((s, r) => s + (r.amount ?? 0), 0));
        const total = perGroup.reduce((s, v) => s + v, 0);
        const excess = review ? 0 : total - Math.max(...perGroup);
        findings.push(
          makeFinding({
            rule: ID,
            category: CATEGORY,
            severity,
            score,
            amountAtRisk: excess,
            subject: first,
            records: involvedRows.flatMap((r) => {
              const approval = approvalOf.get(r);
              return approval ? [approval, r] : [r];
            }),
            identities: [`set:${setId}`, ...involvedRows.map(personKey), ...involvedRows.map(paymentKey)],
            explanation:
              `${personLabel(first)} được hỗ trợ theo ${involved.length} nhóm ${involved.map((g) => ctx.rules.groups[g]?.name ?? g).join(' và ')} ` +
              `(${involvedRows.map((r) => `${r.groupCode ?? ''}: ${money(r.amount)} – ${rowLabel(r)}`).join('; ')}). ` +
              (review
                ? `Tổ hợp này cần xem xét theo quy định (${basis}).`
                : `Theo quy định chỉ được hưởng một chính sách cao nhất (${basis}); số tiền vượt: ${money(excess)}.`),
            evidence: { set: setId, groups: involved, perGroup: Object.fromEntries(involved.map((g, k) => [g, perGroup[k]])), total, excess, review, matches: pairs.map(matchEvidence) },
          }),
        );
      };
      const covered = new Set<string>();
      for (const rule of ctx.rules.exclusivity) {
        const involved = rule.groups.filter((g) => groups.has(g));
        if (involved.length < 2) continue;
        involved.forEach((g) => covered.add(g));
        report(rule.id, involved, rule.severity, false, rule.basis);
      }
      for (const combo of ctx.rules.combinations) {
        if (combo.treatment !== 'review' || !combo.groups.every((g) => groups.has(g))) continue;
        if (combo.groups.every((g) => covered.has(g))) continue;
        report(`review:${combo.groups.join('+')}`, [...combo.groups], cfg.reviewSeverity ?? 'low', true, combo.basis);
      }
    }
    return findings;
  },
};
