import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { AuditRow, JobRow } from '../../../store/index.js';
import type { AppEnv } from '../../app-env.js';
import { formatCount, formatDateTime } from '../format.js';
import { Layout } from '../layout.js';
import { runStatusLabel } from './run-status.js';

function countOf(job: JobRow, key: string): number | null {
  const value = job.counts?.[key];
  return typeof value === 'number' ? value : null;
}

/**
 * Progress of a run of the checks. While it is queued or running, assets/progress.js polls
 * /api/runs/:id every second and reloads the page when it ends; without JavaScript the page
 * refreshes itself every 2 seconds.
 */
export function RunPage({ c, audit, job }: { c: Context<AppEnv>; audit: AuditRow; job: JobRow }) {
  const finished = job.status === 'done' || job.status === 'failed';
  const percent = Math.round(job.progress * 100);
  const findings = countOf(job, 'findings');
  return (
    <Layout
      c={c}
      title="Chạy kiểm tra"
      crumbs={[
        { href: '/', label: 'Cuộc kiểm tra' },
        { href: `/audits/${audit.id}`, label: audit.name },
      ]}
    >
      <h1>Chạy kiểm tra</h1>
      <p class="muted">
        Lượt chạy số {job.id} của cuộc kiểm tra «{audit.name}», bắt đầu bởi {job.createdBy ?? '—'} lúc {formatDateTime(job.createdAt)}.
      </p>
      <div class="panel" data-poll-url={finished ? undefined : `/api/runs/${job.id}`}>
        <label for="run-progress">Tiến độ</label>
        <progress id="run-progress" max={1} value={job.progress}>
          {percent}%
        </progress>
        <p role="status" data-status>
          {runStatusLabel(job.status)}
          {job.status === 'done' ? ` lúc ${formatDateTime(job.finishedAt)}` : job.status === 'running' ? ` — ${percent}%` : ''}
        </p>
      </div>
      {job.status === 'done' ? (
        <p>
          {findings !== null ? `Có ${formatCount(findings)} phát hiện. ` : ''}
          <a class="button" href={`/audits/${audit.id}/findings`}>
            Xem phát hiện
          </a>{' '}
          <a href={`/audits/${audit.id}`}>Về trang cuộc kiểm tra</a>
        </p>
      ) : null}
      {job.status === 'failed' ? (
        <div role="alert" class="notice error">
          <p>Lượt chạy kiểm tra bị lỗi:</p>
          <ul>
            {(job.errors.length > 0 ? job.errors : [{ code: 'INTERNAL', message: 'lỗi không xác định' }]).map((e) => (
              <li>{e.message}</li>
            ))}
          </ul>
          <p>
            <a href={`/audits/${audit.id}`}>Về trang cuộc kiểm tra</a>
          </p>
        </div>
      ) : null}
      {finished ? null : (
        <>
          {/* Raw: hono/jsx would hoist a <meta> element into <head>, out of the <noscript>. */}
          <noscript>{raw('<meta http-equiv="refresh" content="2">')}</noscript>
          <script src="/assets/progress.js" defer></script>
        </>
      )}
    </Layout>
  );
}
