import { afterEach, expect, it } from 'vitest';
import { insertJob, listAuditLog } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { bearer, json, makeApp, payoutsWorkbook, seed, seedFinding, seedFindings, uploadForm, type TestApp } from './support.js';

const patch = (body: unknown, headers: Record<string, string>): RequestInit => ({ ...json(body, headers), method: 'PATCH' });

forEachDialect('API roles and area scoping', (ctx) => {
  let t: TestApp | undefined;
  afterEach(() => t?.cleanup());

  it('lets inspectors and admins create audits within their area only, with validated bodies', async () => {
    t = makeApp(ctx.db());
    const { tokens } = await seed(ctx.db());
    const create = (user: string, body: unknown) => t?.app.request('/api/audits', json(body, bearer(tokens[user]))) as Promise<Response>;
    const ok = await create('insp-a', { name: 'Trúc Bạch', area: '00004', package: 'nq42-2020' });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ id: expect.any(Number), name: 'Trúc Bạch', area: '00004', package: 'nq42-2020', createdBy: 'insp-a' });
    expect((await create('admin', { name: 'TP.HCM', area: '79', package: 'nq42-2020' })).status).toBe(201);
    expect((await create('insp-hn', { name: 'Hoàn Kiếm 2', area: '002', package: 'nq42-2020' })).status).toBe(201);
    expect((await create('mon-a', { name: 'x', area: '001', package: 'nq42-2020' })).status).toBe(403);
    expect((await create('aud-a', { name: 'x', area: '001', package: 'nq42-2020' })).status).toBe(403);
    const outside = await create('insp-a', { name: 'x', area: '002', package: 'nq42-2020' });
    expect(outside.status).toBe(403);
    expect(await outside.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringMatching(/ngoài phạm vi/) } });
    expect((await create('insp-a', { name: 'x', area: '00004', package: 'nq99' })).status).toBe(422);
    expect((await create('insp-a', { name: 'x', area: '99', package: 'nq42-2020' })).status).toBe(422);
    const missing = await create('insp-a', { area: '00004', package: 'nq42-2020' });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ error: { code: 'VALIDATION', message: expect.stringMatching(/trường "name"/) } });
    expect((await create('insp-a', { name: 'Trúc Bạch', area: '00004', package: 'nq42-2020' })).status).toBe(409);
    const malformed = await t.app.request('/api/audits', { method: 'POST', headers: bearer(tokens['insp-a'], { 'Content-Type': 'application/json' }), body: '{"name":' });
    expect(malformed.status).toBe(400);
    const text = await t.app.request('/api/audits', { method: 'POST', headers: bearer(tokens['insp-a'], { 'Content-Type': 'text/plain' }), body: 'x' });
    expect(text.status).toBe(415);
    expect(await listAuditLog(ctx.db(), { action: 'audit.create' })).toHaveLength(3);
  });

  it('lists and reads only the audits of the user area (404 for another area)', async () => {
    t = makeApp(ctx.db());
    const { tokens, auditA, auditB } = await seed(ctx.db());
    const names = async (user: string): Promise<string[]> => {
      const res = await t?.app.request('/api/audits', { headers: bearer(tokens[user]) });
      return ((await res?.json()) as { items: { name: string }[] }).items.map((a) => a.name).sort();
    };
    expect(await names('insp-a')).toEqual([auditA.name]);
    expect(await names('aud-a')).toEqual([auditA.name]);
    expect(await names('mon-b')).toEqual([auditB.name]);
    expect(await names('insp-hn')).toEqual([auditB.name, auditA.name].sort());
    expect(await names('admin')).toEqual([auditB.name, auditA.name].sort());
    expect(await names('mon-xa')).toEqual([]);
    expect((await t.app.request(`/api/audits/${auditA.id}`, { headers: bearer(tokens['mon-a']) })).status).toBe(200);
    const other = await t.app.request(`/api/audits/${auditA.id}`, { headers: bearer(tokens['mon-b']) });
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await t.app.request('/api/audits/999', { headers: bearer(tokens['admin']) })).status).toBe(404);
    expect((await t.app.request('/api/audits/abc', { headers: bearer(tokens['admin']) })).status).toBe(404);
  });

  it('refuses uploads and runs to monitors and auditors (403) and to another area (404)', async () => {
    t = makeApp(ctx.db());
    const { tokens, auditA } = await seed(ctx.db());
    const data = await payoutsWorkbook();
    const upload = (user: string) =>
      t?.app.request(`/api/audits/${auditA.id}/uploads`, { method: 'POST', headers: bearer(tokens[user]), body: uploadForm('payouts', [{ name: 'chi-tra.xlsx', data }]) }) as Promise<Response>;
    const run = (user: string) => t?.app.request(`/api/audits/${auditA.id}/runs`, { method: 'POST', headers: bearer(tokens[user]) }) as Promise<Response>;
    expect((await upload('mon-a')).status).toBe(403);
    expect((await upload('aud-a')).status).toBe(403);
    expect((await upload('insp-b')).status).toBe(404);
    expect((await run('mon-a')).status).toBe(403);
    expect((await run('aud-a')).status).toBe(403);
    expect((await run('insp-b')).status).toBe(404);
    expect(t.jobs.size).toBe(0);
    const job = await insertJob(ctx.db(), { kind: 'upload', auditId: auditA.id, file: 'a.xlsx', role: 'payouts', createdBy: 'insp-a', createdAt: '2026-11-29T08:00:00Z' });
    expect((await t.app.request(`/api/uploads/${job.id}`, { headers: bearer(tokens['aud-a']) })).status).toBe(200);
    expect((await t.app.request(`/api/uploads/${job.id}`, { headers: bearer(tokens['mon-b']) })).status).toBe(404);
    // An upload job's id is not a run's id.
    expect((await t.app.request(`/api/runs/${job.id}`, { headers: bearer(tokens['aud-a']) })).status).toBe(404);
    const runJob = await insertJob(ctx.db(), { kind: 'run', auditId: auditA.id, createdBy: 'insp-a', createdAt: '2026-11-29T08:00:00Z' });
    expect(await (await t.app.request(`/api/runs/${runJob.id}`, { headers: bearer(tokens['mon-a']) })).json()).toMatchObject({ id: runJob.id, status: 'queued', runId: null });
    expect((await t.app.request(`/api/runs/${runJob.id}`, { headers: bearer(tokens['mon-b']) })).status).toBe(404);
  });

  it('reads findings only within the area: guessing another district’s finding ids answers 404', async () => {
    t = makeApp(ctx.db());
    const { tokens, auditA, auditB } = await seed(ctx.db());
    await seedFindings(ctx.db(), auditA.id, [{ id: 'DP-chung', amountAtRisk: 1 }, { id: 'DP-rieng-a' }]);
    await seedFinding(ctx.db(), auditB.id, 'DP-chung', { amountAtRisk: 2 });
    const get = (user: string, id: string) => t?.app.request(`/api/findings/${id}`, { headers: bearer(tokens[user]) }) as Promise<Response>;
    expect((await get('mon-a', 'DP-rieng-a')).status).toBe(200);
    const guessed = await get('mon-b', 'DP-rieng-a');
    expect(guessed.status).toBe(404);
    expect(await guessed.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await (await get('mon-a', 'DP-chung')).json()).toMatchObject({ auditId: auditA.id, amountAtRisk: 1 });
    expect(await (await get('mon-b', 'DP-chung')).json()).toMatchObject({ auditId: auditB.id, amountAtRisk: 2 });
    // Both visible: the most recent audit's finding.
    expect(await (await get('insp-hn', 'DP-chung')).json()).toMatchObject({ auditId: auditB.id });
    expect((await t.app.request(`/api/audits/${auditA.id}/findings`, { headers: bearer(tokens['mon-b']) })).status).toBe(404);
    expect((await t.app.request(`/api/audits/${auditA.id}/findings.json`, { headers: bearer(tokens['mon-b']) })).status).toBe(404);
    expect((await t.app.request(`/api/audits/${auditA.id}/report.xlsx`, { headers: bearer(tokens['mon-b']) })).status).toBe(404);
    const list = await t.app.request(`/api/audits/${auditA.id}/findings?severity=high&limit=1`, { headers: bearer(tokens['aud-a']) });
    expect(await list.json()).toMatchObject({ total: 2, items: [{ id: 'DP-rieng-a' }] });
    expect((await t.app.request(`/api/audits/${auditA.id}/findings?severity=rat-cao`, { headers: bearer(tokens['aud-a']) })).status).toBe(400);
    expect((await t.app.request(`/api/audits/${auditA.id}/findings?limit=-1`, { headers: bearer(tokens['aud-a']) })).status).toBe(400);
  });

  it('lets monitors (and admins) review findings of their area with version checks; others get 403 or 404', async () => {
    t = makeApp(ctx.db());
    const { tokens, auditA, auditB } = await seed(ctx.db());
    await seedFinding(ctx.db(), auditA.id, 'DP-a');
    await seedFinding(ctx.db(), auditB.id, 'DP-b');
    const review = (user: string, id: string, body: unknown) => t?.app.request(`/api/findings/${id}`, patch(body, bearer(tokens[user]))) as Promise<Response>;
    expect((await review('aud-a', 'DP-a', { status: 'verifying', version: 1 })).status).toBe(403);
    expect((await review('insp-a', 'DP-a', { status: 'verifying', version: 1 })).status).toBe(403);
    expect((await review('mon-b', 'DP-a', { status: 'verifying', version: 1 })).status).toBe(404);
    expect((await review('mon-a', 'DP-b', { status: 'verifying', version: 1 })).status).toBe(404);
    expect((await review('mon-a', 'DP-a', { status: 'verifying', version: 1, auditId: auditB.id })).status).toBe(404);
    expect((await review('mon-a', 'DP-a', { status: 'sai', version: 1 })).status).toBe(422);
    expect((await review('mon-a', 'DP-a', { status: 'verifying' })).status).toBe(422);
    const ok = await review('mon-a', 'DP-a', { status: 'confirmed', note: 'Đã đối chiếu sổ chi', version: 1 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: 'DP-a', status: 'confirmed', note: 'Đã đối chiếu sổ chi', version: 2, reviewer: 'mon-a' });
    const stale = await review('mon-a', 'DP-a', { status: 'dismissed', version: 1 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await review('admin', 'DP-a', { status: 'recovered', version: 2 })).status).toBe(200);
    expect(await listAuditLog(ctx.db(), { action: 'finding.status' })).toMatchObject([
      { actor: 'admin', detail: { from: 'confirmed', to: 'recovered' } },
      { actor: 'mon-a', detail: { from: 'new', to: 'confirmed' } },
    ]);
  });

  it('lets only admins manage users', async () => {
    t = makeApp(ctx.db());
    const { tokens } = await seed(ctx.db());
    for (const user of ['insp-a', 'mon-a', 'aud-a']) {
      expect((await t.app.request('/api/users', { headers: bearer(tokens[user]) })).status).toBe(403);
      expect((await t.app.request('/api/users', json({ username: 'x1', role: 'auditor', area: '01' }, bearer(tokens[user])))).status).toBe(403);
    }
    const created = await t.app.request('/api/users', json({ username: 'kt.hanoi', role: 'auditor', area: '01' }, bearer(tokens['admin'])));
    expect(created.status).toBe(201);
    const body = (await created.json()) as { user: { id: number; username: string }; password: string };
    expect(body.user).toMatchObject({ username: 'kt.hanoi', role: 'auditor', area: '01' });
    expect(body.password.length).toBeGreaterThanOrEqual(16);
    expect((await t.app.request('/api/users', json({ username: 'x2', role: 'boss', area: '01' }, bearer(tokens['admin'])))).status).toBe(422);
    expect((await t.app.request('/api/users', json({ username: 'x3', role: 'monitor' }, bearer(tokens['admin'])))).status).toBe(400);
    const moved = await t.app.request(`/api/users/${body.user.id}`, patch({ area: '79' }, bearer(tokens['admin'])));
    expect(await moved.json()).toMatchObject({ area: '79' });
    expect(await listAuditLog(ctx.db(), { action: 'user.update' })).toMatchObject([{ actor: 'admin', target: 'user:kt.hanoi' }]);
  });
});
