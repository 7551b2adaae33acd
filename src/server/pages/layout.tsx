import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../app-env.js';
import { can, CSRF_FIELD, USER_ROLE_LABELS } from '../auth/index.js';

export interface LayoutProps {
  /** The request: gives the signed-in user (if any) for the menu and the session's CSRF token. */
  readonly c: Context<AppEnv>;
  /** The page's title (the <title> gets " — An sinh Audit" appended). */
  readonly title: string;
  /** Trail of links above the heading, e.g. [{href: '/', label: 'Cuộc kiểm tra'}]. */
  readonly crumbs?: readonly { href: string; label: string }[];
  readonly children?: Child;
}

/** The session's CSRF token for forms (empty when not signed in). */
export function csrfToken(c: Context<AppEnv>): string {
  return c.get('session')?.csrfToken ?? '';
}

/** The hidden CSRF field every form posted by a signed-in user must carry. */
export function CsrfField({ c }: { c: Context<AppEnv> }) {
  return <input type="hidden" name={CSRF_FIELD} value={csrfToken(c)} />;
}

/**
 * The page frame: lang="vi", skip link, header with the menu of the user's role and the sign-out
 * form, a <main> landmark, footer. Server-rendered; scripts are small and optional (app.js).
 */
export function Layout({ c, title, crumbs, children }: LayoutProps) {
  const user = c.get('user') as AppEnv['Variables']['user'] | undefined;
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content={csrfToken(c)} />
        <title>{`${title} — An sinh Audit`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/app.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          Bỏ qua, tới nội dung chính
        </a>
        <header class="site">
          <a class="brand" href="/">
            An sinh Audit
          </a>
          {user ? (
            <nav aria-label="Điều hướng chính">
              <ul>
                <li>
                  <a href="/">Cuộc kiểm tra</a>
                </li>
                {can(user.role, 'user:manage') ? (
                  <>
                    <li>
                      <a href="/admin/users">Người dùng</a>
                    </li>
                    <li>
                      <a href="/admin/audit-log">Nhật ký</a>
                    </li>
                  </>
                ) : null}
                <li>
                  <a href="/account">Tài khoản</a>
                </li>
              </ul>
              <form method="post" action="/logout" class="inline">
                <CsrfField c={c} />
                <span class="who">
                  {user.username} · {USER_ROLE_LABELS[user.role]}
                  {user.area ? ` · ${user.area}` : ''}
                </span>{' '}
                <button type="submit" class="link">
                  Đăng xuất
                </button>
              </form>
            </nav>
          ) : null}
        </header>
        <main id="main" tabindex={-1}>
          {crumbs && crumbs.length > 0 ? (
            <nav aria-label="Vị trí" class="crumbs">
              <ol>
                {crumbs.map((crumb) => (
                  <li>
                    <a href={crumb.href}>{crumb.label}</a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          {children}
        </main>
        <footer class="site">
          Kiểm tra chi trả gói hỗ trợ COVID-19 (NQ 42/NQ-CP, QĐ 15/2020/QĐ-TTg; NQ 68/NQ-CP, QĐ 23/2021/QĐ-TTg)
        </footer>
      </body>
    </html>
  );
}
