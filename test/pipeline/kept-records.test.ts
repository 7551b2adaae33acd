import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPlainRecord, type PersonRecord, type Role } from '../../src/domain/index.js';
import { ingestBatch } from '../../src/pipeline/ingest-batch.js';
import { runChecks } from '../../src/checks/index.js';
import { ingestUpload, partitionRecords } from '../../src/pipeline/index.js';
import { loadPackage } from '../../src/rules/index.js';
import { createAudit, KeptRecords, loadRecords, storeUpload, streamRecords } from '../../src/store/index.js';
import { makeRecord } from '../support/records.js';
import { sqliteFileSuite } from '../support/sqlite-file.js';
import { writeText } from '../ingest/write-files.js';

const SAMPLES = path.resolve('samples');

/** The bundled samples as the CLI's audit takes them: lists and registers by their file names. */
async function sampleJobs(): Promise<{ role: Role; path: string }[]> {
  const files = (await readdir(SAMPLES)).filter((f) => /\.(xlsx|csv)$/.test(f)).sort();
  return files.map((f) => {
    const [, kind = ''] = /^register-(.+)\.\w+$/.exec(f) ?? [];
    const role: Role = f.startsWith('beneficiaries-') ? 'beneficiaries' : f.startsWith('payouts-') ? 'payouts' : (`register:${kind}` as Role);
    return { role, path: path.join(SAMPLES, f) };
  });
}

/**
 * The CLI's audit hands the checks the records it ingested instead of reading them back from the database:
 * they must be exactly the records the database gives back, or the same audit would find different things
 * in the web service (which reads them back) and in the CLI.
 */
describe('KeptRecords: the records an audit ingested, as the database reads them back', () => {
  const suite = sqliteFileSuite();

  it('equal loadRecords field by field for every bundled sample (xlsx, CSV, TCVN3, one sheet per village), read here and in the reader thread', async () => {
    const db = suite.handle.db;
    const audit = await createAudit(db, { name: 'Mẫu', packageId: 'nq42-2020' });
    const kept = new KeptRecords();
    const jobs = await sampleJobs();
    expect(jobs.length).toBeGreaterThan(10);
    // A batch of several files: with two cores, every other file is read ahead in the reader thread.
    await ingestBatch(db, jobs.map((job) => ({ auditId: audit.id, path: job.path, role: job.role, keep: kept })));
    const records = kept.take();
    const stored = await loadRecords(db, audit.id, undefined, { raw: false });
    expect(stored.length).toBeGreaterThan(1000);
    expect(records.length).toBe(stored.length);
    const plain = (r: PersonRecord | undefined): PersonRecord | undefined => r && toPlainRecord(r);
    for (let i = 0; i < stored.length; i++) {
      if (!Object.is(records[i], stored[i])) expect(plain(records[i]), `record ${i}`).toStrictEqual(plain(stored[i]));
    }
    // Both are held in columns: as objects, they are the records the store decodes one by one.
    const decoded: PersonRecord[] = [];
    for await (const page of streamRecords(db, audit.id, undefined, 5000, { raw: false })) decoded.push(...page);
    expect(decoded.length).toBe(stored.length);
    for (let i = 0; i < stored.length; i++) expect(plain(stored[i]), `record ${i}`).toStrictEqual(decoded[i]);
    expect(kept.take()).toEqual([]);
    // The checks find the same on records in columns as on records as objects (a record spread into a
    // finding's subject, say, would lose its fields).
    const rules = loadPackage('nq42-2020');
    const fromColumns = runChecks(partitionRecords(records), rules).findings;
    expect(fromColumns.length).toBeGreaterThan(30);
    expect(fromColumns).toStrictEqual(runChecks(partitionRecords(decoded), rules).findings);
  });

  it('equal them for one file read in a worker or in this thread', async () => {
    const db = suite.handle.db;
    for (const readInWorker of [true, false]) {
      const audit = await createAudit(db, { name: `Một tệp ${readInWorker}`, packageId: 'nq42-2020' });
      const kept = new KeptRecords();
      await ingestUpload(db, { auditId: audit.id, path: path.join(SAMPLES, 'payouts-gia-hanh.xlsx'), role: 'payouts', readInWorker, keep: kept });
      const stored = await loadRecords(db, audit.id, undefined, { raw: false });
      expect(stored.length).toBeGreaterThan(50);
      expect(kept.take().map(toPlainRecord)).toStrictEqual(stored.map(toPlainRecord));
    }
  });

  it('keeps the database order (sheet as first seen, then row) for rows that arrive out of it, and values as stored', async () => {
    const db = suite.handle.db;
    const audit = await createAudit(db, { name: 'Lộn thứ tự', packageId: 'nq42-2020' });
    const kept = new KeptRecords();
    const keeper = kept.forUpload('payouts', 'chi-tra.xlsx');
    const rows: PersonRecord[] = [
      makeRecord({ sheet: 'Thôn 2', row: 9, fullName: 'Lê Thị Khuê', amount: 1_500_000 }),
      makeRecord({ sheet: 'Thôn 1', row: 7, fullName: 'Trần Văn Hùng', amount: Number.NaN, flags: ['AMOUNT_UNPARSED'] }),
      makeRecord({ sheet: 'Thôn 2', row: 4, fullName: 'Phạm Thị Lan', birthYear: 1960 }),
      makeRecord({ sheet: 'Thôn 1', row: 3, fullName: 'Ngô Văn Tư', months: Number.POSITIVE_INFINITY }),
      makeRecord({ sheet: 'Thôn 2', row: 4, fullName: 'Phạm Thị Lan (dòng lặp)', amount: -0 }),
    ];
    await storeUpload(
      db,
      { auditId: audit.id, file: 'chi-tra.xlsx', sha256: 'lon-thu-tu', role: 'payouts', mapping: {}, sheets: [] },
      (async function* () {
        keeper.add(rows);
        yield rows;
      })(),
    );
    keeper.stored();
    const stored = await loadRecords(db, audit.id, undefined, { raw: false });
    const records = kept.take();
    expect(records.map(toPlainRecord)).toStrictEqual(stored.map(toPlainRecord));
    expect(records.map((r) => `${r.sheet}:${r.row}:${r.fullName}`)).toEqual([
      'Thôn 2:4:Phạm Thị Lan',
      'Thôn 2:4:Phạm Thị Lan (dòng lặp)',
      'Thôn 2:9:Lê Thị Khuê',
      'Thôn 1:3:Ngô Văn Tư',
      'Thôn 1:7:Trần Văn Hùng',
    ]);
    expect(records[4]?.amount).toBeNull();
    expect(records[3]?.months).toBeNull();
    expect(Object.is(records[1]?.amount, 0)).toBe(true); // -0 reads back from the stored JSON as 0
  });

  it('keeps nothing of an upload that was refused', async () => {
    const db = suite.handle.db;
    const audit = await createAudit(db, { name: 'Tệp hỏng', packageId: 'nq42-2020' });
    const kept = new KeptRecords();
    const good = await writeText(suite.dir.file('tot.csv'), 'STT,Họ và tên,Năm sinh,Số tiền\n1,Nguyễn Văn An,1950,1.500.000\n2,Lê Thị Bình,1948,1.500.000\n');
    const bad = await writeText(suite.dir.file('hong.csv'), 'STT,Họ và tên,Năm sinh,Số tiền\n');
    await ingestUpload(db, { auditId: audit.id, path: good, role: 'payouts', keep: kept });
    await expect(ingestUpload(db, { auditId: audit.id, path: bad, role: 'payouts', keep: kept })).rejects.toMatchObject({ code: 'NO_DATA_ROWS' });
    const records = kept.take();
    expect(records.map((r) => r.fullName)).toEqual(['Nguyễn Văn An', 'Lê Thị Bình']);
    expect(records.map(toPlainRecord)).toStrictEqual((await loadRecords(db, audit.id, undefined, { raw: false })).map(toPlainRecord));
  });
});
