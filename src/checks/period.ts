import type { PersonRecord } from '../domain/index.js';
import type { GroupRules, PackageRules } from '../rules/index.js';

/** Months "YYYY-MM" from a period such as "2020-04,2020-05"; null when none can be read. */
export function periodMonths(period: string | null): string[] | null {
  if (period === null) return null;
  const found = [...period.matchAll(/(\d{4})-(\d{1,2})/g)].map((m) => `${m[1]}-${String(Number(m[2])).padStart(2, '0')}`);
  if (found.length === 0) return null;
  return [...new Set(found)].sort();
}

/** Every month from `from` to `to` inclusive ("2020-04", "2020-06" → three months). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The package's support months. */
export function supportMonths(rules: PackageRules): string[] {
  return monthRange(rules.period.value.from, rules.period.value.to);
}

/** Months a row pays for: its period; for groups paid once, the whole support period; else null. */
export function monthsCovered(r: PersonRecord, group: GroupRules | undefined, rules: PackageRules): string[] | null {
  const months = periodMonths(r.period);
  if (months !== null) return months;
  if (group?.payment === 'once') return supportMonths(rules);
  return null;
}

/** Number of months the row supports: the months column, else the months in its period. */
export function monthCount(r: PersonRecord): number | null {
  if (r.months !== null && r.months > 0) return r.months;
  return periodMonths(r.period)?.length ?? null;
}

/**
 * Whether two payment rows of one group pay for a common month: 'yes' / 'no' when both periods are known
 * (a group paid once covers the whole period), 'unknown' when a monthly row does not say which months it
 * pays. Unknown counts as overlapping for duplicates (reported with a lower severity when the rows were paid
 * in different calendar months, since they may be monthly instalments).
 */
export function paymentsOverlap(a: PersonRecord, b: PersonRecord, group: GroupRules | undefined, rules: PackageRules): 'yes' | 'no' | 'unknown' {
  const ma = monthsCovered(a, group, rules);
  const mb = monthsCovered(b, group, rules);
  if (ma !== null && mb !== null) return ma.some((m) => mb.includes(m)) ? 'yes' : 'no';
  return 'unknown';
}

/** True when two rows were paid in different calendar months (both dates known). */
export function paidInDifferentMonths(a: PersonRecord, b: PersonRecord): boolean {
  return a.paidDate !== null && b.paidDate !== null && a.paidDate.slice(0, 7) !== b.paidDate.slice(0, 7);
}
