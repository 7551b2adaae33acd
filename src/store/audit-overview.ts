import type { Db } from './schema.js';
import { readyUploadIds } from './records.js';

/** Count and amount at risk of one group of findings. */
export interface FindingGroupTotal {
  /** The category code, or the subject's commune (null when the finding names none). */
  key: string | null;
  count: number;
  amountAtRisk: number;
}

/** The live findings of an audit (those its latest run produced) grouped by category and by commune. */
export interface FindingSummary {
  total: number;
  amountAtRisk: number;
  byCategory: FindingGroupTotal[];
  byCommune: FindingGroupTotal[];
}

function toTotals(rows: readonly { key: string | null; n: unknown; amount: unknown }[]): FindingGroupTotal[] {
  return rows
    .map((r) => ({ key: r.key, count: Number(r.n), amountAtRisk: Number(r.amount ?? 0) }))
    .sort((a, b) => b.amountAtRisk - a.amountAtRisk || b.count - a.count || String(a.key).localeCompare(String(b.key)));
}

/**
 * Counts and amounts at risk of an audit's live findings (not resolved by data) by category and by
 * subject commune, largest amount first: the dashboard's tables and charts.
 */
export async function summarizeFindings(db: Db, auditId: number): Promise<FindingSummary> {
  const live = db.selectFrom('findings').where('audit_id', '=', auditId).where('resolved_by_data', '=', 0);
  const byCategory = await live
    .select((eb) => ['category as key', eb.fn.countAll().as('n'), eb.fn.sum('amount_at_risk').as('amount')])
    .groupBy('category')
    .execute();
  const byCommune = await live
    .select((eb) => ['subject_commune as key', eb.fn.countAll().as('n'), eb.fn.sum('amount_at_risk').as('amount')])
    .groupBy('subject_commune')
    .execute();
  const categories = toTotals(byCategory);
  return {
    total: categories.reduce((sum, g) => sum + g.count, 0),
    amountAtRisk: categories.reduce((sum, g) => sum + g.amountAtRisk, 0),
    byCategory: categories,
    byCommune: toTotals(byCommune),
  };
}

/** The communes (GSO code and name as written) of an audit's beneficiary and payout rows, by code. */
export async function listRecordCommunes(db: Db, auditId: number): Promise<{ code: string; name: string | null }[]> {
  const found = new Map<string, string | null>();
  for (const table of ['beneficiaries', 'payouts'] as const) {
    const rows = await db
      .selectFrom(table)
      .select((eb) => ['commune_code', eb.fn.min('commune_name').as('name')])
      .where('audit_id', '=', auditId)
      .where('upload_id', 'in', readyUploadIds(db, auditId))
      .where('commune_code', 'is not', null)
      .groupBy('commune_code')
      .execute();
    for (const r of rows) if (r.commune_code !== null && !found.get(r.commune_code)) found.set(r.commune_code, (r.name as string | null) ?? null);
  }
  return [...found].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code));
}

/** Per audit: the latest run (status and times) and the number of live findings; for the audit list. */
export async function auditListStats(
  db: Db,
  auditIds: readonly number[],
): Promise<Map<number, { findings: number; latestRun: { id: number; status: string; startedAt: string; finishedAt: string | null } | null }>> {
  const out = new Map<number, { findings: number; latestRun: { id: number; status: string; startedAt: string; finishedAt: string | null } | null }>();
  if (auditIds.length === 0) return out;
  for (const id of auditIds) out.set(id, { findings: 0, latestRun: null });
  const counts = await db
    .selectFrom('findings')
    .select((eb) => ['audit_id', eb.fn.countAll().as('n')])
    .where('audit_id', 'in', auditIds)
    .where('resolved_by_data', '=', 0)
    .groupBy('audit_id')
    .execute();
  for (const r of counts) {
    const entry = out.get(Number(r.audit_id));
    if (entry) entry.findings = Number(r.n);
  }
  const latest = await db
    .selectFrom('runs')
    .selectAll()
    .where('id', 'in', (eb) => eb.selectFrom('runs').select((e) => e.fn.max('id').as('id')).where('audit_id', 'in', auditIds).groupBy('audit_id'))
    .execute();
  for (const r of latest) {
    const entry = out.get(Number(r.audit_id));
    if (entry) entry.latestRun = { id: Number(r.id), status: r.status, startedAt: r.started_at, finishedAt: r.finished_at };
  }
  return out;
}
