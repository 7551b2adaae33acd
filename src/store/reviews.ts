import { AppError, REVIEW_STATUSES, type ReviewStatus } from '../domain/index.js';
import { getFinding } from './findings.js';
import { inTransaction, nowIso } from './in-transaction.js';
import type { FindingEvent, StoredFinding } from './rows.js';
import type { Db } from './schema.js';

interface ReviewChange {
  status: ReviewStatus;
  note?: string | null;
  reviewer: string;
  expectedVersion?: number;
}

/** Applies one review inside the caller's transaction: compare-and-set on version, then an event. */
async function review(trx: Db, auditId: number, id: string, change: ReviewChange): Promise<void> {
  if (!(REVIEW_STATUSES as readonly string[]).includes(change.status)) {
    throw new AppError('BAD_INPUT', `trạng thái xem xét "${String(change.status)}" không hợp lệ; dùng một trong: ${REVIEW_STATUSES.join(', ')}`);
  }
  const current = await trx
    .selectFrom('findings')
    .select(['status', 'version'])
    .where('audit_id', '=', auditId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND', `không tìm thấy phát hiện "${id}" trong cuộc kiểm tra số ${auditId}`);
  const version = Number(current.version);
  const conflict = (): AppError =>
    new AppError(
      'CONFLICT',
      `phát hiện "${id}" vừa được người khác cập nhật (phiên bản hiện tại ${version}, bạn sửa từ phiên bản ${change.expectedVersion ?? version}); hãy tải lại rồi thử lại`,
    );
  if (change.expectedVersion !== undefined && change.expectedVersion !== version) throw conflict();
  const at = nowIso();
  const result = await trx
    .updateTable('findings')
    .set({
      status: change.status,
      ...(change.note !== undefined ? { note: change.note } : {}),
      reviewer: change.reviewer,
      reviewed_at: at,
      version: version + 1,
    })
    .where('audit_id', '=', auditId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  // Someone committed a change between our read and our write.
  if (Number(result.numUpdatedRows) === 0) throw conflict();
  await trx
    .insertInto('finding_events')
    .values({
      audit_id: auditId,
      finding_id: id,
      at,
      actor: change.reviewer,
      from_status: current.status,
      to_status: change.status,
      note: change.note ?? null,
    })
    .execute();
}

/**
 * Sets a finding's review status (and note) with optimistic concurrency: when `expectedVersion`
 * is given and no longer current, CONFLICT. Bumps the version and records a finding event.
 */
export async function setFindingReview(
  db: Db,
  auditId: number,
  id: string,
  change: { status: ReviewStatus; note?: string | null; reviewer: string; expectedVersion?: number },
): Promise<StoredFinding> {
  return inTransaction(db, async (trx) => {
    await review(trx, auditId, id, change);
    const updated = await getFinding(trx, auditId, id);
    if (!updated) throw new AppError('NOT_FOUND', `không tìm thấy phát hiện "${id}" trong cuộc kiểm tra số ${auditId}`);
    return updated;
  });
}

/** Applies many reviews by one reviewer, all in one transaction or none (e.g. an imported review sheet). */
export async function applyReviews(
  db: Db,
  auditId: number,
  changes: readonly { id: string; status: ReviewStatus; note?: string | null }[],
  reviewer: string,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const change of changes) {
      await review(trx, auditId, change.id, {
        status: change.status,
        reviewer,
        ...(change.note !== undefined ? { note: change.note } : {}),
      });
    }
  });
}

/** The review events of a finding, oldest first. */
export async function findingHistory(db: Db, auditId: number, id: string): Promise<FindingEvent[]> {
  const rows = await db
    .selectFrom('finding_events')
    .selectAll()
    .where('audit_id', '=', auditId)
    .where('finding_id', '=', id)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    auditId: Number(row.audit_id),
    findingId: row.finding_id,
    at: row.at,
    actor: row.actor,
    fromStatus: row.from_status as ReviewStatus,
    toStatus: row.to_status as ReviewStatus,
    note: row.note,
  }));
}
