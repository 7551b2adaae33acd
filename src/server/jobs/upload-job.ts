import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, type Role } from '../../domain/index.js';
import type { ExplicitMapping } from '../../ingest/index.js';
import { ingestUpload } from '../../pipeline/index.js';
import { inTransaction, insertJob, updateJob, type AuditRow, type JobRow, type UserRow } from '../../store/index.js';
import type { ServerContext } from '../app-env.js';
import { toJobError } from './job-error.js';
import { progressBoard, readingProgress } from './job-progress.js';
import { estimateRows } from './upload-estimate.js';

/** Formats the ingest reads. */
export const SUPPORTED_UPLOAD = /\.(xlsx|xlsm|csv)$/i;

/** A file name safe to create in a temp folder, keeping what the user sees (the ingest reports it). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'tep-tai-len.xlsx' : cleaned.slice(0, 200);
}

/** A file already saved alone in its own folder (e.g. staged by the upload preview), ready to ingest. */
export interface SavedUpload {
  /** The file's own folder: removed once the file is ingested or refused. */
  readonly dir: string;
  readonly path: string;
  /** The name the user sees (the ingest reports it). */
  readonly name: string;
  /** This file's explicit mapping (the preview's corrected columns); overrides the request's. */
  readonly mapping?: ExplicitMapping;
  /** The data rows the preview counted: the progress bar's denominator (estimated when absent). */
  readonly rowsExpected?: number;
}

/** The unsupported-format error of a file name, or null when the ingest reads it. */
export function unsupportedUpload(name: string): AppError | null {
  return SUPPORTED_UPLOAD.test(name)
    ? null
    : new AppError('UNSUPPORTED_FORMAT', 'chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv); tệp .xls cũ hãy mở bằng Excel và lưu lại thành .xlsx', {
        file: safeFileName(name),
      });
}

/**
 * Accepts the files of one upload request: uploaded Files are saved to their own temp folder first
 * (already saved ones are taken as they are), then all jobs are recorded in one transaction and
 * queued. If anything fails before that, nothing is queued and every file is removed. Each file is
 * then ingested as one all-or-nothing upload, with its own mapping or else the request's `mapping`.
 */
export async function acceptUploads(
  ctx: ServerContext,
  args: { audit: AuditRow; user: UserRow; role: Role; files: readonly (File | SavedUpload)[]; mapping?: ExplicitMapping },
): Promise<JobRow[]> {
  const saved: SavedUpload[] = args.files.filter((f): f is SavedUpload => !(f instanceof File));
  try {
    for (const file of args.files) {
      const refused = unsupportedUpload(file.name);
      if (refused) throw refused;
    }
    const queued: SavedUpload[] = [];
    for (const file of args.files) {
      if (!(file instanceof File)) {
        queued.push(file.mapping || !args.mapping ? file : { ...file, mapping: args.mapping });
        continue;
      }
      const dir = await mkdtemp(path.join(ctx.tempDir, 'ansinh-upload-'));
      const name = safeFileName(file.name);
      const entry: SavedUpload = { dir, path: path.join(dir, name), name, ...(args.mapping ? { mapping: args.mapping } : {}) };
      saved.push(entry);
      queued.push(entry);
      await writeFile(entry.path, new Uint8Array(await file.arrayBuffer()));
    }
    const createdAt = ctx.now().toISOString();
    const jobs = await inTransaction(ctx.db, async (trx) => {
      const out: JobRow[] = [];
      for (const s of queued) {
        out.push(await insertJob(trx, { kind: 'upload', auditId: args.audit.id, file: s.name, role: args.role, createdBy: args.user.username, createdAt }));
      }
      return out;
    });
    jobs.forEach((job, i) => {
      const s = queued[i];
      if (s) ctx.jobs.enqueue(() => ingestJob(ctx, job, s, args.user.username));
    });
    return jobs;
  } catch (error) {
    await Promise.all(saved.map((s) => rm(s.dir, { recursive: true, force: true })));
    throw error;
  }
}

async function ingestJob(ctx: ServerContext, job: JobRow, saved: SavedUpload, username: string): Promise<void> {
  const board = progressBoard(ctx.jobs);
  let outcome: 'done' | 'failed' = 'failed';
  try {
    await updateJob(ctx.db, job.id, { status: 'running' });
    const rowsExpected = saved.rowsExpected ?? (await estimateRows(saved.path));
    const result = await ingestUpload(ctx.db, {
      auditId: job.auditId,
      path: saved.path,
      role: job.role as Role,
      uploadedBy: username,
      ...(saved.mapping ? { mapping: saved.mapping } : {}),
      onProgress: (rowsRead) => board.report({ jobId: job.id, progress: readingProgress(rowsRead, rowsExpected), rowsRead, rowsExpected }),
    });
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
    outcome = 'done';
  } catch (error) {
    await updateJob(ctx.db, job.id, { status: 'failed', errors: [toJobError(error, job.file ?? undefined)], finishedAt: ctx.now().toISOString() });
  } finally {
    board.finish(job.id, outcome);
    await rm(saved.dir, { recursive: true, force: true });
  }
}

/** A stored upload job with the live progress of its run overlaid (status, progress, rows so far). */
export function withLiveProgress(ctx: ServerContext, job: JobRow): JobRow {
  const live = job.status === 'running' || job.status === 'queued' ? progressBoard(ctx.jobs).get(job.id) : undefined;
  if (!live) return job;
  return { ...job, status: 'running', progress: live.progress, counts: { ...(job.counts ?? {}), rowsRead: live.rowsRead, rowsExpected: live.rowsExpected } };
}
