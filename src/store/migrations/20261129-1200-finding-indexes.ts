import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the findings list (web page and API) so that filtering, sorting and paging stay fast
 * with 100,000 findings per audit. One per sort order, each starting with (audit_id,
 * resolved_by_data) — the condition every list query has — then the sort key and id, then the
 * filter columns: every list query (count, ids of a page however deep, filters) reads one index
 * alone and never the wide rows (explanations, evidence with charts). Without them a deep page
 * took seconds on SQLite, because its planner prefers an index that avoids the sort and then
 * looked up every row to test the filters. The severity, status and commune orders are
 * expressions; the list query (src/store/finding-sort.ts) must spell them exactly like this for
 * the engines to use the indexes. Same SQL on SQLite and PostgreSQL. Imports no app code.
 */

const SEVERITY_RANK = "(case severity when 'high' then 0 when 'medium' then 1 else 2 end)";
const STATUS_RANK =
  "(case status when 'new' then 0 when 'verifying' then 1 when 'confirmed' then 2 when 'recovered' then 3 else 4 end)";

const COMMUNE = "(coalesce(subject_commune, ''))";
const FILTER_COLUMNS = 'category, severity, status, rule, subject_commune';

const INDEXES: readonly (readonly [name: string, key: string])[] = [
  ['findings_list_severity_idx', `${SEVERITY_RANK}, amount_at_risk desc, id`],
  ['findings_list_amount_idx', 'amount_at_risk, id'],
  ['findings_list_score_idx', 'score, id'],
  ['findings_list_rule_idx', 'rule, id'],
  ['findings_list_commune_idx', `${COMMUNE}, id`],
  ['findings_list_status_idx', `${STATUS_RANK}, id`],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, key] of INDEXES) {
    await sql.raw(`create index ${name} on findings (audit_id, resolved_by_data, ${key}, ${FILTER_COLUMNS})`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
}
