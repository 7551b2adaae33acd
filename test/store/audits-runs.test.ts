import { expect, it } from 'vitest';
import { createAudit, createRun, findAuditByName, getAudit, getRun, listAudits, listRuns, updateRun } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';

forEachDialect('audits and runs', (ctx) => {
  it('creates, finds and lists audits; a name is unique', async () => {
    const db = ctx.db();
    const a = await createAudit(db, { name: 'Huyện Đông Anh 2020', area: '01017', packageId: 'nq42-2020', createdBy: 'lan' });
    const b = await createAudit(db, { name: 'Xã Tân Lập', packageId: 'nq42-2020' });
    expect(a).toMatchObject({ name: 'Huyện Đông Anh 2020', area: '01017', packageId: 'nq42-2020', createdBy: 'lan' });
    expect(b).toMatchObject({ area: null, createdBy: null });
    expect(await findAuditByName(db, 'Xã Tân Lập')).toEqual(b);
    expect(await findAuditByName(db, 'xã tân lập')).toBeUndefined();
    expect(await getAudit(db, a.id)).toEqual(a);
    expect(await listAudits(db)).toEqual([a, b]);
    await expect(createAudit(db, { name: 'Xã Tân Lập', packageId: 'nq42-2020' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('creates runs as queued and updates status, progress, error and counts', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Chạy', packageId: 'nq42-2020' });
    const run = await createRun(db, audit.id, 'nq42-2020', '2026.11');
    expect(run).toMatchObject({ auditId: audit.id, status: 'queued', progress: 0, error: null, counts: null, finishedAt: null, rulesVersion: '2026.11' });
    await updateRun(db, run.id, { status: 'running', progress: 0.5 });
    await updateRun(db, run.id, { status: 'done', progress: 1, counts: { DECEASED: 3, 'tổng': 7 }, finishedAt: '2026-11-29T09:00:00.000Z' });
    expect(await getRun(db, run.id)).toMatchObject({ status: 'done', progress: 1, counts: { DECEASED: 3, 'tổng': 7 }, finishedAt: '2026-11-29T09:00:00.000Z' });
    const failed = await createRun(db, audit.id, 'nq42-2020', '2026.11');
    await updateRun(db, failed.id, { status: 'failed', error: 'Lỗi đọc quy tắc' });
    expect((await listRuns(db, audit.id)).map((r) => [r.id, r.status, r.error])).toEqual([
      [failed.id, 'failed', 'Lỗi đọc quy tắc'],
      [run.id, 'done', null],
    ]);
    await expect(updateRun(db, 987654, { progress: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
