import { AppError } from '../../domain/index.js';
import { getJob, toStoredFinding, type AuditRow, type Db, type JobKind, type JobRow, type StoredFinding, type UserRow } from '../../store/index.js';
import { codesWithin } from './area-scope.js';

/**
 * Area scoping in the queries themselves: every read of an audit, upload, run or finding on behalf of
 * a user goes through these, so another area's data is never loaded, not merely hidden. Something
 * outside the user's area answers NOT_FOUND, exactly like something that does not exist.
 */

/** The audit areas the user may see, or null when the user is nationwide (no filter). */
export async function visibleAreas(db: Db, user: Pick<UserRow, 'area'>): Promise<string[] | null> {
  if (user.area === null) return null;
  const rows = await db.selectFrom('audits').select('area').distinct().where('area', 'is not', null).execute();
  return codesWithin(user.area, rows.map((r) => r.area)).filter((a): a is string => a !== null);
}

function toAudit(row: { id: number; name: string; area: string | null; package_id: string; created_by: string | null; created_at: string }): AuditRow {
  return { id: Number(row.id), name: row.name, area: row.area, packageId: row.package_id, createdBy: row.created_by, createdAt: row.created_at };
}

/** The audits of the user's area, newest first. */
export async function listVisibleAudits(db: Db, user: Pick<UserRow, 'area'>): Promise<AuditRow[]> {
  const areas = await visibleAreas(db, user);
  if (areas !== null && areas.length === 0) return [];
  let query = db.selectFrom('audits').selectAll().orderBy('id', 'desc');
  if (areas !== null) query = query.where('area', 'in', areas);
  return (await query.execute()).map(toAudit);
}

/** The audit if it exists within the user's area; NOT_FOUND otherwise. */
export async function getVisibleAudit(db: Db, user: Pick<UserRow, 'area'>, auditId: number): Promise<AuditRow> {
  const areas = await visibleAreas(db, user);
  const notFound = new AppError('NOT_FOUND', `không tìm thấy cuộc kiểm tra số ${auditId}`);
  if (areas !== null && areas.length === 0) throw notFound;
  let query = db.selectFrom('audits').selectAll().where('id', '=', auditId);
  if (areas !== null) query = query.where('area', 'in', areas);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound;
  return toAudit(row);
}

/**
 * A finding by id among the audits the user may see. Finding ids are unique per audit only: when
 * several visible audits hold the id, the most recent audit's finding is returned.
 */
export async function getVisibleFinding(db: Db, user: Pick<UserRow, 'area'>, findingId: string): Promise<StoredFinding> {
  const areas = await visibleAreas(db, user);
  const notFound = new AppError('NOT_FOUND', `không tìm thấy phát hiện "${findingId}"`);
  if (areas !== null && areas.length === 0) throw notFound;
  let query = db
    .selectFrom('findings')
    .innerJoin('audits', 'audits.id', 'findings.audit_id')
    .selectAll('findings')
    .where('findings.id', '=', findingId)
    .orderBy('findings.audit_id', 'desc')
    .limit(1);
  if (areas !== null) query = query.where('audits.area', 'in', areas);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound;
  return toStoredFinding(row);
}

/** A background job of the given kind whose audit is within the user's area; NOT_FOUND otherwise. */
export async function getVisibleJob(db: Db, user: Pick<UserRow, 'area'>, id: number, kind: JobKind): Promise<JobRow> {
  const label = kind === 'upload' ? 'lần tải lên' : 'lượt chạy kiểm tra';
  const job = await getJob(db, id, kind);
  if (!job) throw new AppError('NOT_FOUND', `không tìm thấy ${label} số ${id}`);
  try {
    await getVisibleAudit(db, user, job.auditId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', `không tìm thấy ${label} số ${id}`);
    throw error;
  }
  return job;
}
