import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { AuditRow, JobRow } from '../../../store/index.js';
import type { AppEnv } from '../../app-env.js';
import { formatCount } from '../format.js';
import { Layout } from '../layout.js';
import { auditCrumbs } from './upload-form-page.js';

const STATUS_TEXT: Record<JobRow['status'], string> = {
  queued: 'Đang chờ',
  running: 'Đang nạp',
  done: 'Đã nạp',
  failed: 'Lỗi',
};

function countOf(job: JobRow, key: string): number | null {
  const v = job.counts?.[key];
  return typeof v === 'number' ? v : null;
}

/** One file's status line, e.g. "Đang nạp — 1.500 / 3.000 dòng (50%)". */
export function jobStatusText(job: JobRow): string {
  const read = countOf(job, 'rowsRead');
  const expected = countOf(job, 'rowsExpected');
  const percent = `${Math.floor(job.progress * 100)}%`;
  if (job.status === 'done') return `${STATUS_TEXT.done} — ${formatCount(read ?? 0)} dòng dữ liệu, ${formatCount(countOf(job, 'rowsSkipped') ?? 0)} dòng bỏ qua`;
  if (job.status === 'running' && read !== null) return `${STATUS_TEXT.running} — ${formatCount(read)}${expected ? ` / ~${formatCount(expected)}` : ''} dòng (${percent})`;
  return `${STATUS_TEXT[job.status]} (${percent})`;
}

function JobProgress({ job }: { job: JobRow }) {
  const name = job.file ?? `lần tải ${job.id}`;
  const id = `upload-job-${job.id}`;
  return (
    <section class="panel" data-upload-job={String(job.id)} data-status={job.status}>
      <h2>{name}</h2>
      <label for={id}>{`Tiến độ ${name}`}</label>
      <progress id={id} max="1" value={String(job.progress)}>
        {`${Math.floor(job.progress * 100)}%`}
      </progress>
      <p data-job-text>{jobStatusText(job)}</p>
      {job.status === 'failed' ? (
        <div role="alert" class="notice error">
          <ul>
            {(job.errors.length > 0 ? job.errors : [{ message: 'nạp thất bại' }]).map((e) => (
              <li>{e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** "Đang nạp dữ liệu": a progress bar per file, updated by upload.js (or a refresh without script). */
export function ProgressPage({ c, audit, jobs }: { c: Context<AppEnv>; audit: AuditRow; jobs: readonly JobRow[] }) {
  const finished = jobs.every((j) => j.status === 'done' || j.status === 'failed');
  const failed = jobs.filter((j) => j.status === 'failed').length;
  return (
    <Layout c={c} title="Đang nạp dữ liệu" crumbs={[...auditCrumbs(audit), { href: `/audits/${audit.id}/upload`, label: 'Tải tệp lên' }]}>
      <h1>Đang nạp dữ liệu</h1>
      {finished ? (
        <div role="status" class={failed > 0 ? 'notice error' : 'notice ok'}>
          <p>
            Đã nạp xong
            {failed > 0 ? ` — ${failed} tệp bị lỗi, không nạp dòng nào của tệp đó (xem bên dưới)` : ''}.
          </p>
        </div>
      ) : (
        <>
          {/* Raw: hono/jsx would hoist a <meta> into <head>, where it would also reload pages that run upload.js. */}
          <noscript>{raw('<meta http-equiv="refresh" content="3">')}</noscript>
          <p role="status" data-upload-summary>
            Đang nạp {jobs.length} tệp; trang tự cập nhật. <a href="">Tải lại trang</a>
          </p>
        </>
      )}
      {jobs.map((job) => (
        <JobProgress job={job} />
      ))}
      <p>
        <a href={`/audits/${audit.id}`}>Về trang cuộc kiểm tra</a>
      </p>
      {finished ? null : <script src="/assets/upload.js" defer></script>}
    </Layout>
  );
}
