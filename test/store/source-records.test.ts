import { CompiledQuery } from 'kysely';
import { expect, it } from 'vitest';
import { createAudit, deleteUpload, loadSourceRecords } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { makeRecord } from '../support/records.js';
import { storeRecords } from './fixtures.js';

forEachDialect('loadSourceRecords', (ctx) => {
  it('finds each referenced row by role, file, sheet and row across sheets and uploads, newest upload first, and null when gone', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Nguồn', area: '00001', packageId: 'nq42-2020', createdBy: 'test' });
    const other = await createAudit(db, { name: 'Khác', area: '00001', packageId: 'nq42-2020', createdBy: 'test' });
    const payouts = [
      ...[2, 3, 4].map((row) => makeRecord({ sheet: 'Thôn 1', row, fullName: `Thôn 1 dòng ${row}`, raw: { 'Họ và tên': `Thôn 1 dòng ${row}` } })),
      ...[2, 3].map((row) => makeRecord({ sheet: 'Thôn 2', row, fullName: `Thôn 2 dòng ${row}`, amount: 1_500_000 })),
    ];
    const first = await storeRecords(db, audit.id, payouts, { sha256: 'dot-1' });
    // A corrected file of the same name uploaded later: its row wins.
    await storeRecords(db, audit.id, [makeRecord({ sheet: 'Thôn 2', row: 3, fullName: 'Bản sửa' })], { sha256: 'dot-2' });
    await storeRecords(db, audit.id, [makeRecord({ role: 'register:deceased', file: 'khai-tu.xlsx', sheet: 'Sheet1', row: 5, fullName: 'Người đã mất', deathDate: '2020-03-01' })]);
    await storeRecords(db, other.id, [makeRecord({ sheet: 'Thôn 1', row: 9, fullName: 'Cuộc kiểm tra khác' })]);

    const refs = [
      { role: 'payouts', file: 'chi-tra.xlsx', sheet: 'Thôn 1', row: 4 },
      { role: 'payouts', file: 'chi-tra.xlsx', sheet: 'Thôn 2', row: 2 },
      { role: 'payouts', file: 'chi-tra.xlsx', sheet: 'Thôn 2', row: 3 },
      { role: 'register:deceased', file: 'khai-tu.xlsx', sheet: 'Sheet1', row: 5 },
      { role: 'payouts', file: 'chi-tra.xlsx', sheet: 'Thôn 3', row: 2 },
      { role: 'payouts', file: 'khac.xlsx', sheet: 'Thôn 1', row: 2 },
      { role: 'beneficiaries', file: 'chi-tra.xlsx', sheet: 'Thôn 1', row: 2 },
      { role: 'payouts', file: 'chi-tra.xlsx', sheet: 'Thôn 1', row: 9 },
    ] as const;
    const found = await loadSourceRecords(db, audit.id, refs);
    expect(found.map((f) => f.record?.fullName ?? null)).toEqual(['Thôn 1 dòng 4', 'Thôn 2 dòng 2', 'Bản sửa', 'Người đã mất', null, null, null, null]);
    expect(found[0]?.record).toMatchObject({ role: 'payouts', file: 'chi-tra.xlsx', sheet: 'Thôn 1', row: 4, raw: { 'Họ và tên': 'Thôn 1 dòng 4' } });
    expect(found[1]?.record?.amount).toBe(1_500_000);
    expect(found[1]?.uploadId).toBe(first.id);
    expect(found[3]?.record?.deathDate).toBe('2020-03-01');
    expect(found.map((f) => f.ref)).toEqual(refs);

    await deleteUpload(db, first.id);
    const after = await loadSourceRecords(db, audit.id, refs.slice(0, 3));
    expect(after.map((f) => f.record?.fullName ?? null)).toEqual([null, null, 'Bản sửa']);
  });

  it.runIf(ctx.dialect === 'sqlite')('probes the records ordering index instead of scanning an upload (EXPLAIN)', async () => {
    const db = ctx.db();
    const compiled = db
      .selectFrom('payouts')
      .select('id')
      .where('audit_id', '=', 1)
      .where('upload_id', '=', 1)
      .where('sheet_index', 'in', [0, 1, 2])
      .where('row_number', '=', 5)
      .where('sheet', '=', 'Thôn 1')
      .compile();
    const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
    expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(/USING INDEX payouts_audit_order_idx \(audit_id=\? AND upload_id=\? AND sheet_index=\? AND row_number=\?\)/);
  });
});
