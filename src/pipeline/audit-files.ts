import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RegisterKind, Role } from '../domain/index.js';
import { createAudit, openDb, startUploadWriter, type DbHandle, type WriteWorker } from '../store/index.js';
import type { FindingsDocument } from './findings-document.js';
import type { FileRead, ReaderThread } from '../ingest/index.js';
import { ingestUpload, prefetchFile, startReaderThread, type IngestUploadInput, type IngestUploadResult } from './ingest-upload.js';
import type { PackedRecords } from './record-transfer.js';
import { writeAuditReport } from './audit-report.js';
import { runAudit, type RunAuditResult } from './run-audit.js';

export interface AuditFilesInput {
  readonly name: string;
  readonly beneficiaries: readonly string[];
  readonly payouts: readonly string[];
  readonly registers: readonly { kind: RegisterKind; file: string }[];
  readonly packageId: string;
  /** SQLite path or postgres:// URL; a fresh temporary SQLite database when absent. */
  readonly db?: string;
  readonly out?: string;
  readonly json?: string;
  readonly onFile?: (file: string, result: IngestUploadResult) => void;
  readonly onProgress?: (file: string, rows: number) => void;
  readonly now?: Date;
}

export interface AuditFilesResult {
  readonly auditId: number;
  readonly run: RunAuditResult;
  readonly document: FindingsDocument;
  readonly timings: Record<string, number>;
}

/** Ingests every file into a new audit, runs all checks and writes the JSON document and the workbook. */
export async function auditFiles(input: AuditFilesInput): Promise<AuditFilesResult> {
  const temp = input.db ? null : await mkdtemp(path.join(os.tmpdir(), 'ansinh-audit-'));
  const handle: DbHandle = await openDb(
    input.db
      ? /^postgres(ql)?:\/\//.test(input.db)
        ? { postgresUrl: input.db }
        : { sqlitePath: input.db }
      : { sqlitePath: path.join(temp ?? '.', 'audit.sqlite') },
  );
  const timings: Record<string, number> = {};
  let writer: WriteWorker | undefined;
  let reader: ReaderThread | undefined;
  try {
    const audit = await createAudit(handle.db, { name: input.name, packageId: input.packageId });
    const jobs: { role: Role; file: string }[] = [
      ...input.beneficiaries.map((file) => ({ role: 'beneficiaries' as const, file })),
      ...input.payouts.map((file) => ({ role: 'payouts' as const, file })),
      ...input.registers.map((r) => ({ role: `register:${r.kind}` as const, file: r.file })),
    ];
    let started = performance.now();
    // A batch run that owns its database: on two cores or more, one worker thread writes the rows of every
    // file into the embedded database while this thread reads the next (a district is some eighty files of
    // a few megabytes, too small each to pay for a thread of its own).
    writer = os.availableParallelism() >= 2 ? startUploadWriter(handle.db) : undefined;
    const uploadOf = (job: { role: Role; file: string }): IngestUploadInput => ({
      auditId: audit.id,
      path: job.file,
      role: job.role,
      ...(writer ? { sharedWriter: writer } : { writeInWorker: 'auto' as const }),
      ...(input.onProgress ? { onProgress: (rows: number) => input.onProgress?.(job.file, rows) } : {}),
    });
    // With the writer on the second core, reading is this thread's work and the writer leaves that core
    // half idle: a reader thread reads every other file ahead while this thread reads the one before.
    reader = writer && jobs.length > 1 ? startReaderThread() : undefined;
    const ahead = new Map<number, FileRead<PackedRecords>>();
    const readAhead = (k: number): void => {
      const job = jobs[k];
      if (reader && job && k % 2 === 1) ahead.set(k, prefetchFile(reader, uploadOf(job)));
    };
    readAhead(1);
    for (const [k, job] of jobs.entries()) {
      const source = ahead.get(k);
      ahead.delete(k);
      // The next file for the reader starts as this one is taken: at most one file waits read ahead.
      if (source) readAhead(k + 2);
      const result = await ingestUpload(handle.db, { ...uploadOf(job), ...(source ? { source } : {}) });
      input.onFile?.(job.file, result);
    }
    await reader?.close();
    reader = undefined;
    await writer?.close();
    writer = undefined;
    timings['ingest'] = performance.now() - started;
    started = performance.now();
    const run = await runAudit(handle.db, { auditId: audit.id, packageId: input.packageId, ...(input.now ? { now: input.now } : {}) });
    timings['checks'] = performance.now() - started;
    if (input.json) {
      started = performance.now();
      await mkdir(path.dirname(path.resolve(input.json)), { recursive: true });
      await writeFile(input.json, JSON.stringify(run.document, null, 2) + '\n', 'utf8');
      timings['json'] = performance.now() - started;
    }
    if (input.out) {
      started = performance.now();
      await mkdir(path.dirname(path.resolve(input.out)), { recursive: true });
      await writeAuditReport(handle.db, { auditId: audit.id, title: input.name, run, out: input.out, maskIds: false });
      timings['workbook'] = performance.now() - started;
    }
    return { auditId: audit.id, run, document: run.document, timings };
  } finally {
    await reader?.close();
    await writer?.abort();
    await handle.close();
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}
