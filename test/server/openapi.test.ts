import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { resolveContext } from '../../src/server/create-app.js';
import { pageRoutes } from '../../src/server/pages/index.js';
import { forEachDialect } from '../support/db.js';
import { bearer, makeApp, seed, type TestApp } from './support.js';

forEachDialect('OpenAPI, health and version', (ctx) => {
  let t: TestApp | undefined;
  afterEach(() => t?.cleanup());

  it('lists every registered route with its method, and only those', async () => {
    t = makeApp(ctx.db());
    const res = await t.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> }; parameters?: { name: string; in: string }[] }>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const key = (r: { method: string; path: string }) => `${r.method} ${r.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`;
    // The HTML pages are not part of the API document; every other route must be in it.
    const pages = new Set(pageRoutes(resolveContext({ db: ctx.db(), config: loadConfig({}) })).routes.map(key));
    const registered = [...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map(key))].filter((k) => !pages.has(k));
    expect(registered.length).toBeGreaterThan(15);
    expect(documented.sort()).toEqual(registered.sort());
    for (const route of [
      'GET /healthz',
      'POST /login',
      'POST /api/audits',
      'GET /api/audits',
      'POST /api/audits/{id}/uploads',
      'GET /api/uploads/{id}',
      'POST /api/audits/{id}/runs',
      'GET /api/runs/{id}',
      'GET /api/audits/{id}/findings',
      'GET /api/audits/{id}/findings.json',
      'GET /api/findings/{id}',
      'PATCH /api/findings/{id}',
      'GET /api/audits/{id}/report.xlsx',
      'GET /api/version',
    ]) {
      expect(documented).toContain(route);
    }
    const create = doc.paths['/api/audits']?.['post']?.requestBody?.content['application/json']?.schema.properties;
    expect(Object.keys(create ?? {}).sort()).toEqual(['area', 'name', 'package']);
    const upload = doc.paths['/api/audits/{id}/uploads']?.['post']?.requestBody?.content['multipart/form-data']?.schema.properties;
    expect(upload?.['file']).toEqual({ type: 'array', items: { type: 'string', format: 'binary' } });
    const query = doc.paths['/api/audits/{id}/findings']?.['get']?.parameters?.filter((p) => p.in === 'query').map((p) => p.name);
    expect(query).toEqual(['category', 'rule', 'severity', 'status', 'commune', 'q', 'sort', 'limit', 'offset']);
  });

  it('answers /healthz, /api/version and JSON 404s without signing in', async () => {
    t = makeApp(ctx.db());
    expect(await (await t.app.request('/healthz')).json()).toEqual({ status: 'ok' });
    expect(await (await t.app.request('/api/version')).json()).toEqual({ name: 'ansinh-audit', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const missing = await t.app.request('/api/khong-co');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: expect.stringMatching(/không có đường dẫn/) } });
  });

  it('logs one structured record per request: method, path, status, duration, user and address', async () => {
    const records: Record<string, unknown>[] = [];
    t = makeApp(ctx.db(), { logger: { log: (r) => records.push({ ...r }) } });
    const { tokens } = await seed(ctx.db());
    await t.app.request('/healthz');
    await t.app.request('/api/audits', { headers: bearer(tokens['aud-a']) });
    await t.app.request('/api/audits');
    expect(records).toMatchObject([
      { method: 'GET', path: '/healthz', status: 200, user: null, ip: 'unknown' },
      { method: 'GET', path: '/api/audits', status: 200, user: 'aud-a', auth: 'token' },
      { method: 'GET', path: '/api/audits', status: 401, user: null },
    ]);
    expect(records.every((r) => typeof r['ms'] === 'number' && typeof r['time'] === 'string')).toBe(true);
  });
});
