import { expect, it } from 'vitest';
import { AppError } from '../../src/domain/index.js';
import { applyReviews, createAudit, createRun, findingHistory, getFinding, saveRunFindings, setFindingReview } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { makeFinding } from './fixtures.js';

forEachDialect('reviews', (ctx) => {
  async function seeded(ids: string[]) {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Xem xét', packageId: 'nq42-2020' });
    const run = await createRun(db, audit.id, 'nq42-2020', '1');
    await saveRunFindings(db, audit.id, run.id, ids.map((id) => makeFinding({ id })));
    return { db, auditId: audit.id };
  }

  it('sets the status with optimistic concurrency and records who, when and from→to', async () => {
    const { db, auditId } = await seeded(['A']);
    const first = await setFindingReview(db, auditId, 'A', { status: 'verifying', note: 'Đang gọi điện cho trưởng thôn', reviewer: 'nguyễn.a', expectedVersion: 1 });
    expect(first).toMatchObject({ status: 'verifying', version: 2, note: 'Đang gọi điện cho trưởng thôn', reviewer: 'nguyễn.a' });
    expect(first.reviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // A second reviewer still holding version 1 is refused; nothing changes.
    const stale = setFindingReview(db, auditId, 'A', { status: 'dismissed', reviewer: 'trần.b', expectedVersion: 1 });
    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await stale.catch((e: unknown) => (e as Error).message)).toContain('phiên bản hiện tại 2');
    expect(await getFinding(db, auditId, 'A')).toMatchObject({ status: 'verifying', version: 2, reviewer: 'nguyễn.a' });

    // Without a note the earlier note stays; without expectedVersion there is no check.
    const second = await setFindingReview(db, auditId, 'A', { status: 'confirmed', reviewer: 'trần.b' });
    expect(second).toMatchObject({ status: 'confirmed', version: 3, note: 'Đang gọi điện cho trưởng thôn', reviewer: 'trần.b' });

    const history = await findingHistory(db, auditId, 'A');
    expect(history.map((e) => [e.actor, e.fromStatus, e.toStatus, e.note])).toEqual([
      ['nguyễn.a', 'new', 'verifying', 'Đang gọi điện cho trưởng thôn'],
      ['trần.b', 'verifying', 'confirmed', null],
    ]);
    expect(history[0]?.at).toBe(first.reviewedAt);
  });

  it('refuses an unknown finding and an unknown status', async () => {
    const { db, auditId } = await seeded(['A']);
    await expect(setFindingReview(db, auditId, 'Z', { status: 'confirmed', reviewer: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setFindingReview(db, auditId, 'A', { status: 'bogus' as never, reviewer: 'x' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await findingHistory(db, auditId, 'A')).toEqual([]);
  });

  it('applies many reviews in one transaction, or none when one fails', async () => {
    const { db, auditId } = await seeded(['A', 'B', 'C']);
    await expect(
      applyReviews(
        db,
        auditId,
        [
          { id: 'A', status: 'confirmed', note: 'Đúng' },
          { id: 'B', status: 'dismissed' },
          { id: 'KHÔNG-CÓ', status: 'confirmed' },
        ],
        'tổ giám sát',
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (const id of ['A', 'B']) {
      expect(await getFinding(db, auditId, id)).toMatchObject({ status: 'new', version: 1, reviewer: null });
      expect(await findingHistory(db, auditId, id)).toEqual([]);
    }

    await applyReviews(db, auditId, [{ id: 'A', status: 'confirmed', note: 'Đúng' }, { id: 'B', status: 'dismissed' }], 'tổ giám sát');
    expect(await getFinding(db, auditId, 'A')).toMatchObject({ status: 'confirmed', version: 2, note: 'Đúng', reviewer: 'tổ giám sát' });
    expect(await getFinding(db, auditId, 'B')).toMatchObject({ status: 'dismissed', version: 2 });
    expect(await getFinding(db, auditId, 'C')).toMatchObject({ status: 'new', version: 1 });
    expect((await findingHistory(db, auditId, 'B')).map((e) => e.actor)).toEqual(['tổ giám sát']);
  });
});
