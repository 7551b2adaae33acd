import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, type Role } from '../../domain/index.js';
import { ingestUpload } from '../../pipeline/index.js';
import { inTransaction, insertJob, updateJob, type AuditRow, type JobRow, type UserRow } from '../../store/index.js';
import type { ServerContext } from '../app-env.js';
import { toJobError } from './job-error.js';

/** Formats the ingest reads. */
const SUPPORTED = /\.(xlsx|xlsm|csv)$/i;

/** How often a running upload writes its row count (the store is shared with every request). */
const PROGRESS_INTERVAL_MS = 1000;

/** A file name safe to create in a temp folder, keeping what the user sees (the ingest reports it). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'tep-tai-len.xlsx' : cleaned.slice(0, 200);
}

/**
 * Accepts the files of one upload request: each is saved to its own temp folder first, then all
 * jobs are recorded in one transaction and queued. If anything fails before that, nothing is queued
 * and every saved file is removed. Each file is then ingested as one all-or-nothing upload.
 */
export async function acceptUploads(
  ctx: ServerContext,
  args: { audit: AuditRow; user: UserRow; role: Role; files: readonly File[] },
): Promise<JobRow[]> {
  for (const file of args.files) {
    if (!SUPPORTED.test(file.name)) {
      throw new AppError('UNSUPPORTED_FORMAT', 'chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)', { file: safeFileName(file.name) });
    }
  }
  const saved: { dir: string; path: string; name: string }[] = [];
  try {
    for (const file of args.files) {
      const dir = await mkdtemp(path.join(ctx.tempDir, 'ansinh-upload-'));
      const name = safeFileName(file.name);
      saved.push({ dir, path: path.join(dir, name), name });
      await writeFile(path.join(dir, name), new Uint8Array(await file.arrayBuffer()));
    }
    const createdAt = ctx.now().toISOString();
    const jobs = await inTransaction(ctx.db, async (trx) => {
      const out: JobRow[] = [];
      for (const s of saved) {
        out.push(await insertJob(trx, { kind: 'upload', auditId: args.audit.id, file: s.name, role: args.role, createdBy: args.user.username, createdAt }));
      }
      return out;
    });
    jobs.forEach((job, i) => {
      const s = saved[i];
      if (s) ctx.jobs.enqueue(() => ingestJob(ctx, job, s, args.user.username));
    });
    return jobs;
  } catch (error) {
    await Promise.all(saved.map((s) => rm(s.dir, { recursive: true, force: true })));
    throw error;
  }
}

async function ingestJob(ctx: ServerContext, job: JobRow, saved: { dir: string; path: string }, username: string): Promise<void> {
  let lastWrite = 0;
  // Progress writes are chained and awaited before the final state, so none can land after it.
  let progressWrites: Promise<void> = Promise.resolve();
  try {
    await updateJob(ctx.db, job.id, { status: 'running' });
    const result = await ingestUpload(ctx.db, {
      auditId: job.auditId,
      path: saved.path,
      role: job.role as Role,
      uploadedBy: username,
      onProgress: (rowsRead) => {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_INTERVAL_MS) return;
        lastWrite = now;
        progressWrites = progressWrites.then(() => updateJob(ctx.db, job.id, { counts: { rowsRead } })).catch(() => undefined);
      },
    });
    await progressWrites;
    const u = result.upload;
    await updateJob(ctx.db, job.id, {
      status: 'done',
      progress: 1,
      resultId: u.id,
      counts: {
        rowsRead: u.rowsRead,
        rowsSkipped: u.rowsSkipped,
        rowsRejected: u.rowsRejected,
        sheets: u.sheets.map((s) => ({ sheet: s.sheet, headerRow: s.headerRow, rowsRead: s.rowsRead, rowsSkipped: s.rowsSkipped, rowsRejected: s.rowsRejected })),
      },
      finishedAt: ctx.now().toISOString(),
    });
  } catch (error) {
    await progressWrites;
    await updateJob(ctx.db, job.id, { status: 'failed', errors: [toJobError(error, job.file ?? undefined)], finishedAt: ctx.now().toISOString() });
  } finally {
    await rm(saved.dir, { recursive: true, force: true });
  }
}
