import { CATEGORIES, REVIEW_STATUSES, SEVERITIES, type Category, type ReviewStatus, type Severity } from '../../../domain/index.js';
import { DEFAULT_FINDING_SORT, formatFindingSort, parseFindingSort, type FindingFilter, type FindingSort } from '../../../store/index.js';

/** Findings per page of the list. */
export const PAGE_SIZE = 100;

/** The list's state as its URL carries it (also echoed by the bulk form so it can come back). */
export interface ListQuery {
  readonly category?: Category;
  readonly rule?: string;
  readonly severity?: Severity;
  readonly commune?: string;
  readonly status?: ReviewStatus;
  readonly q?: string;
  readonly sort: FindingSort;
  readonly page: number;
}

/** The names of the list's URL parameters, in the order links are written. */
export const LIST_PARAMS = ['category', 'rule', 'severity', 'commune', 'status', 'q', 'sort', 'page'] as const;

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

function text(value: string | undefined, max: number): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

/**
 * Reads the list's state from URL or form values. Lenient, as links get edited by hand: an unknown
 * value is dropped (the filter is off), never an error page.
 */
export function readListQuery(get: (name: string) => string | undefined): ListQuery {
  const page = Number(get('page'));
  const rule = text(get('rule'), 60);
  const category = oneOf(CATEGORIES, get('category'));
  const severity = oneOf(SEVERITIES, get('severity'));
  const commune = text(get('commune'), 100);
  const status = oneOf(REVIEW_STATUSES, get('status'));
  const q = text(get('q'), 200);
  return {
    ...(category ? { category } : {}),
    ...(rule && /^[A-Z0-9_]+$/.test(rule) ? { rule } : {}),
    ...(severity ? { severity } : {}),
    ...(commune ? { commune } : {}),
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
    sort: parseFindingSort(get('sort')) ?? DEFAULT_FINDING_SORT,
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

/** The URL parameters of a list state (the default sort and page 1 are left out). */
export function listParams(query: ListQuery, overrides: { page?: number } = {}): Record<string, string | undefined> {
  const page = overrides.page ?? query.page;
  const sort = formatFindingSort(query.sort);
  return {
    category: query.category,
    rule: query.rule,
    severity: query.severity,
    commune: query.commune,
    status: query.status,
    q: query.q,
    sort: sort === formatFindingSort(DEFAULT_FINDING_SORT) ? undefined : sort,
    page: page > 1 ? String(page) : undefined,
  };
}

/** The store filter of a list state for page `page`. */
export function storeFilter(query: ListQuery, page: number): FindingFilter {
  return {
    ...(query.category ? { category: query.category } : {}),
    ...(query.rule ? { rule: query.rule } : {}),
    ...(query.severity ? { severity: query.severity } : {}),
    ...(query.commune ? { commune: query.commune } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { text: query.q } : {}),
    sort: query.sort,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
}

/** Sort options of the "Sắp xếp" list: value "key-direction" and its Vietnamese label. */
export const SORT_OPTIONS: readonly (readonly [string, string])[] = [
  ['severity-desc', 'Mức độ: cao → thấp'],
  ['severity-asc', 'Mức độ: thấp → cao'],
  ['amount-desc', 'Số tiền có nguy cơ sai: lớn → nhỏ'],
  ['amount-asc', 'Số tiền có nguy cơ sai: nhỏ → lớn'],
  ['score-desc', 'Điểm tin cậy: cao → thấp'],
  ['score-asc', 'Điểm tin cậy: thấp → cao'],
  ['rule-asc', 'Quy tắc (theo mã): A → Z'],
  ['rule-desc', 'Quy tắc (theo mã): Z → A'],
  ['commune-asc', 'Xã: A → Z'],
  ['commune-desc', 'Xã: Z → A'],
  ['status-asc', 'Trạng thái: Mới → Không sai phạm'],
  ['status-desc', 'Trạng thái: Không sai phạm → Mới'],
];
