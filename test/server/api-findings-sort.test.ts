import { afterEach, expect, it } from 'vitest';
import { forEachDialect } from '../support/db.js';
import { bearer, makeApp, seed, seedFindings, type TestApp } from './support.js';

forEachDialect('API findings list order', (ctx) => {
  let t: TestApp | undefined;
  afterEach(() => t?.cleanup());

  it('sorts by the `sort` parameter, keeps the default order without it and refuses unknown orders', async () => {
    const { tokens, auditA } = await seed(ctx.db());
    await seedFindings(ctx.db(), auditA.id, [
      { id: 'F-LOW-BIG', severity: 'low', amountAtRisk: 9_000_000, rule: 'AMOUNT_MISMATCH' },
      { id: 'F-HIGH-SMALL', severity: 'high', amountAtRisk: 1_000_000, rule: 'DECEASED' },
      { id: 'F-MED-MID', severity: 'medium', amountAtRisk: 5_000_000, rule: 'OVER_CAP' },
    ]);
    t = makeApp(ctx.db());
    const ids = async (query: string): Promise<string[]> => {
      const res = await t!.app.request(`/api/audits/${auditA.id}/findings${query}`, { headers: bearer(tokens['mon-a']) });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { id: string }[] }).items.map((f) => f.id);
    };
    expect(await ids('')).toEqual(['F-HIGH-SMALL', 'F-MED-MID', 'F-LOW-BIG']);
    expect(await ids('?sort=amount-desc')).toEqual(['F-LOW-BIG', 'F-MED-MID', 'F-HIGH-SMALL']);
    expect(await ids('?sort=amount-asc')).toEqual(['F-HIGH-SMALL', 'F-MED-MID', 'F-LOW-BIG']);
    expect(await ids('?sort=rule-asc')).toEqual(['F-LOW-BIG', 'F-HIGH-SMALL', 'F-MED-MID']);
    const bad = await t.app.request(`/api/audits/${auditA.id}/findings?sort=name-up`, { headers: bearer(tokens['mon-a']) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('sort');
  });
});
