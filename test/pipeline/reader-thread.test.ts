import { beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/domain/index.js';
import { ingestUpload } from '../../src/pipeline/index.js';
import { prefetchFile, startReaderThread } from '../../src/pipeline/ingest-upload.js';
import { createAudit, listUploads, loadRecords, startUploadWriter } from '../../src/store/index.js';
import { villageSheet } from '../ingest/village-workbook.js';
import { writeText, writeWorkbook, type Cell } from '../ingest/write-files.js';
import { sqliteFileSuite } from '../support/sqlite-file.js';

/** A payout list of `count` people of one village, the names of some in TCVN3, one amount unreadable. */
function people(count: number, offset: number): Cell[][] {
  return Array.from({ length: count }, (_, i) => [
    i + 1,
    i % 3 === 0 ? 'NguyÔn ThÞ Hoa' : `Trần Văn Bình ${String.fromCharCode(65 + ((i + offset) % 26))}`,
    i % 2 === 0 ? 1950 + (i % 40) : null,
    i % 2 === 0 ? null : 1960 + (i % 30),
    String(1_000_000_000 + offset + i).padStart(12, '0'),
    `Thôn ${1 + (i % 4)}`,
    i % 5 === 0 ? 'Hộ cận nghèo' : 'Người có công',
    3,
    i === 7 ? 'không rõ' : 1_500_000,
    'đã ký',
    null,
  ]);
}

describe('reading files ahead on a reader thread', () => {
  const suite = sqliteFileSuite();
  const files: string[] = [];
  beforeAll(async () => {
    for (let f = 0; f < 4; f++) {
      files.push(await writeWorkbook(suite.dir.file(`chi-tra-${f}.xlsx`), [villageSheet('Thôn 1', people(40 + 30 * f, 1000 * f)), villageSheet('Thôn 2', people(9, 1000 * f + 500))]));
    }
  });

  it('stores every file, read ahead while another is stored, as reading it in this thread does', async () => {
    const here = await createAudit(suite.handle.db, { name: 'Trong luồng', packageId: 'nq42-2020' });
    const there = await createAudit(suite.handle.db, { name: 'Đọc trước', packageId: 'nq42-2020' });
    for (const path of files) await ingestUpload(suite.handle.db, { auditId: here.id, path, role: 'payouts', readInWorker: false });
    const reader = startReaderThread();
    const writer = startUploadWriter(suite.handle.db);
    try {
      const input = (path: string) => ({ auditId: there.id, path, role: 'payouts' as const, ...(writer ? { sharedWriter: writer } : {}) });
      // All four started at once: each waits read while the ones before it are stored.
      const reads = files.map((path) => prefetchFile(reader, input(path)));
      const progress: number[] = [];
      for (const [k, path] of files.entries()) {
        const source = reads[k];
        await ingestUpload(suite.handle.db, { ...input(path), ...(source ? { source } : {}), onProgress: (rows) => progress.push(rows) });
      }
      expect(progress.length).toBeGreaterThan(0);
      await writer?.close();
    } finally {
      await reader.close();
      await writer?.abort();
    }
    const stored = await loadRecords(suite.handle.db, there.id);
    expect(stored.length).toBe(4 * 9 + 40 + 70 + 100 + 130);
    expect(stored).toEqual(await loadRecords(suite.handle.db, here.id));
    const strip = (u: object) => ({ ...u, id: 0, auditId: 0, uploadedAt: '' });
    expect((await listUploads(suite.handle.db, there.id)).map(strip)).toEqual((await listUploads(suite.handle.db, here.id)).map(strip));
  });

  it('rethrows a file’s error with its code and location, and reads the next file after it and after a read left unfinished', async () => {
    const broken = await writeText(suite.dir.file('danh-sach.ods'), 'PK\u0003\u0004 not really a spreadsheet');
    const audit = await createAudit(suite.handle.db, { name: 'Tệp hỏng', packageId: 'nq42-2020' });
    const here = await ingestUpload(suite.handle.db, { auditId: audit.id, path: broken, role: 'payouts', readInWorker: false }).catch((e: unknown) => e);
    const reader = startReaderThread();
    try {
      const input = (path: string) => ({ auditId: audit.id, path, role: 'payouts' as const });
      const bad = prefetchFile(reader, input(broken));
      const dropped = prefetchFile(reader, input(files[3] ?? ''));
      const good = prefetchFile(reader, input(files[1] ?? ''));
      const there = await ingestUpload(suite.handle.db, { ...input(broken), source: bad }).catch((e: unknown) => e);
      expect(there).toMatchObject({ code: 'UNREADABLE_FILE', location: { file: 'danh-sach.ods' } });
      expect(there).toMatchObject({ code: (here as AppError).code, message: (here as AppError).message, location: (here as AppError).location });
      // One batch taken, then the read is given up (as when storing fails half-way).
      const batches = dropped.batches();
      expect((await batches.next()).done).toBe(false);
      await batches.return(undefined as never);
      await ingestUpload(suite.handle.db, { ...input(files[1] ?? ''), source: good });
      expect((await loadRecords(suite.handle.db, audit.id)).length).toBe(70 + 9);
    } finally {
      await reader.close();
    }
  });
});
