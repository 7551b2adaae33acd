import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/index.js';
import {
  countRecords,
  createAudit,
  deleteUpload,
  findUploadBySha,
  listUploads,
  loadRecords,
  removeAbandonedUploads,
  storeUpload,
  ABANDONED_UPLOAD_MS,
  type UploadInput,
} from '../../src/store/index.js';
import { createRecordWriter } from '../../src/store/record-writer.js';
import { forEachDialect } from '../support/db.js';
import { makeRecord } from '../support/records.js';
import { batchesOf, storeRecords } from './fixtures.js';

function rows(count: number, from = 0, sheet = 'Thôn 1') {
  return Array.from({ length: count }, (_, i) =>
    makeRecord({ sheet, row: from + i + 2, fullName: `Người ${from + i}`, amount: 1_500_000 }),
  );
}

forEachDialect('uploads', (ctx) => {
  function input(auditId: number, overrides: Partial<UploadInput> = {}): UploadInput {
    return {
      auditId,
      file: 'chi-tra.xlsx',
      sha256: 'a'.repeat(64),
      role: 'payouts',
      uploadedBy: 'thanh.tra',
      mapping: { fullName: 1, amount: 4 },
      sheets: [
        { sheet: 'Thôn 1', headerRow: 3, rowsRead: 5, rowsSkipped: 1, rowsRejected: 0, skipped: { empty: 1 } },
        { sheet: 'Thôn 2', headerRow: 3, rowsRead: 4, rowsSkipped: 2, rowsRejected: 1 },
      ],
      ...overrides,
    };
  }

  it('stores the upload with its sheet counts, mapping and totals, and every record', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Xã A', packageId: 'nq42-2020' });
    const progress: number[] = [];
    const upload = await storeUpload(db, input(audit.id), batchesOf([rows(3), rows(2, 3), rows(4, 0, 'Thôn 2')]), (n) => progress.push(n));
    expect(upload).toMatchObject({
      auditId: audit.id,
      file: 'chi-tra.xlsx',
      role: 'payouts',
      uploadedBy: 'thanh.tra',
      mapping: { fullName: 1, amount: 4 },
      rowsRead: 9,
      rowsSkipped: 3,
      rowsRejected: 1,
    });
    expect(upload.sheets[0]).toEqual({ sheet: 'Thôn 1', headerRow: 3, rowsRead: 5, rowsSkipped: 1, rowsRejected: 0, skipped: { empty: 1 } });
    expect(progress.at(-1)).toBe(9);
    expect(await countRecords(db, audit.id)).toEqual({ payouts: 9 });
    expect(await listUploads(db, audit.id)).toEqual([upload]);
    expect(await findUploadBySha(db, audit.id, 'a'.repeat(64))).toEqual(upload);
  });

  it('reads mapping and sheet counts only after the last record (getters filled while streaming)', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Xã B', packageId: 'nq42-2020' });
    let read = 0;
    async function* counted() {
      for (const batch of [rows(2), rows(3, 2)]) {
        read += batch.length;
        yield batch;
      }
    }
    const upload = await storeUpload(
      db,
      {
        auditId: audit.id,
        file: 'x.xlsx',
        sha256: 'b',
        role: 'payouts',
        get mapping() {
          return { seen: read };
        },
        get sheets() {
          return [{ sheet: 'Thôn 1', headerRow: 1, rowsRead: read, rowsSkipped: 0, rowsRejected: 0 }];
        },
      },
      counted(),
    );
    expect(upload.mapping).toEqual({ seen: 5 });
    expect(upload.rowsRead).toBe(5);
  });

  it('leaves no upload row and no records when the records iterable throws after 2 batches', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Xã C', packageId: 'nq42-2020' });
    // Batches of 700 rows: the first two are already written to the table when the third fails.
    const batches = [rows(700), rows(700, 700), rows(700, 1400)];
    await expect(storeUpload(db, input(audit.id), batchesOf(batches, 2))).rejects.toThrow('đọc tệp thất bại giữa chừng');
    expect(await listUploads(db, audit.id)).toEqual([]);
    expect(await countRecords(db, audit.id)).toEqual({});
    expect(await db.selectFrom('payouts').select('id').execute()).toEqual([]);
    // The same file can then be uploaded again.
    const retry = await storeUpload(db, input(audit.id), batchesOf(batches));
    expect(retry.rowsRead).toBe(9);
    expect(await countRecords(db, audit.id)).toEqual({ payouts: 2100 });
  });

  it('writes a large upload in short commits that other queries can pass, invisible until its last commit', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Xã lớn', packageId: 'nq42-2020' });
    const seen: { uploads: number; counts: Record<string, number>; records: number }[] = [];
    async function* slowly(): AsyncGenerator<readonly ReturnType<typeof makeRecord>[]> {
      for (let b = 0; b < 4; b++) {
        yield rows(3000, b * 3000);
        // On SQLite a single upload transaction would hold the only connection: these reads would
        // wait for the upload, which waits for them. Here they run between commits and see nothing.
        seen.push({
          uploads: (await listUploads(db, audit.id)).length,
          counts: await countRecords(db, audit.id),
          records: (await loadRecords(db, audit.id)).length,
        });
      }
    }
    const upload = await storeUpload(db, input(audit.id), slowly());
    expect(seen).toHaveLength(4);
    for (const s of seen) expect(s).toEqual({ uploads: 0, counts: {}, records: 0 });
    expect(await listUploads(db, audit.id)).toEqual([upload]);
    expect(await countRecords(db, audit.id)).toEqual({ payouts: 12_000 });
  });

  it('deletes the rows already committed when an upload fails after several commits', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Xã hỏng', packageId: 'nq42-2020' });
    const batches = [rows(3000), rows(3000, 3000), rows(3000, 6000), rows(3000, 9000)];
    await expect(storeUpload(db, input(audit.id), batchesOf(batches, 3))).rejects.toThrow('đọc tệp thất bại giữa chừng');
    expect(await db.selectFrom('payouts').select('id').limit(1).execute()).toEqual([]);
    expect(await db.selectFrom('uploads').select('id').execute()).toEqual([]);
  });

  it('removes an upload a dead process left loading, and lets its file be uploaded again', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Xã dừng', packageId: 'nq42-2020' });
    const hourAgo = new Date(Date.now() - ABANDONED_UPLOAD_MS - 60_000).toISOString();
    const dead = await db
      .insertInto('uploads')
      .values({ audit_id: audit.id, file: 'chi-tra.xlsx', sha256: 'a'.repeat(64), role: 'payouts', uploaded_by: null, uploaded_at: hourAgo, mapping_json: '{}', sheets_json: '[]', rows_read: 0, rows_skipped: 0, rows_rejected: 0, state: 'loading' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const writer = createRecordWriter(db, { uploadId: Number(dead.id), auditId: audit.id, role: 'payouts', file: 'chi-tra.xlsx' });
    await writer.add(rows(3));
    await writer.finish();
    expect(await countRecords(db, audit.id)).toEqual({});
    expect(await findUploadBySha(db, audit.id, 'a'.repeat(64))).toBeUndefined();
    const again = await storeUpload(db, input(audit.id), batchesOf([rows(2)]));
    expect(again.rowsRead).toBe(9);
    expect(await countRecords(db, audit.id)).toEqual({ payouts: 2 });
    expect(await removeAbandonedUploads(db)).toBe(0);
  });

  it('refuses the same sha256 twice in one audit with a Vietnamese message naming both files', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Xã D', packageId: 'nq42-2020' });
    const first = await storeUpload(db, input(audit.id), batchesOf([rows(2)]));
    const again = storeUpload(db, input(audit.id, { file: 'chi-tra (1).xlsx' }), batchesOf([rows(2)]));
    await expect(again).rejects.toBeInstanceOf(AppError);
    await expect(again).rejects.toMatchObject({ code: 'DUPLICATE_UPLOAD' });
    const error = await again.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof AppError)) throw new Error('expected an AppError');
    expect(error.message).toContain('tệp "chi-tra (1).xlsx"');
    expect(error.message).toContain(`trùng với tệp "chi-tra.xlsx" đã tải lên cuộc kiểm tra này`);
    expect(error.message).toContain(`lần tải số ${first.id}`);
    expect(await countRecords(db, audit.id)).toEqual({ payouts: 2 });
    // Another audit may hold the same file.
    const other = await createAudit(db, { name: 'Xã E', packageId: 'nq42-2020' });
    await expect(storeUpload(db, input(other.id), batchesOf([rows(1)]))).resolves.toMatchObject({ auditId: other.id });
  });

  it('refuses records of another role and an unknown audit', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Xã F', packageId: 'nq42-2020' });
    const wrong = [makeRecord({ role: 'beneficiaries', file: 'chi-tra.xlsx', sheet: 'Thôn 1', row: 7 })];
    await expect(storeUpload(db, input(audit.id), batchesOf([wrong]))).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await listUploads(db, audit.id)).toEqual([]);
    await expect(storeUpload(db, input(audit.id + 1000), batchesOf([rows(1)]))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes an upload with all its records, leaving other uploads intact', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Xã G', packageId: 'nq42-2020' });
    const keep = await storeRecords(db, audit.id, rows(3).map((r) => ({ ...r, file: 'a.xlsx' })));
    const drop = await storeRecords(db, audit.id, rows(4).map((r) => ({ ...r, file: 'b.xlsx' })));
    await storeRecords(
      db,
      audit.id,
      [makeRecord({ role: 'register:deceased', file: 'chet.xlsx', deathDate: '2020-03-01' })],
      { file: 'chet.xlsx' },
    );
    await deleteUpload(db, drop.id);
    expect((await listUploads(db, audit.id)).map((u) => u.file)).toEqual(['a.xlsx', 'chet.xlsx']);
    expect(await countRecords(db, audit.id)).toEqual({ payouts: 3, 'register:deceased': 1 });
    expect((await loadRecords(db, audit.id, 'payouts')).every((r) => r.file === 'a.xlsx')).toBe(true);
    await expect(deleteUpload(db, drop.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(keep.id).not.toBe(drop.id);
  });
});

describe('uploads fixtures', () => {
  it('batchesOf throws exactly at the requested batch', async () => {
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const batch of batchesOf([rows(1), rows(2), rows(3)], 2)) seen.push(batch.length);
      })(),
    ).rejects.toThrow();
    expect(seen).toEqual([1, 2]);
  });
});
