import type { GroupRules } from './schema.js';

/** What a package accepts as the amount of one payment row of a group. */
export interface ExpectedAmount {
  /** The single amount expected for this row, when the row says enough to compute it. */
  readonly expected: number | null;
  /** Every amount accepted for this row (contains `expected` when set). Empty when only `minimum` applies. */
  readonly allowed: readonly number[];
  /** Amounts at or above this are accepted (amounts set by provinces); null when fixed. */
  readonly minimum: number | null;
  /** Vietnamese formula for explanations, e.g. "1.000.000 đ/tháng × 2 tháng". */
  readonly formula: string;
}

/** The facts of a row the expected amount depends on. */
export interface AmountBasis {
  /** Months supported by this row (from the months column, else counted from the period). */
  readonly months: number | null;
  readonly members: number | null;
  /** Relation to the household head; a non-head relation marks a per-member row. */
  readonly relation: string | null;
  /** Set when the list is known to have one row per member (e.g. several rows share a household). */
  readonly perMemberRow?: boolean;
}

/** Groups VND with dots: 1500000 → "1.500.000". */
export function vnd(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const HEAD_WORDS = /^(chu ho|ch|ban than|chu|ho)$/;

function relationKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z]+/g, ' ').trim();
}

function withExtras(base: number, group: GroupRules): number[] {
  const out = [base];
  const extra = group.extraStep?.value;
  if (extra) for (let k = 1; k <= extra.maxSteps; k++) out.push(base + k * extra.amount);
  return out;
}

/**
 * The amounts a package accepts for one row of `group`:
 * once/person|household → rate × maxMonths (plus alternatives and add-ons);
 * once/member → rate × maxMonths per member, × members on a household row;
 * monthly → rate × months (any 1..maxMonths when the row gives no months).
 */
export function expectedAmount(group: GroupRules, row: AmountBasis): ExpectedAmount {
  const rate = group.rate.value;
  const maxMonths = group.maxMonths.value;
  if (group.minimumAmount) {
    return { expected: null, allowed: [], minimum: group.minimumAmount.value, formula: `tối thiểu ${vnd(group.minimumAmount.value)} đ` };
  }
  if (group.payment === 'once') {
    const base = rate * maxMonths;
    if (group.unit === 'member') {
      const members = row.members !== null && row.members > 0 ? row.members : null;
      const perMemberRow = row.perMemberRow === true || (row.relation !== null && relationKey(row.relation) !== '' && !HEAD_WORDS.test(relationKey(row.relation)));
      if (members === null) {
        return { expected: base, allowed: [base], minimum: null, formula: `${vnd(rate)} đ/khẩu/tháng × ${maxMonths} tháng` };
      }
      const household = base * members;
      const allowed = perMemberRow ? [household, base] : [household];
      return {
        expected: perMemberRow ? null : household,
        allowed,
        minimum: null,
        formula: `${vnd(rate)} đ/khẩu/tháng × ${maxMonths} tháng × ${members} khẩu`,
      };
    }
    const alternatives = group.alternativeAmounts?.value ?? [];
    const allowed = [...new Set([base, ...alternatives].flatMap((b) => withExtras(b, group)))].sort((a, b) => a - b);
    return {
      expected: allowed.length === 1 ? base : null,
      allowed,
      minimum: null,
      formula: alternatives.length > 0 ? allowed.map((a) => `${vnd(a)} đ`).join(' hoặc ') : `${vnd(rate)} đ/tháng × ${maxMonths} tháng, chi một lần`,
    };
  }
  if (row.months !== null && row.months > 0) {
    const expected = rate * row.months;
    return { expected, allowed: withExtras(expected, group), minimum: null, formula: `${vnd(rate)} đ/tháng × ${row.months} tháng` };
  }
  const allowed: number[] = [];
  for (let m = 1; m <= maxMonths; m++) allowed.push(...withExtras(rate * m, group));
  return { expected: null, allowed, minimum: null, formula: `${vnd(rate)} đ/tháng × 1–${maxMonths} tháng` };
}

/** The most one row of the group may receive; null when it cannot be known (province-set amounts, unknown members). */
export function groupCap(group: GroupRules, members: number | null): number | null {
  if (group.minimumAmount) return null;
  const rate = group.rate.value;
  const maxMonths = group.maxMonths.value;
  if (group.unit === 'member' && group.payment === 'once') {
    return members !== null && members > 0 ? rate * maxMonths * members : null;
  }
  const bases = [rate * maxMonths, ...(group.alternativeAmounts?.value ?? [])];
  return Math.max(...bases.flatMap((b) => withExtras(b, group)));
}
