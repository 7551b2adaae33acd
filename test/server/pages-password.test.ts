import { afterEach, expect, it } from 'vitest';
import { listAuditLog } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { login, makeApp, seed, type TestApp } from './support.js';

function post(cookie: string, fields: Record<string, string>): RequestInit {
  return { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' }, body: new URLSearchParams(fields) };
}

async function loginStatus(t: TestApp, username: string, password: string): Promise<number> {
  const csrfRes = await t.app.request('/login/csrf');
  const token = ((await csrfRes.json()) as { csrfToken: string }).csrfToken;
  const res = await t.app.request('/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `ansinh_login_csrf=${token}` },
    body: new URLSearchParams({ username, password, _csrf: token }),
  });
  return res.status;
}

forEachDialect('pages: changing one’s password', (ctx) => {
  let t: TestApp | undefined;
  afterEach(() => t?.cleanup());

  it('checks the current password, the length and the repetition, then signs out the other sessions only', async () => {
    t = makeApp(ctx.db(), { login: { maxFailures: 3, windowMs: 60_000 } });
    const { passwords } = await seed(ctx.db());
    const old = passwords['mon-a'] ?? '';
    const here = await login(t.app, 'mon-a', old);
    const elsewhere = await login(t.app, 'mon-a', old);

    const account = await (await t.app.request('/account', { headers: { Cookie: here.cookie } })).text();
    expect(account).toContain('<h2 id="password-heading">Đổi mật khẩu</h2>');
    expect(account).toContain('<label for="current-password">Mật khẩu hiện tại</label>');

    const wrong = await t.app.request('/account/password', post(here.cookie, { _csrf: here.csrf, current: 'sai-mat-khau-123', next: 'MatKhauMoi-2026', repeat: 'MatKhauMoi-2026' }));
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toMatch(/role="alert"[^>]*>\s*Mật khẩu hiện tại không đúng/);
    const short = await t.app.request('/account/password', post(here.cookie, { _csrf: here.csrf, current: old, next: 'ngan', repeat: 'ngan' }));
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('ít nhất 10 ký tự');
    const differ = await t.app.request('/account/password', post(here.cookie, { _csrf: here.csrf, current: old, next: 'MatKhauMoi-2026', repeat: 'MatKhauMoi-2027' }));
    expect(await differ.text()).toContain('Hai lần nhập mật khẩu mới không giống nhau');
    const noCsrf = await t.app.request('/account/password', post(here.cookie, { current: old, next: 'MatKhauMoi-2026', repeat: 'MatKhauMoi-2026' }));
    expect(noCsrf.status).toBe(403);
    expect(await loginStatus(t, 'mon-a', old)).toBe(303);

    const ok = await t.app.request('/account/password', post(here.cookie, { _csrf: here.csrf, current: old, next: 'MatKhauMoi-2026', repeat: 'MatKhauMoi-2026' }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/role="status"[^>]*>\s*Đã đổi mật khẩu\. 2 phiên đăng nhập khác đã bị đăng xuất\./);
    // This session still works; the other one (and the one the check above opened) is signed out.
    expect((await t.app.request('/api/session', { headers: { Cookie: here.cookie } })).status).toBe(200);
    expect((await t.app.request('/api/session', { headers: { Cookie: elsewhere.cookie } })).status).toBe(401);
    expect(await loginStatus(t, 'mon-a', old)).toBe(401);
    expect(await loginStatus(t, 'mon-a', 'MatKhauMoi-2026')).toBe(303);
    const log = (await listAuditLog(ctx.db())).filter((e) => e.action === 'user.password');
    expect(log).toMatchObject([{ actor: 'mon-a', target: 'user:mon-a', detail: { sessionsRevoked: 2 } }]);
  });

  it('counts wrong current passwords against the login limit', async () => {
    t = makeApp(ctx.db(), { login: { maxFailures: 2, windowMs: 60_000 } });
    const { passwords } = await seed(ctx.db());
    const me = await login(t.app, 'aud-a', passwords['aud-a'] ?? '');
    for (let i = 0; i < 2; i++) {
      const res = await t.app.request('/account/password', post(me.cookie, { _csrf: me.csrf, current: `doan-sai-${i}-xxxx`, next: 'MatKhauMoi-2026', repeat: 'MatKhauMoi-2026' }));
      expect(res.status).toBe(422);
    }
    const blocked = await t.app.request('/account/password', post(me.cookie, { _csrf: me.csrf, current: passwords['aud-a'] ?? '', next: 'MatKhauMoi-2026', repeat: 'MatKhauMoi-2026' }));
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('Nhập sai mật khẩu quá nhiều lần');
  });
});
