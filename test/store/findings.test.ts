import { expect, it } from 'vitest';
import { createAudit, createRun, getFinding, listFindings, saveRunFindings, setFindingReview } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { makeFinding } from './fixtures.js';

forEachDialect('findings', (ctx) => {
  async function auditWithRuns(name: string) {
    const db = ctx.db();
    const audit = await createAudit(db, { name, packageId: 'nq42-2020' });
    const run1 = await createRun(db, audit.id, 'nq42-2020', '2026.1');
    const run2 = await createRun(db, audit.id, 'nq42-2020', '2026.1');
    return { db, audit, run1, run2 };
  }

  it('keeps reviews across runs, inserts new findings and marks absent ones resolved by data', async () => {
    const { db, audit, run1, run2 } = await auditWithRuns('Hai lượt');
    const a = makeFinding({ id: 'A', amountAtRisk: 1_000_000 });
    const b = makeFinding({ id: 'B', rule: 'DECEASED', category: 'wrong_recipient' });
    const c = makeFinding({ id: 'C' });
    expect(await saveRunFindings(db, audit.id, run1.id, [a, b, c])).toEqual({ inserted: 3, kept: 0, resolvedByData: 0 });
    await setFindingReview(db, audit.id, 'A', { status: 'confirmed', note: 'Đã xác minh tại xã', reviewer: 'giám sát' });

    const a2 = makeFinding({ id: 'A', amountAtRisk: 2_000_000, explanation: 'Nội dung mới', status: 'new', version: 1 });
    const d = makeFinding({ id: 'D', severity: 'low' });
    expect(await saveRunFindings(db, audit.id, run2.id, [a2, d])).toEqual({ inserted: 1, kept: 1, resolvedByData: 2 });

    const storedA = await getFinding(db, audit.id, 'A');
    expect(storedA).toMatchObject({
      status: 'confirmed',
      note: 'Đã xác minh tại xã',
      reviewer: 'giám sát',
      version: 2,
      amountAtRisk: 2_000_000,
      explanation: 'Nội dung mới',
      firstRunId: run1.id,
      lastRunId: run2.id,
      resolvedByData: false,
    });
    expect(await getFinding(db, audit.id, 'B')).toMatchObject({ resolvedByData: true, lastRunId: run1.id, rule: 'DECEASED' });
    expect(await getFinding(db, audit.id, 'D')).toMatchObject({ status: 'new', version: 1, firstRunId: run2.id, resolvedByData: false });

    // B reappears in a third run: un-marked, still the same finding.
    const run3 = await createRun(db, audit.id, 'nq42-2020', '2026.1');
    expect(await saveRunFindings(db, audit.id, run3.id, [a2, b, d])).toEqual({ inserted: 0, kept: 3, resolvedByData: 1 });
    expect(await getFinding(db, audit.id, 'B')).toMatchObject({ resolvedByData: false, firstRunId: run1.id, lastRunId: run3.id });
  });

  it('round-trips a finding with its subject, records and evidence', async () => {
    const { db, audit, run1 } = await auditWithRuns('Nội dung');
    const finding = makeFinding({ evidence: { lần: [1, 2], 'tổng tiền': 3_000_000, nested: { ok: true } }, score: 0.87 });
    await saveRunFindings(db, audit.id, run1.id, [finding]);
    expect(await getFinding(db, audit.id, finding.id)).toEqual({
      ...finding,
      auditId: audit.id,
      note: null,
      reviewer: null,
      reviewedAt: null,
      resolvedByData: false,
      firstRunId: run1.id,
      lastRunId: run1.id,
    });
    expect(await getFinding(db, audit.id, 'không có')).toBeUndefined();
  });

  it('refuses a run of another audit and rolls back', async () => {
    const { db, audit } = await auditWithRuns('Một');
    const other = await auditWithRuns('Hai');
    await expect(saveRunFindings(db, audit.id, other.run1.id, [makeFinding()])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listFindings(db, audit.id)).total).toBe(0);
  });

  it('keeps findings with the same id apart in different audits', async () => {
    const one = await auditWithRuns('Xã 1');
    const two = await auditWithRuns('Xã 2');
    await saveRunFindings(one.db, one.audit.id, one.run1.id, [makeFinding({ id: 'X' })]);
    await saveRunFindings(two.db, two.audit.id, two.run1.id, [makeFinding({ id: 'X' })]);
    await saveRunFindings(one.db, one.audit.id, one.run2.id, []);
    expect(await getFinding(one.db, one.audit.id, 'X')).toMatchObject({ resolvedByData: true });
    expect(await getFinding(two.db, two.audit.id, 'X')).toMatchObject({ resolvedByData: false });
  });

  it('filters by category, rule, severity, status, commune and text, and pages', async () => {
    const { db, audit, run1, run2 } = await auditWithRuns('Lọc');
    const findings = [
      makeFinding({ id: 'F1', severity: 'low', amountAtRisk: 9_000_000, subject: { name: 'Lê Văn Tám', idNumber: '001', commune: '00004' } }),
      makeFinding({ id: 'F2', severity: 'high', amountAtRisk: 1_000_000, subject: { name: 'Phạm Thị Hoa', idNumber: '002', commune: '00007' } }),
      makeFinding({ id: 'F3', severity: 'high', amountAtRisk: 5_000_000, rule: 'DECEASED', category: 'wrong_recipient', subject: { name: 'Đỗ Văn Hùng', idNumber: '003', commune: '00004' } }),
      makeFinding({ id: 'F4', severity: 'medium', amountAtRisk: 0, rule: 'INVALID_ID', category: 'data_quality', explanation: 'Số CCCD 50%_sai định dạng', subject: { name: null, idNumber: null, commune: null } }),
      makeFinding({ id: 'F5', severity: 'medium', amountAtRisk: 2_000_000, subject: { name: 'Vũ Thị Lan', idNumber: '005', commune: '00007' } }),
    ];
    await saveRunFindings(db, audit.id, run1.id, findings);
    await setFindingReview(db, audit.id, 'F2', { status: 'dismissed', reviewer: 'kt' });
    // F5 is absent from the second run: hidden unless includeResolved.
    await saveRunFindings(db, audit.id, run2.id, findings.slice(0, 4));

    const ids = async (filter: Parameters<typeof listFindings>[2]) => (await listFindings(db, audit.id, filter)).items.map((f) => f.id);
    // Most severe first, then largest amount, then id.
    expect(await ids({})).toEqual(['F3', 'F2', 'F4', 'F1']);
    expect(await ids({ includeResolved: true })).toEqual(['F3', 'F2', 'F5', 'F4', 'F1']);
    expect(await ids({ category: 'duplicate' })).toEqual(['F2', 'F1']);
    expect(await ids({ rule: 'DECEASED' })).toEqual(['F3']);
    expect(await ids({ severity: 'high' })).toEqual(['F3', 'F2']);
    expect(await ids({ status: 'dismissed' })).toEqual(['F2']);
    expect(await ids({ status: 'new', commune: '00004' })).toEqual(['F3', 'F1']);
    expect(await ids({ text: 'hoa' })).toEqual(['F2']);
    expect(await ids({ text: 'Đỗ Văn' })).toEqual(['F3']);
    expect(await ids({ text: 'tám' })).toEqual(['F1']);
    expect(await ids({ text: '50%_' })).toEqual(['F4']);
    expect(await ids({ text: '5%' })).toEqual([]);
    expect(await ids({ text: 'invalid_id' })).toEqual(['F4']);

    const page = await listFindings(db, audit.id, { limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(page.items.map((f) => f.id)).toEqual(['F2', 'F4']);
    expect((await listFindings(db, audit.id, { offset: 3 })).items.map((f) => f.id)).toEqual(['F1']);
    expect(await listFindings(db, audit.id, { severity: 'high', limit: 1 })).toMatchObject({ total: 2, items: [{ id: 'F3' }] });
    await expect(listFindings(db, audit.id, { limit: -1 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
