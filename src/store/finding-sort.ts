import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { AppError } from '../domain/index.js';
import type { Database } from './schema.js';

/** The orders the findings list offers (web page "Sắp xếp", API `sort`). */
export const FINDING_SORT_KEYS = ['severity', 'amount', 'score', 'rule', 'commune', 'status'] as const;
export type FindingSortKey = (typeof FINDING_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** A sort order. `severity desc` (most severe, then largest amount first) is the default. */
export interface FindingSort {
  readonly key: FindingSortKey;
  readonly direction: SortDirection;
}

export const DEFAULT_FINDING_SORT: FindingSort = { key: 'severity', direction: 'desc' };

// Spelled exactly as in the 20261129-1200-finding-indexes migration, as literals (not bound
// parameters): both engines use an expression index only for the very same expression.
const SEVERITY_RANK = sql.raw("(case severity when 'high' then 0 when 'medium' then 1 else 2 end)");
const STATUS_RANK = sql.raw(
  "(case status when 'new' then 0 when 'verifying' then 1 when 'confirmed' then 2 when 'recovered' then 3 else 4 end)",
);
// Missing communes sort first on both engines (SQLite and PostgreSQL place NULLs differently).
const COMMUNE = sql.raw("(coalesce(subject_commune, ''))");

const SORT_EXPRESSIONS: Record<Exclude<FindingSortKey, 'severity'>, RawBuilder<unknown>> = {
  amount: sql.raw('amount_at_risk'),
  score: sql.raw('score'),
  rule: sql.raw('rule'),
  commune: COMMUNE,
  status: STATUS_RANK,
};

/** True when `value` names a sort key. */
export function isFindingSortKey(value: string): value is FindingSortKey {
  return (FINDING_SORT_KEYS as readonly string[]).includes(value);
}

/**
 * Parses "key-direction" (as the page's URLs carry it); undefined for anything else.
 * @example parseFindingSort('amount-desc') // { key: 'amount', direction: 'desc' }
 */
export function parseFindingSort(text: string | undefined): FindingSort | undefined {
  const match = /^([a-z]+)-(asc|desc)$/.exec(text ?? '');
  const key = match?.[1];
  const direction = match?.[2];
  if (!key || !isFindingSortKey(key) || (direction !== 'asc' && direction !== 'desc')) return undefined;
  return { key, direction };
}

/** "key-direction", the inverse of {@link parseFindingSort}. */
export function formatFindingSort(sort: FindingSort): string {
  return `${sort.key}-${sort.direction}`;
}

/**
 * Adds the ORDER BY of `sort` to a findings query. Every order ends with the id, so paging is
 * stable. Severity descending is "most severe first, then the largest amount at risk, then id";
 * ascending is its exact reverse. Each order matches one index of the finding-indexes migration.
 */
export function orderFindings<O>(
  query: SelectQueryBuilder<Database, 'findings', O>,
  sort: FindingSort = DEFAULT_FINDING_SORT,
): SelectQueryBuilder<Database, 'findings', O> {
  if (!isFindingSortKey(sort.key) || (sort.direction !== 'asc' && sort.direction !== 'desc')) {
    throw new AppError('BAD_INPUT', `cách sắp xếp "${String(sort.key)}-${String(sort.direction)}" không hợp lệ`);
  }
  if (sort.key === 'severity') {
    const reverse = sort.direction === 'asc';
    return query
      .orderBy(SEVERITY_RANK, reverse ? 'desc' : 'asc')
      .orderBy('amount_at_risk', reverse ? 'asc' : 'desc')
      .orderBy('id', reverse ? 'desc' : 'asc');
  }
  return query.orderBy(SORT_EXPRESSIONS[sort.key], sort.direction).orderBy('id', sort.direction);
}
