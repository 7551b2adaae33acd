import type { Context } from 'hono';
import { USER_ROLES, type UserRow } from '../../../store/index.js';
import type { AppEnv } from '../../app-env.js';
import { USER_ROLE_LABELS } from '../../auth/index.js';
import { formatDateTime } from '../format.js';
import { CsrfField, Layout } from '../layout.js';
import { areaLabel } from '../shell/area-label.js';
import { TableWrap } from '../shell/table-wrap.js';

export interface UsersPageProps {
  readonly c: Context<AppEnv>;
  readonly users: readonly UserRow[];
  /** The account just created and its generated password, shown this once. */
  readonly created?: { username: string; password: string };
  readonly message?: string;
  readonly error?: string;
  readonly values?: { username?: string; role?: string; area?: string };
}

function AccountActions({ c, user }: { c: Context<AppEnv>; user: UserRow }) {
  if (user.id === c.get('user').id) return <span class="muted">(tài khoản của bạn)</span>;
  const action = user.disabled ? 'enable' : 'disable';
  return (
    <form method="post" action={`/admin/users/${encodeURIComponent(user.username)}/${action}`} class="inline" {...(user.disabled ? {} : { 'data-confirm': `Khóa tài khoản ${user.username}? Mọi phiên đăng nhập của người này sẽ bị thu hồi.` })}>
      <CsrfField c={c} />
      <button type="submit" class={user.disabled ? 'secondary' : 'danger'} aria-label={`${user.disabled ? 'Mở khóa' : 'Khóa'} tài khoản ${user.username}`}>
        {user.disabled ? 'Mở khóa' : 'Khóa'}
      </button>
    </form>
  );
}

/** Admin: every account (role, area, state) with lock/unlock, and the form creating one. */
export function UsersPage({ c, users, created, message, error, values = {} }: UsersPageProps) {
  return (
    <Layout c={c} title="Người dùng" crumbs={[{ href: '/', label: 'Cuộc kiểm tra' }]}>
      <h1>Người dùng</h1>
      {created ? (
        <div role="status" class="notice ok">
          <p>
            Đã tạo tài khoản <strong>{created.username}</strong>. Mật khẩu ban đầu (chỉ hiện một lần, hãy chuyển cho người dùng qua kênh an toàn):
          </p>
          <p>
            <label for="new-password">Mật khẩu ban đầu</label>
            <input type="text" id="new-password" readonly value={created.password} size={30} />
          </p>
        </div>
      ) : message ? (
        <p role="status" class="notice ok">
          {message}
        </p>
      ) : null}
      {error ? (
        <p role="alert" class="notice error">
          {error}
        </p>
      ) : null}
      <section aria-labelledby="new-user-heading" class="panel">
        <h2 id="new-user-heading">Tạo người dùng</h2>
        <form method="post" action="/admin/users">
          <CsrfField c={c} />
          <div class="row">
            <p>
              <label for="user-username">Tên đăng nhập</label>
              <input type="text" id="user-username" name="username" required minlength={2} maxlength={64} autocapitalize="none" spellcheck={false} value={values.username ?? ''} />
            </p>
            <p>
              <label for="user-role">Vai trò</label>
              <select id="user-role" name="role">
                {USER_ROLES.map((role) => (
                  <option value={role} selected={(values.role ?? 'inspector') === role}>
                    {USER_ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="user-area">Địa bàn (mã GSO)</label>
              <input type="text" id="user-area" name="area" inputmode="numeric" aria-describedby="user-area-help" value={values.area ?? ''} />
            </p>
            <p>
              <button type="submit">Tạo người dùng</button>
            </p>
          </div>
          <p id="user-area-help" class="muted">
            Mã tỉnh (2 chữ số), huyện (3) hoặc xã (5); để trống cho quản trị viên (toàn quốc). Mật khẩu được sinh ngẫu nhiên.
          </p>
        </form>
      </section>
      <TableWrap label="Tất cả tài khoản">
        <table>
          <caption>Tất cả tài khoản</caption>
          <thead>
            <tr>
              <th scope="col">Tên đăng nhập</th>
              <th scope="col">Vai trò</th>
              <th scope="col">Địa bàn</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Ngày tạo</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr>
                <th scope="row">{user.username}</th>
                <td>{USER_ROLE_LABELS[user.role]}</td>
                <td>{areaLabel(user.area)}</td>
                <td>{user.disabled ? 'Đã khóa' : 'Đang hoạt động'}</td>
                <td>{formatDateTime(user.createdAt)}</td>
                <td>
                  <AccountActions c={c} user={user} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Layout>
  );
}
