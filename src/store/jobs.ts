import type { Selectable, Updateable } from 'kysely';
import { AppError } from '../domain/index.js';
import type { JobsTable } from './account-schema.js';
import type { JobError, JobKind, JobRow, JobStatus } from './account-rows.js';
import type { Db } from './schema.js';

function toJob(row: Selectable<JobsTable>): JobRow {
  return {
    id: Number(row.id),
    kind: row.kind as JobKind,
    auditId: Number(row.audit_id),
    status: row.status as JobStatus,
    progress: Number(row.progress),
    file: row.file,
    role: row.role,
    counts: row.counts_json === null ? null : (JSON.parse(row.counts_json) as Record<string, unknown>),
    errors: row.errors_json === null ? [] : (JSON.parse(row.errors_json) as JobError[]),
    resultId: row.result_id === null ? null : Number(row.result_id),
    createdBy: row.created_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/** Records a queued job. */
export async function insertJob(
  db: Db,
  input: { kind: JobKind; auditId: number; file?: string | null; role?: string | null; createdBy: string | null; createdAt: string },
): Promise<JobRow> {
  const row = await db
    .insertInto('jobs')
    .values({
      kind: input.kind,
      audit_id: input.auditId,
      status: 'queued',
      progress: 0,
      file: input.file ?? null,
      role: input.role ?? null,
      counts_json: null,
      errors_json: null,
      result_id: null,
      created_by: input.createdBy,
      created_at: input.createdAt,
      finished_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toJob(row);
}

export async function getJob(db: Db, id: number, kind: JobKind): Promise<JobRow | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).where('kind', '=', kind).executeTakeFirst();
  return row ? toJob(row) : undefined;
}

/** Updates a job's state (NOT_FOUND when there is no such job). */
export async function updateJob(
  db: Db,
  id: number,
  patch: Partial<{ status: JobStatus; progress: number; counts: Record<string, unknown>; errors: JobError[]; resultId: number; finishedAt: string }>,
): Promise<void> {
  const set: Updateable<JobsTable> = {};
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.progress !== undefined) set.progress = patch.progress;
  if (patch.counts !== undefined) set.counts_json = JSON.stringify(patch.counts);
  if (patch.errors !== undefined) set.errors_json = JSON.stringify(patch.errors);
  if (patch.resultId !== undefined) set.result_id = patch.resultId;
  if (patch.finishedAt !== undefined) set.finished_at = patch.finishedAt;
  if (Object.keys(set).length === 0) return;
  const result = await db.updateTable('jobs').set(set).where('id', '=', id).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', `không tìm thấy công việc số ${id}`);
}

/** Marks jobs left queued or running by a stopped process as failed (called when the service starts). */
export async function failInterruptedJobs(db: Db, at: string, message: string): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'failed', finished_at: at, errors_json: JSON.stringify([{ code: 'INTERNAL', message }]) })
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
