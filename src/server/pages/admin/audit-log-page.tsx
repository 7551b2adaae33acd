import type { Context } from 'hono';
import type { AuditLogEntry } from '../../../store/index.js';
import type { AppEnv } from '../../app-env.js';
import { formatCount, formatDateTime, withQuery } from '../format.js';
import { Layout } from '../layout.js';
import { filterParams, type AuditLogFilter } from './audit-log-filter.js';
import { TableWrap } from '../shell/table-wrap.js';

export interface AuditLogPageProps {
  readonly c: Context<AppEnv>;
  readonly filter: AuditLogFilter;
  readonly actions: readonly string[];
  readonly entries: readonly AuditLogEntry[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

function detailText(detail: unknown): string {
  return detail === null || detail === undefined ? '' : JSON.stringify(detail);
}

/** Admin: the append-only audit log, newest first, filtered by user, action and dates, paged; CSV export. */
export function AuditLogPage({ c, filter, actions, entries, total, page, pages }: AuditLogPageProps) {
  const params = filterParams(filter);
  return (
    <Layout c={c} title="Nhật ký thao tác" crumbs={[{ href: '/', label: 'Cuộc kiểm tra' }]}>
      <h1>Nhật ký thao tác</h1>
      <form method="get" action="/admin/audit-log" class="panel">
        <div class="row">
          <p>
            <label for="log-user">Người dùng</label>
            <input type="text" id="log-user" name="user" value={filter.user ?? ''} autocapitalize="none" spellcheck={false} />
          </p>
          <p>
            <label for="log-action">Thao tác</label>
            <select id="log-action" name="action">
              <option value="">(tất cả)</option>
              {actions.map((action) => (
                <option value={action} selected={filter.action === action}>
                  {action}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="log-from">Từ ngày</label>
            <input type="date" id="log-from" name="from" value={filter.from ?? ''} />
          </p>
          <p>
            <label for="log-to">Đến ngày</label>
            <input type="date" id="log-to" name="to" value={filter.to ?? ''} />
          </p>
          <p>
            <button type="submit">Lọc</button>
          </p>
        </div>
      </form>
      <p>
        {formatCount(total)} mục. <a href={withQuery('/admin/audit-log.csv', params)}>Xuất CSV</a>
      </p>
      <TableWrap label="Nhật ký, mới nhất trước (giờ Việt Nam)">
        <table>
          <caption>Nhật ký, mới nhất trước (giờ Việt Nam)</caption>
          <thead>
            <tr>
              <th scope="col">Số</th>
              <th scope="col">Thời gian</th>
              <th scope="col">Người dùng</th>
              <th scope="col">Thao tác</th>
              <th scope="col">Đối tượng</th>
              <th scope="col">Chi tiết</th>
              <th scope="col">Địa chỉ IP</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr>
                <th scope="row">{e.id}</th>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.actor ?? '—'}</td>
                <td>{e.action}</td>
                <td>{e.target ?? ''}</td>
                <td>
                  <code>{detailText(e.detail)}</code>
                </td>
                <td>{e.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <nav class="pager" aria-label="Phân trang">
        {page > 1 ? <a href={withQuery('/admin/audit-log', { ...params, page: page - 1 })}>Trang trước</a> : null}
        <span>
          Trang {page} / {pages}
        </span>
        {page < pages ? <a href={withQuery('/admin/audit-log', { ...params, page: page + 1 })}>Trang sau</a> : null}
      </nav>
    </Layout>
  );
}
