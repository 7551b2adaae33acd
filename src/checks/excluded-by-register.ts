import { ROLE_LABELS, type Finding } from '../domain/index.js';
import { checkRules, groupName, paymentItems } from './helpers.js';
import { makeFinding, matchEvidence, matchSummary } from './make-finding.js';
import { paymentKey, personKey } from './person-key.js';
import { money, personLabel, rowLabel, viDate } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'EXCLUDED_BY_REGISTER';
const CATEGORY = 'wrong_recipient';

/**
 * EXCLUDED_BY_REGISTER: a person paid under a group that a register excludes (rules: registerExclusions),
 * e.g. a pensioner or unemployment-benefit recipient paid as an informal worker. A register row whose
 * from/to dates lie wholly outside the support period does not exclude. Amount at risk: the whole payment.
 */
export const excludedByRegister: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Thuộc danh sách loại trừ nhóm được hỗ trợ',
  legalBasis: 'Các danh sách loại trừ theo gói chính sách (rules: registerExclusions)',
  usesMatcher: true,
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled) return [];
    const { role, items } = paymentItems(ctx);
    const start = `${ctx.rules.period.value.from}-01`;
    const end = `${ctx.rules.period.value.to}-31`;
    const findings: Finding[] = [];
    for (const exclusion of ctx.rules.registerExclusions) {
      const register = ctx.data.registers[exclusion.register] ?? [];
      if (register.length === 0) continue;
      const best = ctx.matches.bestMatches(role, exclusion.register);
      for (const { row: r, approval, index: i } of items) {
        if (r.groupCode === null || !exclusion.groups.includes(r.groupCode)) continue;
        const pair = best.at(i) ?? null;
        if (pair === null || (pair.decision === 'possible' && !cfg.reportPossible)) continue;
        const reg = register[pair.b];
        if (reg === undefined) continue;
        if ((reg.endDate !== null && reg.endDate < start) || (reg.startDate !== null && reg.startDate > end)) continue;
        const label = ROLE_LABELS[`register:${exclusion.register}`] ?? exclusion.register;
        const span = reg.startDate || reg.endDate ? ` (từ ${viDate(reg.startDate)} đến ${viDate(reg.endDate)})` : '';
        findings.push(
          makeFinding({
            rule: ID,
            category: CATEGORY,
            severity: pair.decision === 'match' ? cfg.severity : cfg.possibleSeverity,
            score: pair.probability,
            amountAtRisk: r.amount ?? 0,
            subject: r,
            records: approval ? [approval, r, reg] : [r, reg],
            identities: [personKey(r), paymentKey(r), `register:${exclusion.register}`],
            explanation:
              `${personLabel(r)} được chi ${money(r.amount)} theo nhóm ${groupName(ctx, r)} nhưng có tên trong ${label.charAt(0).toLowerCase()}${label.slice(1)}${span}, ` +
              `là diện không được hưởng nhóm này (${exclusion.basis}). Căn cứ đối chiếu: ${matchSummary(pair)}. (${rowLabel(r)}; ${rowLabel(reg)})`,
            evidence: {
              register: exclusion.register,
              excludedGroups: exclusion.groups,
              basis: exclusion.basis,
              registerStart: reg.startDate,
              registerEnd: reg.endDate,
              amount: r.amount,
              match: matchEvidence(pair),
            },
          }),
        );
      }
    }
    return findings;
  },
};
