import type { Context } from 'hono';
import { REGISTER_KINDS, ROLE_LABELS } from '../../../domain/index.js';
import type { AuditRow } from '../../../store/index.js';
import type { AppEnv } from '../../app-env.js';
import { CsrfField, Layout } from '../layout.js';
import { ErrorList } from '../error-list.js';

/** The roles a file can be uploaded as, in the order the select lists them. */
export const UPLOAD_ROLES: readonly string[] = ['beneficiaries', 'payouts', ...REGISTER_KINDS.map((k) => `register:${k}`)];

export function auditCrumbs(audit: AuditRow): { href: string; label: string }[] {
  return [
    { href: '/', label: 'Cuộc kiểm tra' },
    { href: `/audits/${audit.id}`, label: audit.name },
  ];
}

/** "Tải tệp lên": the role select and the file input; posts to the preview. */
export function UploadFormPage(props: { c: Context<AppEnv>; audit: AuditRow; role?: string; errors?: readonly string[] }) {
  const { c, audit } = props;
  return (
    <Layout c={c} title="Tải tệp lên" crumbs={auditCrumbs(audit)}>
      <h1>Tải tệp lên</h1>
      <p>
        Chọn loại danh sách và một hoặc nhiều tệp Excel (.xlsx) hoặc CSV của cuộc kiểm tra «{audit.name}». Máy chủ sẽ đọc thử và cho bạn kiểm tra
        dòng tiêu đề, ánh xạ cột và vài dòng đầu trước khi nạp.
      </p>
      <ErrorList errors={props.errors} />
      <form method="post" action={`/audits/${audit.id}/upload/preview`} enctype="multipart/form-data" class="panel">
        <CsrfField c={c} />
        <p>
          <label for="upload-role">Loại danh sách</label>
          <br />
          <select id="upload-role" name="role" required>
            {UPLOAD_ROLES.map((role) => (
              <option value={role} selected={role === (props.role ?? 'payouts')}>
                {ROLE_LABELS[role] ?? role}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="upload-file">Tệp (.xlsx, .csv)</label>
          <br />
          <input id="upload-file" type="file" name="file" multiple required accept=".xlsx,.xlsm,.csv" aria-describedby="upload-file-hint" />
          <br />
          <small id="upload-file-hint">Tệp .xls (Excel 97–2003) cần được mở bằng Excel và lưu lại thành .xlsx.</small>
        </p>
        <p>
          <button type="submit">Xem trước</button>
        </p>
      </form>
    </Layout>
  );
}
