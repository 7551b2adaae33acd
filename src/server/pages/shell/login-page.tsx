import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { Layout } from '../layout.js';

/** Messages for the `error` query parameter the login route redirects back with. */
const LOGIN_ERRORS: Readonly<Record<string, string>> = {
  invalid: 'Sai tên đăng nhập hoặc mật khẩu (hoặc tài khoản đã bị khóa).',
  csrf: 'Biểu mẫu đăng nhập đã hết hạn. Hãy nhập lại rồi bấm Đăng nhập.',
  rate: 'Đăng nhập sai quá nhiều lần. Hãy đợi ít phút rồi thử lại.',
};

/** The sign-in form, posting to POST /login with the login CSRF token and the page to return to. */
export function LoginPage({ c, csrf, next, error }: { c: Context<AppEnv>; csrf: string; next: string; error: string | undefined }) {
  const message = error ? LOGIN_ERRORS[error] : undefined;
  return (
    <Layout c={c} title="Đăng nhập">
      <h1>Đăng nhập</h1>
      {message ? (
        <p role="alert" class="notice error">
          {message}
        </p>
      ) : null}
      <form method="post" action="/login" class="panel login">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="next" value={next} />
        <p>
          <label for="username">Tên đăng nhập</label>
          <input type="text" id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck={false} required autofocus />
        </p>
        <p>
          <label for="password">Mật khẩu</label>
          <input type="password" id="password" name="password" autocomplete="current-password" required />
        </p>
        <p>
          <button type="submit">Đăng nhập</button>
        </p>
      </form>
    </Layout>
  );
}
