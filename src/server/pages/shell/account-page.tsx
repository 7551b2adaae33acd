import type { Context } from 'hono';
import type { ApiTokenRow } from '../../../store/index.js';
import type { AppEnv } from '../../app-env.js';
import { MIN_PASSWORD_LENGTH, USER_ROLE_LABELS } from '../../auth/index.js';
import { formatDateTime } from '../format.js';
import { CsrfField, Layout } from '../layout.js';
import { areaLabel } from './area-label.js';
import { TableWrap } from './table-wrap.js';

export interface AccountPageProps {
  readonly c: Context<AppEnv>;
  readonly tokens: readonly ApiTokenRow[];
  /** A token just created: shown this once, never again. */
  readonly newToken?: string;
  readonly message?: string;
  /** Why the password form was refused (shown in an alert beside the form). */
  readonly passwordError?: string;
}

/** The signed-in user's account: role, area and their API tokens (create, list, revoke). */
export function AccountPage({ c, tokens, newToken, message, passwordError }: AccountPageProps) {
  const user = c.get('user');
  return (
    <Layout c={c} title="Tài khoản" crumbs={[{ href: '/', label: 'Cuộc kiểm tra' }]}>
      <h1>Tài khoản</h1>
      <dl class="panel">
        <dt>Tên đăng nhập</dt>
        <dd>{user.username}</dd>
        <dt>Vai trò</dt>
        <dd>{USER_ROLE_LABELS[user.role]}</dd>
        <dt>Địa bàn</dt>
        <dd>{areaLabel(user.area)}</dd>
      </dl>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Đổi mật khẩu</h2>
        {passwordError ? (
          <p role="alert" class="notice error">
            {passwordError}
          </p>
        ) : null}
        <form method="post" action="/account/password" class="panel">
          <CsrfField c={c} />
          <div class="row">
            <p>
              <label for="current-password">Mật khẩu hiện tại</label>
              <input type="password" id="current-password" name="current" autocomplete="current-password" required />
            </p>
            <p>
              <label for="new-password">Mật khẩu mới (ít nhất {MIN_PASSWORD_LENGTH} ký tự)</label>
              <input type="password" id="new-password" name="next" autocomplete="new-password" minlength={MIN_PASSWORD_LENGTH} maxlength={200} required />
            </p>
            <p>
              <label for="repeat-password">Nhập lại mật khẩu mới</label>
              <input type="password" id="repeat-password" name="repeat" autocomplete="new-password" minlength={MIN_PASSWORD_LENGTH} maxlength={200} required />
            </p>
            <p>
              <button type="submit">Đổi mật khẩu</button>
            </p>
          </div>
        </form>
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Mã truy cập API</h2>
        <p class="muted">
          Dùng cho chương trình, tập lệnh: gửi kèm tiêu đề <code>Authorization: Bearer &lt;mã&gt;</code>. Mã chỉ hiện một lần khi tạo; máy chủ chỉ lưu
          bản băm của mã.
        </p>
        {newToken ? (
          <div role="status" class="notice ok">
            <p>Đã tạo mã truy cập mới. Hãy sao chép và cất giữ ngay; mã sẽ không hiện lại:</p>
            <p>
              <label for="new-token">Mã truy cập mới</label>
              <input type="text" id="new-token" readonly value={newToken} size={60} class="token" />
            </p>
          </div>
        ) : message ? (
          <p role="status" class="notice ok">
            {message}
          </p>
        ) : null}
        <form method="post" action="/account/tokens" class="panel">
          <CsrfField c={c} />
          <div class="row">
            <p>
              <label for="token-name">Tên gợi nhớ (không bắt buộc)</label>
              <input type="text" id="token-name" name="name" maxlength={100} />
            </p>
            <p>
              <button type="submit">Tạo mã truy cập</button>
            </p>
          </div>
        </form>
        {tokens.length === 0 ? (
          <p class="muted">Bạn chưa có mã truy cập nào.</p>
        ) : (
          <TableWrap label="Các mã truy cập của bạn, mới nhất trước">
            <table>
              <caption>Các mã truy cập của bạn, mới nhất trước</caption>
              <thead>
                <tr>
                  <th scope="col">Số</th>
                  <th scope="col">Tên gợi nhớ</th>
                  <th scope="col">Ngày tạo</th>
                  <th scope="col">Dùng lần cuối</th>
                  <th scope="col">Trạng thái</th>
                  <th scope="col">Thao tác</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr>
                    <th scope="row">{t.id}</th>
                    <td>{t.name ?? '—'}</td>
                    <td>{formatDateTime(t.createdAt)}</td>
                    <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Chưa dùng'}</td>
                    <td>{t.revokedAt ? `Đã thu hồi ${formatDateTime(t.revokedAt)}` : 'Đang dùng được'}</td>
                    <td>
                      {t.revokedAt ? null : (
                        <form method="post" action={`/account/tokens/${t.id}/revoke`} class="inline" data-confirm="Thu hồi mã truy cập này? Các tập lệnh đang dùng mã sẽ không truy cập được nữa.">
                          <CsrfField c={c} />
                          <button type="submit" class="danger" aria-label={`Thu hồi mã số ${t.id}`}>
                            Thu hồi
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </Layout>
  );
}
