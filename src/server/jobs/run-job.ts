import { runAudit } from '../../pipeline/index.js';
import { getRun, insertJob, updateJob, type AuditRow, type JobRow, type UserRow } from '../../store/index.js';
import type { ServerContext } from '../app-env.js';
import { toJobError } from './job-error.js';

/** Records and queues a run of every check of the audit's package over its stored rows. */
export async function acceptRun(ctx: ServerContext, args: { audit: AuditRow; user: UserRow }): Promise<JobRow> {
  const job = await insertJob(ctx.db, { kind: 'run', auditId: args.audit.id, createdBy: args.user.username, createdAt: ctx.now().toISOString() });
  ctx.jobs.enqueue(() => checkJob(ctx, job, args.audit.packageId));
  return job;
}

async function checkJob(ctx: ServerContext, job: JobRow, packageId: string): Promise<void> {
  try {
    await updateJob(ctx.db, job.id, { status: 'running' });
    const result = await runAudit(ctx.db, { auditId: job.auditId, packageId, now: ctx.now() });
    const run = await getRun(ctx.db, result.runId);
    const counts = run?.counts && typeof run.counts === 'object' ? (run.counts as Record<string, unknown>) : { findings: result.findings.length };
    await updateJob(ctx.db, job.id, { status: 'done', progress: 1, resultId: result.runId, counts, finishedAt: ctx.now().toISOString() });
  } catch (error) {
    await updateJob(ctx.db, job.id, { status: 'failed', errors: [toJobError(error)], finishedAt: ctx.now().toISOString() });
  }
}
