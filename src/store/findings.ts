import { sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import { AppError, type Category, type RecordRef, type ReviewStatus, type Severity } from '../domain/index.js';
import { orderFindings, type FindingSort } from './finding-sort.js';
import type { StoredFinding } from './rows.js';
import type { Database, Db, FindingsTable } from './schema.js';

export function toStoredFinding(row: Selectable<FindingsTable>): StoredFinding {
  return {
    id: row.id,
    rule: row.rule,
    category: row.category as Category,
    severity: row.severity as Severity,
    score: Number(row.score),
    amountAtRisk: Number(row.amount_at_risk),
    subject: { name: row.subject_name, idNumber: row.subject_id_number, commune: row.subject_commune },
    records: JSON.parse(row.records_json) as RecordRef[],
    explanation: row.explanation,
    evidence: JSON.parse(row.evidence_json) as Record<string, unknown>,
    status: row.status as ReviewStatus,
    version: Number(row.version),
    auditId: Number(row.audit_id),
    note: row.note,
    reviewer: row.reviewer,
    reviewedAt: row.reviewed_at,
    resolvedByData: Number(row.resolved_by_data) === 1,
    firstRunId: Number(row.first_run_id),
    lastRunId: Number(row.last_run_id),
  };
}

export { saveRunFindings } from './save-run-findings.js';

export interface FindingFilter {
  category?: string;
  rule?: string;
  severity?: string;
  status?: string;
  /** Exact subject commune. */
  commune?: string;
  /** Case-insensitive substring of the id, rule, subject name/ID/commune or explanation. */
  text?: string;
  /** Also list findings the latest run no longer produced (default: no). */
  includeResolved?: boolean;
  /** Default: most severe first, then the largest amount at risk (see finding-sort.ts). */
  sort?: FindingSort;
  limit?: number;
  offset?: number;
}

const TEXT_COLUMNS = ['id', 'rule', 'subject_name', 'subject_id_number', 'subject_commune', 'explanation'] as const;

function filterExpression(eb: ExpressionBuilder<Database, 'findings'>, auditId: number, filter: FindingFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [eb('audit_id', '=', auditId)];
  if (filter.category) conditions.push(eb('category', '=', filter.category));
  if (filter.rule) conditions.push(eb('rule', '=', filter.rule));
  if (filter.severity) conditions.push(eb('severity', '=', filter.severity));
  if (filter.status) conditions.push(eb('status', '=', filter.status));
  if (filter.commune) conditions.push(eb('subject_commune', '=', filter.commune));
  if (!filter.includeResolved) conditions.push(eb('resolved_by_data', '=', 0));
  const text = filter.text?.trim();
  if (text) {
    // LIKE with an explicit escape character behaves the same on both engines; lower() on both
    // sides makes it case-insensitive (on SQLite for unaccented letters only).
    const pattern = `%${text.replace(/[!%_]/g, '!$&')}%`;
    conditions.push(
      eb.or(TEXT_COLUMNS.map((column) => sql<SqlBool>`lower(${sql.ref(column)}) like lower(${pattern}) escape '!'`)),
    );
  }
  return eb.and(conditions);
}

function checkPaging(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0) throw new AppError('BAD_INPUT', `tham số ${name} phải là số nguyên không âm`);
  return value;
}

/** Ids fetched per `id in (…)` query when a page's rows are loaded. */
const IDS_PER_STATEMENT = 500;

/**
 * The query for the ids of one page of {@link listFindings}: filter, order, limit and offset. It
 * reads only the list indexes of the finding-indexes migration (exported so that a test can check
 * the query plan).
 */
export function findingPageQuery(db: Db, auditId: number, filter: FindingFilter) {
  const limit = checkPaging('limit', filter.limit);
  const offset = checkPaging('offset', filter.offset) ?? 0;
  // SQLite accepts OFFSET only after a LIMIT.
  const query = orderFindings(
    db.selectFrom('findings').select('id').where((eb) => filterExpression(eb, auditId, filter)),
    filter.sort,
  ).limit(limit ?? Number.MAX_SAFE_INTEGER);
  return offset > 0 ? query.offset(offset) : query;
}

/**
 * The findings of an audit matching `filter`, in `filter.sort` order (default: most severe and
 * costly first), with the total before paging. A page (`limit`) is found in two steps: the ids of
 * the page from the list indexes alone, then those rows — so a deep page of 100,000 findings never
 * sorts or skips the wide rows.
 */
export async function listFindings(
  db: Db,
  auditId: number,
  filter: FindingFilter = {},
): Promise<{ total: number; items: StoredFinding[] }> {
  const limit = checkPaging('limit', filter.limit);
  const offset = checkPaging('offset', filter.offset) ?? 0;
  const totalRow = await db
    .selectFrom('findings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => filterExpression(eb, auditId, filter))
    .executeTakeFirst();
  const total = Number(totalRow?.n ?? 0);
  // Everything at once (the pipeline, the reports): one ordered query, no paging to do.
  if (offset === 0 && (limit === undefined || limit >= total)) {
    const query = orderFindings(
      db.selectFrom('findings').selectAll().where((eb) => filterExpression(eb, auditId, filter)),
      filter.sort,
    );
    const rows = await (limit === undefined ? query : query.limit(limit)).execute();
    return { total, items: rows.map(toStoredFinding) };
  }
  const ids = (await findingPageQuery(db, auditId, filter).execute()).map((r) => r.id);
  const byId = new Map<string, StoredFinding>();
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
    const rows = await db
      .selectFrom('findings')
      .selectAll()
      .where('audit_id', '=', auditId)
      .where('id', 'in', ids.slice(start, start + IDS_PER_STATEMENT))
      .execute();
    for (const row of rows) byId.set(row.id, toStoredFinding(row));
  }
  const items = ids.map((id) => byId.get(id)).filter((f): f is StoredFinding => f !== undefined);
  return { total, items };
}

/** The distinct subject communes of an audit's current findings, sorted (for a filter list). */
export async function listFindingCommunes(db: Db, auditId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('findings')
    .select('subject_commune')
    .distinct()
    .where('audit_id', '=', auditId)
    .where('resolved_by_data', '=', 0)
    .where('subject_commune', 'is not', null)
    .execute();
  return rows
    .map((r) => r.subject_commune)
    .filter((c): c is string => c !== null && c !== '')
    .sort((a, b) => a.localeCompare(b, 'vi'));
}

/** Current status and version of those of `ids` that are findings of the audit (others are absent). */
export async function findingStates(
  db: Db,
  auditId: number,
  ids: readonly string[],
): Promise<Map<string, { status: ReviewStatus; version: number }>> {
  const out = new Map<string, { status: ReviewStatus; version: number }>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += IDS_PER_STATEMENT) {
    const rows = await db
      .selectFrom('findings')
      .select(['id', 'status', 'version'])
      .where('audit_id', '=', auditId)
      .where('id', 'in', unique.slice(start, start + IDS_PER_STATEMENT))
      .execute();
    for (const row of rows) out.set(row.id, { status: row.status as ReviewStatus, version: Number(row.version) });
  }
  return out;
}

export async function getFinding(db: Db, auditId: number, id: string): Promise<StoredFinding | undefined> {
  const row = await db
    .selectFrom('findings')
    .selectAll()
    .where('audit_id', '=', auditId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toStoredFinding(row) : undefined;
}
