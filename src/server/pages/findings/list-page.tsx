import type { Context } from 'hono';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  REVIEW_STATUSES,
  REVIEW_STATUS_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
} from '../../../domain/index.js';
import { maskId } from '../../../report/index.js';
import { formatFindingSort, type AuditRow, type StoredFinding } from '../../../store/index.js';
import type { AppEnv } from '../../app-env.js';
import { formatCount, formatVnd, withQuery } from '../format.js';
import { CsrfField, Layout } from '../layout.js';
import { RULE_OPTIONS, ruleTitle } from './labels.js';
import { LIST_PARAMS, listParams, PAGE_SIZE, SORT_OPTIONS, type ListQuery } from './list-query.js';

export interface ListPageProps {
  readonly c: Context<AppEnv>;
  readonly audit: AuditRow;
  readonly query: ListQuery;
  readonly page: number;
  readonly pages: number;
  readonly total: number;
  readonly items: readonly StoredFinding[];
  readonly communes: readonly string[];
  readonly canReview: boolean;
  /** Findings changed by the bulk form that led here (shown as a status message). */
  readonly updated?: number | undefined;
}

/** "0,95": a score with two decimals, Vietnamese style. */
export function formatScore(score: number): string {
  return score.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function Select(props: { id: string; name: string; label: string; value: string | undefined; options: readonly (readonly [string, string])[]; all?: string }) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name}>
        {props.all !== undefined ? <option value="">{props.all}</option> : null}
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function FilterForm({ audit, query, communes }: Pick<ListPageProps, 'audit' | 'query' | 'communes'>) {
  return (
    <form method="get" action={`/audits/${audit.id}/findings`} class="panel" role="search" aria-label="Lọc phát hiện">
      <div class="row">
        <Select id="f-category" name="category" label="Nhóm" value={query.category} all="(tất cả)" options={CATEGORIES.map((c) => [c, CATEGORY_LABELS[c]])} />
        <Select id="f-rule" name="rule" label="Quy tắc" value={query.rule} all="(tất cả)" options={RULE_OPTIONS} />
        <Select id="f-severity" name="severity" label="Mức độ" value={query.severity} all="(tất cả)" options={SEVERITIES.map((s) => [s, SEVERITY_LABELS[s]])} />
        <Select id="f-commune" name="commune" label="Xã" value={query.commune} all="(tất cả)" options={communes.map((c) => [c, c])} />
        <Select id="f-status" name="status" label="Trạng thái" value={query.status} all="(tất cả)" options={REVIEW_STATUSES.map((s) => [s, REVIEW_STATUS_LABELS[s]])} />
        <div>
          <label for="f-q">Từ khóa</label>
          <input type="search" id="f-q" name="q" value={query.q ?? ''} maxlength={200} />
        </div>
        <Select id="f-sort" name="sort" label="Sắp xếp" value={formatFindingSort(query.sort)} options={SORT_OPTIONS} />
        <div>
          <button type="submit">Lọc</button>
        </div>
      </div>
    </form>
  );
}

function Pager({ audit, query, page, pages, label }: Pick<ListPageProps, 'audit' | 'query' | 'page' | 'pages'> & { label: string }) {
  const base = `/audits/${audit.id}/findings`;
  return (
    <nav class="pager" aria-label={label}>
      {page > 1 ? (
        <a href={withQuery(base, listParams(query, { page: page - 1 }))} rel="prev">
          Trang trước
        </a>
      ) : null}
      <span>
        Trang {page} / {pages}
      </span>
      {page < pages ? (
        <a href={withQuery(base, listParams(query, { page: page + 1 }))} rel="next">
          Trang sau
        </a>
      ) : null}
    </nav>
  );
}

function FindingRow({ audit, finding, canReview }: { audit: AuditRow; finding: StoredFinding; canReview: boolean }) {
  const href = `/audits/${audit.id}/findings/${encodeURIComponent(finding.id)}`;
  return (
    <tr>
      {canReview ? (
        <td>
          <input type="checkbox" name="ids" value={finding.id} aria-label={`Chọn ${finding.id}`} />
        </td>
      ) : null}
      <td>
        <a href={href}>{ruleTitle(finding.rule)}</a>
      </td>
      <td class={`sev-${finding.severity}`}>{SEVERITY_LABELS[finding.severity]}</td>
      <td>{finding.subject.name ?? '—'}</td>
      <td>{maskId(finding.subject.idNumber) ?? '—'}</td>
      <td>{finding.subject.commune ?? '—'}</td>
      <td class="num">{formatVnd(finding.amountAtRisk)}</td>
      <td>{REVIEW_STATUS_LABELS[finding.status]}</td>
      <td class="num">{formatScore(finding.score)}</td>
      <td style="white-space: nowrap">
        <code>{finding.id}</code>
      </td>
    </tr>
  );
}

function FindingTable({ audit, items, canReview }: Pick<ListPageProps, 'audit' | 'items' | 'canReview'>) {
  return (
    <div class="table-wrap" role="region" aria-label="Danh sách phát hiện" tabindex={0}>
      <table>
        <caption class="visually-hidden">Danh sách phát hiện</caption>
        <thead>
          <tr>
            {canReview ? (
              <th scope="col" data-select-all="">
                <span class="visually-hidden">Chọn</span>
              </th>
            ) : null}
            <th scope="col">Quy tắc</th>
            <th scope="col">Mức độ</th>
            <th scope="col">Họ và tên</th>
            <th scope="col">Số CMND/CCCD</th>
            <th scope="col">Xã</th>
            <th scope="col" class="num">
              Số tiền có nguy cơ sai
            </th>
            <th scope="col">Trạng thái</th>
            <th scope="col" class="num">
              Điểm
            </th>
            <th scope="col">Mã phát hiện</th>
          </tr>
        </thead>
        <tbody>
          {items.map((finding) => (
            <FindingRow audit={audit} finding={finding} canReview={canReview} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The findings list: filters, one page of 100, pager, and (reviewers) the bulk status form. */
export function FindingsListPage(props: ListPageProps) {
  const { c, audit, query, total, items, canReview } = props;
  const first = total === 0 ? 0 : (props.page - 1) * PAGE_SIZE + 1;
  const last = (props.page - 1) * PAGE_SIZE + items.length;
  const backParams = listParams(query);
  return (
    <Layout
      c={c}
      title={`Phát hiện — ${audit.name}`}
      crumbs={[
        { href: '/', label: 'Cuộc kiểm tra' },
        { href: `/audits/${audit.id}`, label: audit.name },
      ]}
    >
      <h1>Phát hiện</h1>
      <p class="muted">{audit.name}</p>
      {props.updated !== undefined ? (
        <p role="status" class="notice ok">
          Đã cập nhật {formatCount(props.updated)} phát hiện
        </p>
      ) : null}
      <FilterForm audit={audit} query={query} communes={props.communes} />
      <p aria-live="polite">
        {total === 0 ? 'Không có phát hiện nào khớp bộ lọc.' : `Hiển thị ${formatCount(first)}–${formatCount(last)} trong ${formatCount(total)} phát hiện.`}
      </p>
      <Pager audit={audit} query={query} page={props.page} pages={props.pages} label="Phân trang" />
      {canReview ? (
        <form method="post" action={`/audits/${audit.id}/findings/bulk-status`}>
          <CsrfField c={c} />
          {LIST_PARAMS.map((name) => {
            const value = backParams[name];
            return value === undefined ? null : <input type="hidden" name={`back_${name}`} value={value} />;
          })}
          <FindingTable audit={audit} items={items} canReview />
          <div class="row panel">
            <div>
              <label for="bulk-status">Đổi trạng thái thành</label>
              <select id="bulk-status" name="status">
                {REVIEW_STATUSES.map((s) => (
                  <option value={s}>{REVIEW_STATUS_LABELS[s]}</option>
                ))}
              </select>
            </div>
            <div>
              <button type="submit">Áp dụng cho các dòng đã chọn</button>
            </div>
          </div>
        </form>
      ) : (
        <FindingTable audit={audit} items={items} canReview={false} />
      )}
      <Pager audit={audit} query={query} page={props.page} pages={props.pages} label="Phân trang (cuối danh sách)" />
      <script src="/assets/findings.js" defer></script>
    </Layout>
  );
}
