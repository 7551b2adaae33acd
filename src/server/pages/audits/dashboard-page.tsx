import type { Context } from 'hono';
import { CATEGORY_LABELS, ROLE_LABELS, type Category } from '../../../domain/index.js';
import type { AuditRow, FindingGroupTotal, FindingSummary, RunRow, UploadRow } from '../../../store/index.js';
import type { AppEnv } from '../../app-env.js';
import { can } from '../../auth/index.js';
import { formatCount, formatDateTime, formatVnd, withQuery } from '../format.js';
import { CsrfField, Layout } from '../layout.js';
import { areaLabel } from '../shell/area-label.js';
import { BarChart } from './bar-chart.js';
import { runStatusLabel } from './run-status.js';
import { TableWrap } from '../shell/table-wrap.js';

export interface DashboardProps {
  readonly c: Context<AppEnv>;
  readonly audit: AuditRow;
  readonly uploads: readonly UploadRow[];
  readonly runs: readonly RunRow[];
  readonly summary: FindingSummary;
  /** Communes of the audit's rows: one posting list each. */
  readonly communes: readonly { code: string; name: string | null }[];
}

function countOf(counts: unknown, key: string): string {
  const value = counts && typeof counts === 'object' ? (counts as Record<string, unknown>)[key] : undefined;
  return typeof value === 'number' ? formatCount(value) : '—';
}

function categoryLabel(key: string | null): string {
  return key && key in CATEGORY_LABELS ? CATEGORY_LABELS[key as Category] : (key ?? '—');
}

interface SummaryTableProps {
  readonly caption: string;
  readonly head: string;
  readonly groups: readonly FindingGroupTotal[];
  readonly label: (key: string | null) => string;
  /** The findings page filtered to one group (none for a group without a key). */
  readonly href: (key: string) => string;
}

function SummaryTable({ caption, head, groups, label, href }: SummaryTableProps) {
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" class="num">
              Số phát hiện
            </th>
            <th scope="col" class="num">
              Số tiền có nguy cơ sai
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr>
              <th scope="row">{g.key === null ? label(g.key) : <a href={href(g.key)}>{label(g.key)}</a>}</th>
              <td class="num">{formatCount(g.count)}</td>
              <td class="num">{formatVnd(g.amountAtRisk)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Inputs({ uploads }: { uploads: readonly UploadRow[] }) {
  if (uploads.length === 0) return <p class="muted">Chưa nạp tệp nào.</p>;
  return (
    <TableWrap label="Các tệp đã nạp, cũ nhất trước">
      <table>
        <caption>Các tệp đã nạp, cũ nhất trước</caption>
        <thead>
          <tr>
            <th scope="col">Tệp</th>
            <th scope="col">Loại danh sách</th>
            <th scope="col" class="num">Dòng đã đọc</th>
            <th scope="col" class="num">Dòng bỏ qua</th>
            <th scope="col" class="num">Dòng bị loại</th>
            <th scope="col">Người nạp</th>
            <th scope="col">Thời gian</th>
          </tr>
        </thead>
        <tbody>
          {uploads.map((u) => (
            <tr>
              <th scope="row">{u.file}</th>
              <td>{ROLE_LABELS[u.role] ?? u.role}</td>
              <td class="num">{formatCount(u.rowsRead)}</td>
              <td class="num">{formatCount(u.rowsSkipped)}</td>
              <td class="num">{formatCount(u.rowsRejected)}</td>
              <td>{u.uploadedBy ?? '—'}</td>
              <td>{formatDateTime(u.uploadedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function RunHistory({ runs }: { runs: readonly RunRow[] }) {
  if (runs.length === 0) return <p class="muted">Chưa chạy kiểm tra lần nào.</p>;
  return (
    <TableWrap label="Các lượt chạy kiểm tra, mới nhất trước">
      <table>
        <caption>Các lượt chạy kiểm tra, mới nhất trước</caption>
        <thead>
          <tr>
            <th scope="col">Lượt</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Bắt đầu</th>
            <th scope="col">Kết thúc</th>
            <th scope="col" class="num">Số phát hiện</th>
            <th scope="col" class="num">Phát hiện mới</th>
            <th scope="col" class="num">Không còn (dữ liệu đã sửa)</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr>
              <th scope="row">{r.id}</th>
              <td>
                {runStatusLabel(r.status)}
                {r.error ? <span class="error"> — {r.error}</span> : null}
              </td>
              <td>{formatDateTime(r.startedAt)}</td>
              <td>{formatDateTime(r.finishedAt)}</td>
              <td class="num">{countOf(r.counts, 'findings')}</td>
              <td class="num">{countOf(r.counts, 'inserted')}</td>
              <td class="num">{countOf(r.counts, 'resolvedByData')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Downloads({ audit, communes }: { audit: AuditRow; communes: DashboardProps['communes'] }) {
  return (
    <section aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">Tải về</h2>
      <ul>
        <li>
          <a href={`/api/audits/${audit.id}/report.xlsx`} download>
            Tải sổ Excel phát hiện
          </a>
        </li>
        <li>
          <a href={`/api/audits/${audit.id}/findings.json`} download>
            Tải JSON
          </a>
        </li>
      </ul>
      {communes.length > 0 ? (
        <>
          <h3>Danh sách niêm yết công khai theo xã (số CMND/CCCD được che)</h3>
          <ul>
            {communes.map((commune) => (
              <li>
                <a href={withQuery(`/audits/${audit.id}/posting-list.xlsx`, { commune: commune.code })} download>
                  Danh sách niêm yết {areaLabel(commune.code)}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The audit's dashboard: actions, inputs, run history, totals and charts by category and commune, downloads. */
export function DashboardPage({ c, audit, uploads, runs, summary, communes }: DashboardProps) {
  const user = c.get('user');
  const rowsRead = uploads.reduce((sum, u) => sum + u.rowsRead, 0);
  const findings = `/audits/${audit.id}/findings`;
  return (
    <Layout c={c} title={audit.name} crumbs={[{ href: '/', label: 'Cuộc kiểm tra' }]}>
      <h1>{audit.name}</h1>
      <p class="muted">
        Địa bàn: {areaLabel(audit.area)} · Gói: {audit.packageId} · Tạo bởi {audit.createdBy ?? '—'} lúc {formatDateTime(audit.createdAt)}
      </p>
      <div class="row actions">
        {can(user.role, 'upload') ? (
          <a class="button secondary" href={`/audits/${audit.id}/upload`}>
            Tải tệp lên
          </a>
        ) : null}{' '}
        <a class="button secondary" href={`/audits/${audit.id}/findings`}>
          Xem phát hiện
        </a>{' '}
        {can(user.role, 'run') ? (
          <form method="post" action={`/audits/${audit.id}/runs`} class="inline">
            <CsrfField c={c} />
            <button type="submit">Chạy kiểm tra</button>
          </form>
        ) : null}
      </div>
      <div class="cards">
        <div class="card">
          <div class="value">{formatCount(summary.total)}</div>
          <div class="label">Phát hiện (lượt chạy gần nhất)</div>
        </div>
        <div class="card">
          <div class="value">{formatVnd(summary.amountAtRisk)}</div>
          <div class="label">Số tiền có nguy cơ sai</div>
        </div>
        <div class="card">
          <div class="value">{formatCount(uploads.length)}</div>
          <div class="label">Tệp đã nạp ({formatCount(rowsRead)} dòng)</div>
        </div>
      </div>
      <section aria-labelledby="inputs-heading">
        <h2 id="inputs-heading">Dữ liệu đã nạp</h2>
        <Inputs uploads={uploads} />
      </section>
      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">Lịch sử chạy</h2>
        <RunHistory runs={runs} />
      </section>
      <section aria-labelledby="by-category-heading">
        <h2 id="by-category-heading">Tổng hợp theo nhóm</h2>
        {summary.byCategory.length === 0 ? (
          <p class="muted">Chưa có phát hiện.</p>
        ) : (
          <>
            <BarChart
              label="Số tiền có nguy cơ sai theo nhóm phát hiện"
              bars={summary.byCategory.map((g) => ({ label: categoryLabel(g.key), value: g.amountAtRisk, text: `${formatVnd(g.amountAtRisk)} · ${formatCount(g.count)} phát hiện` }))}
            />
            <SummaryTable caption="Phát hiện theo nhóm" head="Nhóm" groups={summary.byCategory} label={categoryLabel} href={(key) => withQuery(findings, { category: key })} />
          </>
        )}
      </section>
      <section aria-labelledby="by-commune-heading">
        <h2 id="by-commune-heading">Tổng hợp theo xã</h2>
        {summary.byCommune.length === 0 ? (
          <p class="muted">Chưa có phát hiện.</p>
        ) : (
          <>
            <BarChart
              label="Số tiền có nguy cơ sai theo xã"
              bars={summary.byCommune.map((g) => ({ label: g.key ?? '(không rõ xã)', value: g.amountAtRisk, text: `${formatVnd(g.amountAtRisk)} · ${formatCount(g.count)} phát hiện` }))}
            />
            <SummaryTable
              caption="Phát hiện theo xã"
              head="Xã"
              groups={summary.byCommune}
              label={(key) => key ?? '(không rõ xã)'}
              href={(key) => withQuery(findings, { commune: key })}
            />
          </>
        )}
      </section>
      {can(user.role, 'download') ? <Downloads audit={audit} communes={communes} /> : null}
    </Layout>
  );
}
