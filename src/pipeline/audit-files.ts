import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RegisterKind, Role } from '../domain/index.js';
import { createAudit, KeptRecords, openDb, type DbHandle } from '../store/index.js';
import type { FindingsDocument } from './findings-document.js';
import { ingestBatch } from './ingest-batch.js';
import type { IngestUploadResult } from './ingest-upload.js';
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
  try {
    const audit = await createAudit(handle.db, { name: input.name, packageId: input.packageId });
    const jobs: { role: Role; file: string }[] = [
      ...input.beneficiaries.map((file) => ({ role: 'beneficiaries' as const, file })),
      ...input.payouts.map((file) => ({ role: 'payouts' as const, file })),
      ...input.registers.map((r) => ({ role: `register:${r.kind}` as const, file: r.file })),
    ];
    // The checks read the records as stored without reading them back from the database.
    const kept = new KeptRecords();
    let started = performance.now();
    // Every record read stays live until the checks, and the heap grows as outside them: at the checks' 100 %
    // between full collections, a million-payout audit's memory peaked at the end of its ingest (1,000–1,040 MB).
    await ingestBatch(
      handle.db,
      jobs.map((job) => ({
        auditId: audit.id,
        path: job.file,
        role: job.role,
        keep: kept,
        ...(input.onProgress ? { onProgress: (rows: number) => input.onProgress?.(job.file, rows) } : {}),
      })),
      (k, result) => input.onFile?.(jobs[k]?.file ?? '', result),
    );
    timings['ingest'] = performance.now() - started;
    started = performance.now();
    const run = await runAudit(handle.db, {
      auditId: audit.id,
      packageId: input.packageId,
      kept,
      ...(input.now ? { now: input.now } : {}),
    });
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
    await handle.close();
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}
