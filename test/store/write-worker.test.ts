import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../src/domain/index.js';
import { createAudit, listUploads, loadRecords, openDb, startUploadWriter, storeUpload, type DbHandle, type UploadInput } from '../../src/store/index.js';
import { makeRecord } from '../support/records.js';

/** Rows enough for several of the worker's transactions (5,000 rows each). */
const ROWS = 12_345;

function records(count: number, sheet = 'Thôn 1'): PersonRecord[] {
  return Array.from({ length: count }, (_, i) =>
    makeRecord({
      sheet,
      row: i + 2,
      fullName: `Nguyễn Văn ${i}`,
      idNumber: String(1_080_000_000 + i).padStart(12, '0'),
      amount: 1_500_000,
      raw: { STT: i + 1, 'Họ và tên': `Nguyễn Văn ${i}` },
    }),
  );
}

async function* inBatches(all: readonly PersonRecord[], size: number, failAt?: number): AsyncGenerator<readonly PersonRecord[]> {
  for (let at = 0; at < all.length; at += size) {
    if (failAt !== undefined && at >= failAt) throw new Error('đọc tệp thất bại giữa chừng');
    yield all.slice(at, at + size);
  }
}

const input = (auditId: number, sha256: string): UploadInput => ({ auditId, file: 'chi-tra.xlsx', sha256, role: 'payouts', mapping: {}, sheets: [] });

describe('storeUpload writing from a worker (embedded database file)', () => {
  let dir = '';
  let handle: DbHandle;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-write-worker-'));
    handle = await openDb({ sqlitePath: path.join(dir, 'a.db') });
  });
  afterEach(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores the same rows, in the same order, as writing in this thread', async () => {
    const all = [...records(ROWS), ...records(7, 'Thôn 2')];
    const here = await createAudit(handle.db, { name: 'Luồng chính', packageId: 'nq42-2020' });
    const there = await createAudit(handle.db, { name: 'Luồng phụ', packageId: 'nq42-2020' });
    await storeUpload(handle.db, input(here.id, 'a'), inBatches(all, 1000));
    const progress: number[] = [];
    await storeUpload(handle.db, input(there.id, 'b'), inBatches(all, 1000), (rows) => progress.push(rows), { writeInWorker: true });
    const stored = await loadRecords(handle.db, there.id);
    expect(stored).toHaveLength(all.length);
    expect(stored).toEqual(await loadRecords(handle.db, here.id));
    expect(stored).toEqual(all);
    expect(progress.at(-1)).toBe(all.length);
  });

  it('leaves the store unchanged when reading fails after some transactions were committed', async () => {
    const audit = await createAudit(handle.db, { name: 'Lỗi đọc', packageId: 'nq42-2020' });
    const stored = storeUpload(handle.db, input(audit.id, 'c'), inBatches(records(ROWS), 1000, 11_000), undefined, { writeInWorker: true });
    await expect(stored).rejects.toThrow('đọc tệp thất bại giữa chừng');
    expect(await listUploads(handle.db, audit.id)).toEqual([]);
    const left = await handle.db.selectFrom('payouts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
    // The same file can then be stored in full.
    await storeUpload(handle.db, input(audit.id, 'c'), inBatches(records(ROWS), 1000), undefined, { writeInWorker: true });
    expect(await loadRecords(handle.db, audit.id)).toHaveLength(ROWS);
  });

  it('reports a write the database refuses and leaves the store unchanged', async () => {
    const audit = await createAudit(handle.db, { name: 'Lỗi ghi', packageId: 'nq42-2020' });
    const all = records(ROWS);
    // A row without a sheet breaks the NOT NULL constraint inside the worker's second transaction.
    all[6000] = { ...all[6000]!, sheet: null as unknown as string };
    const stored = storeUpload(handle.db, input(audit.id, 'd'), inBatches(all, 1000), undefined, { writeInWorker: true });
    await expect(stored).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('NOT NULL') });
    expect(await listUploads(handle.db, audit.id)).toEqual([]);
    const left = await handle.db.selectFrom('payouts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
  });

  it('shares one worker between the uploads of a batch: each upload whole or absent, the worker left running', async () => {
    const audit = await createAudit(handle.db, { name: 'Một lượt nhiều tệp', packageId: 'nq42-2020' });
    const writer = startUploadWriter(handle.db);
    expect(writer).toBeDefined();
    const first = [...records(ROWS), ...records(7, 'Thôn 2')];
    try {
      await storeUpload(handle.db, input(audit.id, 'g1'), inBatches(first, 1000), undefined, { sharedWorker: writer });
      // Visible as soon as storeUpload returns: the worker has committed every row.
      expect(await loadRecords(handle.db, audit.id)).toEqual(first);
      const failed = storeUpload(handle.db, input(audit.id, 'g2'), inBatches(records(ROWS, 'Thôn 3'), 1000, 11_000), undefined, { sharedWorker: writer });
      await expect(failed).rejects.toThrow('đọc tệp thất bại giữa chừng');
      expect((await listUploads(handle.db, audit.id)).map((u) => u.sha256)).toEqual(['g1']);
      const third = records(321, 'Thôn 4');
      await storeUpload(handle.db, input(audit.id, 'g3'), inBatches(third, 100), undefined, { sharedWorker: writer });
      expect(await loadRecords(handle.db, audit.id)).toEqual([...first, ...third]);
      await writer?.close();
    } finally {
      await writer?.abort();
    }
    const memory = await openDb({ sqlitePath: ':memory:' });
    expect(startUploadWriter(memory.db)).toBeUndefined();
    await memory.close();
  });

  it('writes in this thread inside a caller\'s transaction and on an in-memory database', async () => {
    const memory = await openDb({ sqlitePath: ':memory:' });
    try {
      const audit = await createAudit(memory.db, { name: 'Bộ nhớ', packageId: 'nq42-2020' });
      await storeUpload(memory.db, input(audit.id, 'e'), inBatches(records(50), 10), undefined, { writeInWorker: true });
      expect(await loadRecords(memory.db, audit.id)).toHaveLength(50);
    } finally {
      await memory.close();
    }
    const audit = await createAudit(handle.db, { name: 'Giao dịch', packageId: 'nq42-2020' });
    await handle.db.transaction().execute(async (trx) => {
      await storeUpload(trx, input(audit.id, 'f'), inBatches(records(50), 10), undefined, { writeInWorker: true });
    });
    expect(await loadRecords(handle.db, audit.id)).toHaveLength(50);
  });
});
