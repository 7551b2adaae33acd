import { expect, it } from 'vitest';
import {
  appendAuditLog,
  createAudit,
  failInterruptedJobs,
  findLiveApiToken,
  getJob,
  getSession,
  insertApiToken,
  insertJob,
  insertSession,
  insertUser,
  listAuditLog,
  revokeApiToken,
  revokeUserSessions,
  updateJob,
  updateUser,
} from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';

forEachDialect('account store', (ctx) => {
  it('keeps usernames unique and updates role, area and the disabled flag', async () => {
    const user = await insertUser(ctx.db(), { username: 'tt.badinh', role: 'inspector', area: '001', passwordHash: 'scrypt$x' });
    expect(user).toMatchObject({ username: 'tt.badinh', role: 'inspector', area: '001', disabled: false });
    await expect(insertUser(ctx.db(), { username: 'tt.badinh', role: 'auditor', area: '01', passwordHash: 'h' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const updated = await updateUser(ctx.db(), user.id, { role: 'monitor', area: '00001', disabled: true });
    expect(updated).toMatchObject({ role: 'monitor', area: '00001', disabled: true });
    await expect(updateUser(ctx.db(), 999, { disabled: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stores sessions and tokens by hash and revokes them', async () => {
    const user = await insertUser(ctx.db(), { username: 'gs.a', role: 'monitor', area: '001', passwordHash: 'h' });
    const at = '2026-11-29T08:00:00.000Z';
    await insertSession(ctx.db(), { id: 'a'.repeat(64), userId: user.id, csrfToken: 'c', createdAt: at, expiresAt: '2026-11-29T20:00:00.000Z', ip: '10.0.0.1', userAgent: null });
    await insertSession(ctx.db(), { id: 'b'.repeat(64), userId: user.id, csrfToken: 'd', createdAt: at, expiresAt: '2026-11-29T20:00:00.000Z', ip: null, userAgent: null });
    expect(await revokeUserSessions(ctx.db(), user.id, at)).toBe(2);
    expect((await getSession(ctx.db(), 'a'.repeat(64)))?.revokedAt).toBe(at);

    const token = await insertApiToken(ctx.db(), { userId: user.id, name: 'script', tokenHash: 'f'.repeat(64), createdAt: at });
    expect((await findLiveApiToken(ctx.db(), 'f'.repeat(64)))?.id).toBe(token.id);
    await revokeApiToken(ctx.db(), token.id, at);
    expect(await findLiveApiToken(ctx.db(), 'f'.repeat(64))).toBeUndefined();
  });

  it('appends to the audit log and refuses to change or delete an entry', async () => {
    await appendAuditLog(ctx.db(), { at: '2026-11-29T08:00:00.000Z', actor: 'gs.a', action: 'login', ip: '10.0.0.1' });
    await appendAuditLog(ctx.db(), { at: '2026-11-29T08:01:00.000Z', actor: 'gs.a', action: 'download', target: 'audit:1', detail: { format: 'report.xlsx' } });
    const log = await listAuditLog(ctx.db());
    expect(log.map((e) => e.action)).toEqual(['download', 'login']);
    expect(log[0]?.detail).toEqual({ format: 'report.xlsx' });
    await expect(ctx.db().updateTable('audit_log').set({ actor: 'kẻ gian' }).execute()).rejects.toThrow(/append-only/);
    await expect(ctx.db().deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect(await listAuditLog(ctx.db())).toHaveLength(2);
  });

  it('records jobs and fails the ones a stopped process left unfinished', async () => {
    const audit = await createAudit(ctx.db(), { name: 'a', area: '001', packageId: 'nq42-2020' });
    const at = '2026-11-29T08:00:00.000Z';
    const queued = await insertJob(ctx.db(), { kind: 'upload', auditId: audit.id, file: 'a.xlsx', role: 'payouts', createdBy: 'x', createdAt: at });
    const done = await insertJob(ctx.db(), { kind: 'run', auditId: audit.id, createdBy: 'x', createdAt: at });
    await updateJob(ctx.db(), done.id, { status: 'done', progress: 1, resultId: 7, counts: { findings: 3 } });
    expect(await failInterruptedJobs(ctx.db(), at, 'khởi động lại')).toBe(1);
    expect(await getJob(ctx.db(), queued.id, 'upload')).toMatchObject({ status: 'failed', errors: [{ code: 'INTERNAL', message: 'khởi động lại' }] });
    expect(await getJob(ctx.db(), done.id, 'run')).toMatchObject({ status: 'done', resultId: 7, counts: { findings: 3 } });
    // A job id asked for as the other kind does not exist.
    expect(await getJob(ctx.db(), done.id, 'upload')).toBeUndefined();
  });
});
