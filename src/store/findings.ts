import { sql, type Expression, type ExpressionBuilder, type Insertable, type Selectable, type SqlBool } from 'kysely';
import { AppError, type Category, type Finding, type RecordRef, type ReviewStatus, type Severity } from '../domain/index.js';
import { inTransaction } from './in-transaction.js';
import type { StoredFinding } from './rows.js';
import type { Database, Db, FindingsTable } from './schema.js';

/** Findings per multi-row upsert: 21 columns each, far below either engine's parameter limit. */
const FINDINGS_PER_STATEMENT = 400;

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

function newRow(auditId: number, runId: number, f: Finding): Insertable<FindingsTable> {
  return {
    audit_id: auditId,
    id: f.id,
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    score: f.score,
    amount_at_risk: f.amountAtRisk,
    subject_name: f.subject.name,
    subject_id_number: f.subject.idNumber,
    subject_commune: f.subject.commune,
    records_json: JSON.stringify(f.records),
    explanation: f.explanation,
    evidence_json: JSON.stringify(f.evidence),
    status: 'new',
    version: 1,
    note: null,
    reviewer: null,
    reviewed_at: null,
    resolved_by_data: 0,
    first_run_id: runId,
    last_run_id: runId,
  };
}

/**
 * Saves a run's findings, keyed by (audit, stable finding id), in one transaction. A finding seen
 * before keeps its review (status, note, reviewer, version) and gets the new content; a new one
 * starts as 'new', version 1. Findings of the audit this run did not produce are marked resolved
 * by data, and un-marked when a later run produces them again. `resolvedByData` counts all
 * findings of the audit now absent.
 */
export async function saveRunFindings(
  db: Db,
  auditId: number,
  runId: number,
  findings: readonly Finding[],
): Promise<{ inserted: number; kept: number; resolvedByData: number }> {
  return inTransaction(db, async (trx) => {
    const run = await trx.selectFrom('runs').select('audit_id').where('id', '=', runId).executeTakeFirst();
    if (!run || Number(run.audit_id) !== auditId) {
      throw new AppError('NOT_FOUND', `không tìm thấy lượt chạy kiểm tra số ${runId} của cuộc kiểm tra số ${auditId}`);
    }
    const unique = new Map<string, Finding>();
    for (const finding of findings) unique.set(finding.id, finding);
    const existing = new Set(
      (await trx.selectFrom('findings').select('id').where('audit_id', '=', auditId).execute()).map((r) => r.id),
    );

    // Everything is absent until this run's upsert says otherwise.
    await trx.updateTable('findings').set({ resolved_by_data: 1 }).where('audit_id', '=', auditId).execute();

    const all = [...unique.values()];
    for (let start = 0; start < all.length; start += FINDINGS_PER_STATEMENT) {
      const chunk = all.slice(start, start + FINDINGS_PER_STATEMENT);
      await trx
        .insertInto('findings')
        .values(chunk.map((f) => newRow(auditId, runId, f)))
        .onConflict((oc) =>
          oc.columns(['audit_id', 'id']).doUpdateSet((eb) => ({
            rule: eb.ref('excluded.rule'),
            category: eb.ref('excluded.category'),
            severity: eb.ref('excluded.severity'),
            score: eb.ref('excluded.score'),
            amount_at_risk: eb.ref('excluded.amount_at_risk'),
            subject_name: eb.ref('excluded.subject_name'),
            subject_id_number: eb.ref('excluded.subject_id_number'),
            subject_commune: eb.ref('excluded.subject_commune'),
            records_json: eb.ref('excluded.records_json'),
            explanation: eb.ref('excluded.explanation'),
            evidence_json: eb.ref('excluded.evidence_json'),
            resolved_by_data: 0,
            last_run_id: eb.ref('excluded.last_run_id'),
          })),
        )
        .execute();
    }

    const resolved = await trx
      .selectFrom('findings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('audit_id', '=', auditId)
      .where('resolved_by_data', '=', 1)
      .executeTakeFirst();
    const kept = all.filter((f) => existing.has(f.id)).length;
    return { inserted: all.length - kept, kept, resolvedByData: Number(resolved?.n ?? 0) };
  });
}

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

/**
 * The findings of an audit matching `filter`, most severe and costly first, with the total before
 * paging.
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
  let query = db
    .selectFrom('findings')
    .selectAll()
    .where((eb) => filterExpression(eb, auditId, filter))
    .orderBy((eb) => eb.case('severity').when('high').then(0).when('medium').then(1).else(2).end())
    .orderBy('amount_at_risk', 'desc')
    .orderBy('id');
  // SQLite accepts OFFSET only after a LIMIT.
  if (limit !== undefined || offset > 0) query = query.limit(limit ?? Number.MAX_SAFE_INTEGER);
  if (offset > 0) query = query.offset(offset);
  const rows = await query.execute();
  return { total: Number(totalRow?.n ?? 0), items: rows.map(toStoredFinding) };
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
