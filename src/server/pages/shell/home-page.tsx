import type { Context } from 'hono';
import { listPackages } from '../../../rules/index.js';
import type { AuditRow } from '../../../store/index.js';
import type { AppEnv } from '../../app-env.js';
import { runStatusLabel } from '../audits/run-status.js';
import { formatCount, formatDateTime } from '../format.js';
import { CsrfField, Layout } from '../layout.js';
import { areaLabel } from './area-label.js';
import { TableWrap } from './table-wrap.js';

const PACKAGE_LABELS: Readonly<Record<string, string>> = {
  'nq42-2020': 'nq42-2020 — NQ 42/NQ-CP, QĐ 15/2020 (năm 2020)',
  'nq68-2021': 'nq68-2021 — NQ 68/NQ-CP, QĐ 23/2021 (năm 2021)',
};

export interface AuditListItem {
  readonly audit: AuditRow;
  readonly findings: number;
  readonly latestRun: { status: string; startedAt: string; finishedAt: string | null } | null;
}

/** What the create form shows again after a refused submission. */
export interface CreateFormState {
  readonly error?: string;
  readonly values?: { name?: string; area?: string; package?: string };
}

export interface HomePageProps {
  readonly c: Context<AppEnv>;
  readonly items: readonly AuditListItem[];
  readonly canCreate: boolean;
  readonly form?: CreateFormState;
}

function CreateAuditForm({ c, form }: { c: Context<AppEnv>; form: CreateFormState | undefined }) {
  const values = form?.values ?? {};
  const user = c.get('user');
  return (
    <section aria-labelledby="create-heading" class="panel">
      <h2 id="create-heading">Tạo cuộc kiểm tra mới</h2>
      {form?.error ? (
        <p role="alert" class="notice error" id="create-error">
          {form.error}
        </p>
      ) : null}
      <form method="post" action="/audits">
        <CsrfField c={c} />
        <div class="row">
          <p>
            <label for="audit-name">Tên cuộc kiểm tra</label>
            <input type="text" id="audit-name" name="name" required maxlength={200} value={values.name ?? ''} />
          </p>
          <p>
            <label for="audit-area">Địa bàn (mã GSO)</label>
            <input
              type="text"
              id="audit-area"
              name="area"
              required
              inputmode="numeric"
              pattern="\d{2}|\d{3}|\d{5}"
              aria-describedby="audit-area-help"
              value={values.area ?? user.area ?? ''}
            />
          </p>
          <p>
            <label for="audit-package">Gói hỗ trợ</label>
            <select id="audit-package" name="package">
              {listPackages().map((id) => (
                <option value={id} selected={(values.package ?? 'nq42-2020') === id}>
                  {PACKAGE_LABELS[id] ?? id}
                </option>
              ))}
            </select>
          </p>
          <p>
            <button type="submit">Tạo cuộc kiểm tra</button>
          </p>
        </div>
        <p id="audit-area-help" class="muted">
          Mã tỉnh (2 chữ số), huyện (3) hoặc xã (5) theo danh mục 2020, nằm trong địa bàn của bạn ({areaLabel(user.area)}).
        </p>
      </form>
    </section>
  );
}

/** Home: the audits of the user's area and, for roles that may, the form creating one. */
export function HomePage({ c, items, canCreate, form }: HomePageProps) {
  return (
    <Layout c={c} title="Cuộc kiểm tra">
      <h1>Cuộc kiểm tra</h1>
      {items.length === 0 ? (
        <p class="muted">Chưa có cuộc kiểm tra nào trong địa bàn của bạn.</p>
      ) : (
        <TableWrap label="Các cuộc kiểm tra thuộc địa bàn của bạn, mới nhất trước">
          <table>
            <caption>Các cuộc kiểm tra thuộc địa bàn của bạn, mới nhất trước</caption>
            <thead>
              <tr>
                <th scope="col">Tên</th>
                <th scope="col">Địa bàn</th>
                <th scope="col">Gói hỗ trợ</th>
                <th scope="col">Ngày tạo</th>
                <th scope="col">Lượt chạy gần nhất</th>
                <th scope="col" class="num">
                  Số phát hiện
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map(({ audit, findings, latestRun }) => (
                <tr>
                  <th scope="row">
                    <a href={`/audits/${audit.id}`}>{audit.name}</a>
                  </th>
                  <td>{areaLabel(audit.area)}</td>
                  <td>{audit.packageId}</td>
                  <td>{formatDateTime(audit.createdAt)}</td>
                  <td>{latestRun ? `${runStatusLabel(latestRun.status)} · ${formatDateTime(latestRun.finishedAt ?? latestRun.startedAt)}` : 'Chưa chạy'}</td>
                  <td class="num">{formatCount(findings)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {canCreate ? <CreateAuditForm c={c} form={form} /> : null}
    </Layout>
  );
}
