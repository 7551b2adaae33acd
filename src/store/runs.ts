import type { Selectable, Updateable } from 'kysely';
import { AppError } from '../domain/index.js';
import { nowIso } from './in-transaction.js';
import type { RunRow, RunStatus } from './rows.js';
import type { Db, RunsTable } from './schema.js';

function toRun(row: Selectable<RunsTable>): RunRow {
  return {
    id: Number(row.id),
    auditId: Number(row.audit_id),
    packageId: row.package_id,
    rulesVersion: row.rules_version,
    status: row.status as RunStatus,
    progress: Number(row.progress),
    error: row.error,
    counts: row.counts_json === null ? null : (JSON.parse(row.counts_json) as unknown),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** Records a new, queued run of the checks of `packageId` (rules at `rulesVersion`) over an audit. */
export async function createRun(db: Db, auditId: number, packageId: string, rulesVersion: string): Promise<RunRow> {
  const row = await db
    .insertInto('runs')
    .values({
      audit_id: auditId,
      package_id: packageId,
      rules_version: rulesVersion,
      status: 'queued',
      progress: 0,
      error: null,
      counts_json: null,
      started_at: nowIso(),
      finished_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRun(row);
}

/** Updates a run's status, progress, error, counts or finish time (NOT_FOUND when there is no such run). */
export async function updateRun(
  db: Db,
  runId: number,
  patch: Partial<{ status: RunStatus; progress: number; error: string | null; counts: unknown; finishedAt: string }>,
): Promise<void> {
  const set: Updateable<RunsTable> = {};
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.progress !== undefined) set.progress = patch.progress;
  if (patch.error !== undefined) set.error = patch.error;
  if ('counts' in patch) set.counts_json = patch.counts === undefined ? null : JSON.stringify(patch.counts);
  if (patch.finishedAt !== undefined) set.finished_at = patch.finishedAt;
  if (Object.keys(set).length === 0) return;
  const result = await db.updateTable('runs').set(set).where('id', '=', runId).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', `không tìm thấy lượt chạy kiểm tra số ${runId}`);
}

export async function getRun(db: Db, runId: number): Promise<RunRow | undefined> {
  const row = await db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirst();
  return row ? toRun(row) : undefined;
}

/** The runs of an audit, newest first. */
export async function listRuns(db: Db, auditId: number): Promise<RunRow[]> {
  const rows = await db.selectFrom('runs').selectAll().where('audit_id', '=', auditId).orderBy('id', 'desc').execute();
  return rows.map(toRun);
}
