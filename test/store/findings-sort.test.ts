import { CompiledQuery } from 'kysely';
import { expect, it } from 'vitest';
import type { Finding, ReviewStatus, Severity } from '../../src/domain/index.js';
import { findingPageQuery } from '../../src/store/findings.js';
import {
  applyReviews,
  createAudit,
  createRun,
  FINDING_SORT_KEYS,
  listFindingCommunes,
  listFindings,
  saveRunFindings,
  type Db,
  type FindingSort,
  type StoredFinding,
} from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
const STATUS_RANK: Record<ReviewStatus, number> = { new: 0, verifying: 1, confirmed: 2, recovered: 3, dismissed: 4 };
const SEVERITIES: Severity[] = ['high', 'medium', 'low'];
const RULES = ['DUPLICATE_PAYMENT', 'DECEASED', 'INVALID_ID', 'OVER_CAP'];
const COMMUNES = ['Xã An Bình', 'Xã Bình Minh', 'Phường Cửa Nam', null];

function makeFindings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `T-${String(i).padStart(4, '0')}`,
    rule: RULES[i % RULES.length] ?? 'DECEASED',
    category: i % 2 === 0 ? 'duplicate' : 'wrong_recipient',
    severity: SEVERITIES[(i * 7) % 3] ?? 'low',
    score: ((i * 37) % 10) / 10,
    // Repeated amounts, so that ties are broken by id.
    amountAtRisk: ((i * 13) % 5) * 500_000,
    subject: { name: `Người số ${i}`, idNumber: String(1e11 + i), commune: COMMUNES[i % COMMUNES.length] ?? null },
    records: [],
    explanation: i === 7 ? 'Chi trả cho người đã chết' : 'Giải thích',
    evidence: {},
    status: 'new',
    version: 1,
  }));
}

/** The expected order of `sort`, written out independently of the SQL. */
function comparator(sort: FindingSort): (a: StoredFinding, b: StoredFinding) => number {
  const byId = (a: StoredFinding, b: StoredFinding) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sign = sort.direction === 'asc' ? 1 : -1;
  const cmp = (x: number | string, y: number | string) => (x < y ? -1 : x > y ? 1 : 0);
  if (sort.key === 'severity') {
    const desc = (a: StoredFinding, b: StoredFinding) =>
      cmp(SEVERITY_RANK[a.severity], SEVERITY_RANK[b.severity]) || cmp(b.amountAtRisk, a.amountAtRisk) || byId(a, b);
    return (a, b) => (sort.direction === 'desc' ? desc(a, b) : -desc(a, b));
  }
  const key = (f: StoredFinding): number | string => {
    switch (sort.key) {
      case 'amount':
        return f.amountAtRisk;
      case 'score':
        return f.score;
      case 'rule':
        return f.rule;
      case 'commune':
        return f.subject.commune ?? '';
      case 'status':
        return STATUS_RANK[f.status];
      case 'severity':
        return SEVERITY_RANK[f.severity];
    }
  };
  return (a, b) => sign * (cmp(key(a), key(b)) || byId(a, b));
}

async function seedAudit(db: Db, n: number): Promise<number> {
  const audit = await createAudit(db, { name: 'Sắp xếp', area: '00001', packageId: 'nq42-2020', createdBy: 'test' });
  const run = await createRun(db, audit.id, 'nq42-2020', 'test');
  await saveRunFindings(db, audit.id, run.id, makeFindings(n));
  const statuses: ReviewStatus[] = ['verifying', 'confirmed', 'recovered', 'dismissed'];
  await applyReviews(
    db,
    audit.id,
    Array.from({ length: Math.floor(n / 3) }, (_, i) => ({ id: `T-${String(i * 3).padStart(4, '0')}`, status: statuses[i % 4] ?? 'new' })),
    'mon-a',
  );
  return audit.id;
}

forEachDialect('findings list: sort, filter, page', (ctx) => {
  it('orders by every sort key in both directions, ties broken by id, and pages through the same order', async () => {
    const db = ctx.db();
    const auditId = await seedAudit(db, 60);
    const all = (await listFindings(db, auditId)).items;
    expect(all).toHaveLength(60);
    for (const key of FINDING_SORT_KEYS) {
      for (const direction of ['asc', 'desc'] as const) {
        const sort = { key, direction };
        const expected = [...all].sort(comparator(sort)).map((f) => f.id);
        const listed = (await listFindings(db, auditId, { sort })).items.map((f) => f.id);
        expect(listed, `${key}-${direction}`).toEqual(expected);
        const paged: string[] = [];
        for (let offset = 0; offset < 60; offset += 25) {
          const page = await listFindings(db, auditId, { sort, limit: 25, offset });
          expect(page.total).toBe(60);
          paged.push(...page.items.map((f) => f.id));
        }
        expect(paged, `${key}-${direction} paged`).toEqual(expected);
      }
    }
    // No sort given = severity, most severe first.
    expect((await listFindings(db, auditId)).items.map((f) => f.id)).toEqual([...all].sort(comparator({ key: 'severity', direction: 'desc' })).map((f) => f.id));
  });

  it('combines filters with sorting and counts before paging', async () => {
    const db = ctx.db();
    const auditId = await seedAudit(db, 60);
    const all = (await listFindings(db, auditId)).items;
    const want = all.filter((f) => f.category === 'duplicate' && f.subject.commune === 'Xã An Bình' && f.severity === 'high');
    expect(want.length).toBeGreaterThan(1);
    const sort: FindingSort = { key: 'amount', direction: 'desc' };
    const got = await listFindings(db, auditId, { category: 'duplicate', commune: 'Xã An Bình', severity: 'high', sort, limit: 1 });
    expect(got.total).toBe(want.length);
    expect(got.items.map((f) => f.id)).toEqual([...want].sort(comparator(sort)).slice(0, 1).map((f) => f.id));
    const byStatus = await listFindings(db, auditId, { status: 'confirmed', rule: 'DUPLICATE_PAYMENT' });
    expect(byStatus.items.map((f) => f.id)).toEqual(all.filter((f) => f.status === 'confirmed' && f.rule === 'DUPLICATE_PAYMENT').map((f) => f.id));
    expect((await listFindings(db, auditId, { text: 'đã chết' })).items.map((f) => f.id)).toEqual(['T-0007']);
    expect(await listFindingCommunes(db, auditId)).toEqual(['Phường Cửa Nam', 'Xã An Bình', 'Xã Bình Minh']);
  });

  it('re-runs keep the list order right: unchanged findings get new content, changed ones move, absent ones leave and come back', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Chạy lại', area: '00001', packageId: 'nq42-2020', createdBy: 'test' });
    const [a, b, c, d] = makeFindings(4) as [Finding, Finding, Finding, Finding];
    const save = async (list: Finding[]) => saveRunFindings(db, audit.id, (await createRun(db, audit.id, 'nq42-2020', 'test')).id, list);
    const byAmount = async () => (await listFindings(db, audit.id, { sort: { key: 'amount', direction: 'desc' }, limit: 10, offset: 0 })).items;
    expect(await save([{ ...a, amountAtRisk: 300 }, { ...b, amountAtRisk: 200 }, { ...c, amountAtRisk: 100 }])).toEqual({ inserted: 3, kept: 0, resolvedByData: 0 });
    // a: only its explanation changes; b: its amount; c: absent; d: new.
    const second = await save([{ ...a, amountAtRisk: 300, explanation: 'Giải thích mới' }, { ...b, amountAtRisk: 900 }, { ...d, amountAtRisk: 50 }]);
    expect(second).toEqual({ inserted: 1, kept: 2, resolvedByData: 1 });
    const listed = await byAmount();
    expect(listed.map((f) => [f.id, f.amountAtRisk])).toEqual([[b.id, 900], [a.id, 300], [d.id, 50]]);
    // a kept its first run and took the new content and run.
    expect(listed[1]?.explanation).toBe('Giải thích mới');
    expect(listed[1]?.firstRunId).toBeLessThan(listed[2]?.firstRunId ?? 0);
    expect(listed[1]?.lastRunId).toBe(listed[2]?.lastRunId);
    expect((await listFindings(db, audit.id, { includeResolved: true, limit: 10, offset: 0 })).items.find((f) => f.id === c.id)?.resolvedByData).toBe(true);
    // c comes back unchanged: listed again, no longer resolved.
    expect(await save([{ ...a, amountAtRisk: 300, explanation: 'Giải thích mới' }, { ...b, amountAtRisk: 900 }, { ...c, amountAtRisk: 100 }, { ...d, amountAtRisk: 50 }])).toEqual({
      inserted: 0,
      kept: 4,
      resolvedByData: 0,
    });
    expect((await byAmount()).map((f) => f.id)).toEqual([b.id, a.id, c.id, d.id]);
    expect((await listFindings(db, audit.id, { sort: { key: 'amount', direction: 'desc' } })).items.map((f) => f.id)).toEqual([b.id, a.id, c.id, d.id]);
  });

  it('reads a page from one list index for every sort order, without sorting (EXPLAIN)', async () => {
    const db = ctx.db();
    const auditId = await seedAudit(db, 60);
    for (const key of FINDING_SORT_KEYS) {
      for (const direction of ['asc', 'desc'] as const) {
        const compiled = findingPageQuery(db, auditId, { sort: { key, direction }, commune: 'Xã An Bình', limit: 100, offset: 20 }).compile();
        if (ctx.dialect === 'sqlite') {
          const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
          const text = plan.rows.map((r) => r.detail).join('\n');
          expect(text, `${key}-${direction}`).toMatch(new RegExp(`COVERING INDEX findings_list_${key}_idx`));
          expect(text, `${key}-${direction}`).not.toMatch(/TEMP B-TREE/);
        } else {
          // A table this small is cheaper to scan; forbid that to see whether the index fits the query.
          const text = await db.transaction().execute(async (trx) => {
            await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
            await trx.executeQuery(CompiledQuery.raw('set local enable_sort = off'));
            await trx.executeQuery(CompiledQuery.raw('set local enable_bitmapscan = off'));
            const plan = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
            return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
          });
          expect(text, `${key}-${direction}`).toMatch(new RegExp(`findings_list_${key}_idx`));
          expect(text, `${key}-${direction}`).not.toMatch(/\bSort\b/);
        }
      }
    }
  });
});
