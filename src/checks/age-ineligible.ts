import type { Finding, PersonRecord } from '../domain/index.js';
import { checkRules, groupName, groupOf, paymentItems } from './helpers.js';
import { paymentFinding } from './payment-finding.js';
import { personLabel, viDate } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'AGE_INELIGIBLE';
const CATEGORY = 'wrong_recipient';

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, '0')}`;
}

function exactAge(birth: string, at: string): number {
  const by = Number(birth.slice(0, 4));
  const ay = Number(at.slice(0, 4));
  return ay - by - (at.slice(5) < birth.slice(5) ? 1 : 0);
}

/** The youngest the person can be at `start` and the oldest at `end`, from the birth date or year. */
export function ageBounds(r: Pick<PersonRecord, 'birthDate' | 'birthYear'>, start: string, end: string): { minAtStart: number; maxAtEnd: number } | null {
  if (r.birthDate !== null && /^\d{4}-\d{2}-\d{2}$/.test(r.birthDate)) {
    return { minAtStart: exactAge(r.birthDate, start), maxAtEnd: exactAge(r.birthDate, end) };
  }
  if (r.birthYear === null) return null;
  return { minAtStart: Number(start.slice(0, 4)) - r.birthYear - 1, maxAtEnd: Number(end.slice(0, 4)) - r.birthYear };
}

/**
 * AGE_INELIGIBLE: an age the group cannot have at any time of the support period (younger than the
 * group's minimum at its end, older than its maximum at its start), or an impossible age for anyone
 * (born after the period, older than `maxAge`). Amount at risk: the whole payment.
 */
export const ageIneligible: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Tuổi không phù hợp với nhóm đối tượng',
  legalBasis: 'Độ tuổi theo nhóm đối tượng (rules: groups.*.age); Bộ luật Lao động 2019 Điều 3 cho các nhóm lao động',
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled) return [];
    const start = `${ctx.rules.period.value.from}-01`;
    const end = lastDay(ctx.rules.period.value.to);
    const maxAge = cfg.maxAge ?? 120;
    const findings: Finding[] = [];
    for (const item of paymentItems(ctx).items) {
      const birthDate = item.filled('birthDate');
      const bounds = ageBounds({ birthDate, birthYear: item.filled('birthYear') }, start, end);
      if (bounds === null) continue;
      // The group is the payment row's own (never taken from the approval): the filled view is made only for a finding.
      const age = groupOf(ctx, item.row)?.age?.value;
      let reason: string | null = null;
      if (bounds.maxAtEnd < 0) reason = `sinh sau thời gian hỗ trợ (${birthDate ? viDate(birthDate) : `năm ${item.filled('birthYear')}`})`;
      else if (bounds.minAtStart > maxAge) reason = `đã ${bounds.minAtStart} tuổi, quá tuổi thọ hợp lý (${maxAge})`;
      else if (age?.min != null && bounds.maxAtEnd < age.min) reason = `mới ${bounds.maxAtEnd} tuổi vào ${viDate(end)}, dưới độ tuổi tối thiểu ${age.min} của nhóm`;
      else if (age?.max != null && bounds.minAtStart > age.max) reason = `đã ${bounds.minAtStart} tuổi vào ${viDate(start)}, trên độ tuổi tối đa ${age.max} của nhóm`;
      if (reason === null) continue;
      const r = item.view;
      findings.push(
        paymentFinding({
          rule: ID,
          category: CATEGORY,
          severity: cfg.severity,
          item,
          explanation: `${personLabel(r)} được hỗ trợ theo nhóm ${groupName(ctx, r)} nhưng ${reason}.`,
          evidence: { birthDate: r.birthDate, birthYear: r.birthYear, ageRange: bounds, groupAge: age ?? null, maxAge, period: { start, end } },
        }),
      );
    }
    return findings;
  },
};
