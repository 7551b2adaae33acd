import { afterEach, expect, it } from 'vitest';
import { listAuditLog } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { bearer, login, makeApp, seed, type TestApp } from './support.js';

interface TokenJson {
  id: number;
  name: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

async function tokensOf(t: TestApp, token: string | undefined, query = ''): Promise<{ status: number; items: TokenJson[] }> {
  const res = await t.app.request(`/api/tokens${query}`, { headers: bearer(token) });
  const body = (await res.json()) as { items?: TokenJson[] };
  return { status: res.status, items: body.items ?? [] };
}

forEachDialect('API tokens: GET /api/tokens, DELETE /api/tokens/:id', (ctx) => {
  let t: TestApp | undefined;
  afterEach(() => t?.cleanup());

  it('lists one’s own tokens without their values; only an admin may name another user', async () => {
    t = makeApp(ctx.db());
    const { tokens } = await seed(ctx.db());
    const own = await tokensOf(t, tokens['mon-a']);
    expect(own.status).toBe(200);
    expect(own.items).toHaveLength(1);
    expect(own.items[0]).toEqual({ id: expect.any(Number), name: null, createdAt: expect.any(String), lastUsedAt: expect.any(String), revokedAt: null });
    expect(JSON.stringify(own.items)).not.toContain(tokens['mon-a']);

    const self = await tokensOf(t, tokens['mon-a'], '?username=mon-a');
    expect(self.items.map((i) => i.id)).toEqual(own.items.map((i) => i.id));
    const forbidden = await t.app.request('/api/tokens?username=insp-a', { headers: bearer(tokens['mon-a']) });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });

    const byAdmin = await tokensOf(t, tokens['admin'], '?username=mon-a');
    expect(byAdmin.items.map((i) => i.id)).toEqual(own.items.map((i) => i.id));
    expect((await t.app.request('/api/tokens?username=khong-co', { headers: bearer(tokens['admin']) })).status).toBe(404);
    expect((await t.app.request('/api/tokens')).status).toBe(401);
  });

  it('revokes one’s own token (then it no longer authenticates); another’s is 404 except for an admin', async () => {
    t = makeApp(ctx.db());
    const { tokens, passwords } = await seed(ctx.db());
    const monToken = (await tokensOf(t, tokens['mon-a'])).items[0];
    const inspToken = (await tokensOf(t, tokens['insp-a'])).items[0];

    const foreign = await t.app.request(`/api/tokens/${inspToken?.id}`, { method: 'DELETE', headers: bearer(tokens['mon-a']) });
    expect(foreign.status).toBe(404);
    expect((await tokensOf(t, tokens['insp-a'])).items[0]?.revokedAt).toBeNull();

    // A session must send its CSRF token on DELETE.
    const mon = await login(t.app, 'mon-a', passwords['mon-a'] ?? '');
    expect((await t.app.request(`/api/tokens/${monToken?.id}`, { method: 'DELETE', headers: { Cookie: mon.cookie } })).status).toBe(403);
    const res = await t.app.request(`/api/tokens/${monToken?.id}`, { method: 'DELETE', headers: { Cookie: mon.cookie, 'X-CSRF-Token': mon.csrf } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: monToken?.id, revokedAt: '2026-11-29T08:00:00.000Z' });
    expect((await t.app.request('/api/tokens', { headers: bearer(tokens['mon-a']) })).status).toBe(401);
    // Revoking again changes nothing and is not logged twice.
    expect((await t.app.request(`/api/tokens/${monToken?.id}`, { method: 'DELETE', headers: { Cookie: mon.cookie, 'X-CSRF-Token': mon.csrf } })).status).toBe(200);

    const byAdmin = await t.app.request(`/api/tokens/${inspToken?.id}`, { method: 'DELETE', headers: bearer(tokens['admin']) });
    expect(byAdmin.status).toBe(200);
    expect((await t.app.request('/api/audits', { headers: bearer(tokens['insp-a']) })).status).toBe(401);
    expect((await t.app.request('/api/tokens/999999', { method: 'DELETE', headers: bearer(tokens['admin']) })).status).toBe(404);
    expect((await t.app.request('/api/tokens/abc', { method: 'DELETE', headers: bearer(tokens['admin']) })).status).toBe(404);

    const revokes = (await listAuditLog(ctx.db(), { action: 'token.revoke' })).map((e) => [e.actor, e.target, e.detail]);
    expect(revokes).toEqual([
      ['admin', 'user:insp-a', { tokenId: inspToken?.id }],
      ['mon-a', 'user:mon-a', { tokenId: monToken?.id }],
    ]);
  });

  it('documents both routes in the OpenAPI document', async () => {
    t = makeApp(ctx.db());
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
    expect(Object.keys(doc.paths['/api/tokens'] ?? {})).toEqual(['get']);
    expect(doc.paths['/api/tokens']?.['get']?.parameters?.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(['username']);
    expect(Object.keys(doc.paths['/api/tokens/{id}'] ?? {})).toEqual(['delete']);
  });
});
