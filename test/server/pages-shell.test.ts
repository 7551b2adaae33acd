import { afterEach, expect, it } from 'vitest';
import { listApiTokens, listAuditLog } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { bearer, login, makeApp, seed, seedFindings, setCookies, USERS, type TestApp } from './support.js';

function post(cookie: string, fields: Record<string, string>): RequestInit {
  return { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' }, body: new URLSearchParams(fields) };
}

function page(cookie: string): RequestInit {
  return { headers: { Cookie: cookie, Accept: 'text/html' } };
}

/** The `value` of the input with this id. */
function inputValue(html: string, id: string): string | undefined {
  return new RegExp(`<input[^>]*id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1];
}

forEachDialect('pages: login, home, account', (ctx) => {
  let t: TestApp | undefined;
  afterEach(() => t?.cleanup());

  it('serves the login form with its CSRF token and next, and signs in through it', async () => {
    t = makeApp(ctx.db());
    const { passwords } = await seed(ctx.db());
    const res = await t.app.request('/login?next=%2Faudits%2F1');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<html lang="vi">/);
    expect(html).toMatch(/<h1>Đăng nhập<\/h1>/);
    expect(html).toMatch(/<label for="username">Tên đăng nhập<\/label>/);
    expect(html).toMatch(/<label for="password">Mật khẩu<\/label>/);
    const csrfCookie = setCookies(res)['ansinh_login_csrf'];
    expect(csrfCookie).toBeTruthy();
    expect(html).toContain(`name="_csrf" value="${csrfCookie}"`);
    expect(html).toMatch(/name="next" value="\/audits\/1"/);

    const signIn = await t.app.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `ansinh_login_csrf=${csrfCookie}`, Accept: 'text/html' },
      body: new URLSearchParams({ username: 'insp-a', password: passwords['insp-a'] ?? '', _csrf: csrfCookie ?? '', next: '/audits/1' }),
    });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/audits/1');
    const session = setCookies(signIn)['ansinh_session'];
    // Already signed in: the login page sends the user on.
    const again = await t.app.request('/login?next=%2Faccount', { headers: { Cookie: `ansinh_session=${session}` } });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/account');
    const offsite = await t.app.request('/login?next=%2F%2Fevil.example', { headers: { Cookie: `ansinh_session=${session}` } });
    expect(offsite.headers.get('location')).toBe('/');
  });

  it('shows the Vietnamese message of each login failure', async () => {
    t = makeApp(ctx.db());
    await seed(ctx.db());
    const invalid = await (await t.app.request('/login?error=invalid')).text();
    expect(invalid).toMatch(/role="alert"[^>]*>Sai tên đăng nhập hoặc mật khẩu/);
    expect(await (await t.app.request('/login?error=csrf')).text()).toMatch(/role="alert"[^>]*>Biểu mẫu đăng nhập đã hết hạn/);
    expect(await (await t.app.request('/login?error=rate')).text()).toMatch(/role="alert"[^>]*>Đăng nhập sai quá nhiều lần/);
    expect(await (await t.app.request('/login')).text()).not.toContain('role="alert"');
    // A wrong password from the form comes back to the page with error=invalid.
    const form = await t.app.request('/login');
    const csrf = setCookies(form)['ansinh_login_csrf'] ?? '';
    const res = await t.app.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `ansinh_login_csrf=${csrf}`, Accept: 'text/html' },
      body: new URLSearchParams({ username: 'insp-a', password: 'sai-mat-khau-123', _csrf: csrf, next: '/' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?error=invalid&next=%2F');
  });

  it('sends signed-out visitors of /, /account to the login page with next', async () => {
    t = makeApp(ctx.db());
    for (const path of ['/', '/account', '/?x=1']) {
      const res = await t.app.request(path, { headers: { Accept: 'text/html' } });
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
  });

  it('lists only the audits of the user’s area, with run and findings counts, and the create form for creators', async () => {
    t = makeApp(ctx.db());
    const { passwords, auditA, auditB } = await seed(ctx.db());
    await seedFindings(ctx.db(), auditA.id, [{ id: 'F1' }, { id: 'F2', category: 'amount', rule: 'OVER_CAP' }]);

    const insp = await login(t.app, 'insp-a', passwords['insp-a'] ?? '');
    const res = await t.app.request('/', page(insp.cookie));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<h1>Cuộc kiểm tra<\/h1>/);
    expect(html).toContain(`<a href="/audits/${auditA.id}">Phúc Xá 2020</a>`);
    expect(html).not.toContain('Hoàn Kiếm 2020');
    expect(html).toContain('00001 · Phường Phúc Xá');
    const row = /<tr><th scope="row"><a href="\/audits\/\d+">Phúc Xá 2020<\/a><\/th>(.*?)<\/tr>/s.exec(html)?.[1] ?? '';
    expect(row).toContain('nq42-2020');
    expect(row).toContain('Hoàn tất');
    expect(row).toMatch(/<td class="num">2<\/td>/);
    for (const label of ['Tên cuộc kiểm tra', 'Địa bàn \\(mã GSO\\)', 'Gói hỗ trợ']) expect(html).toMatch(new RegExp(`<label for="[^"]+">${label}</label>`));
    expect(html).toMatch(/<option value="nq42-2020" selected="">/);
    expect(html).toMatch(/<option value="nq68-2021">/);
    expect(html).toMatch(/<button type="submit">Tạo cuộc kiểm tra<\/button>/);
    expect(html).toContain(`name="_csrf" value="${insp.csrf}"`);

    const auditor = await login(t.app, 'aud-a', passwords['aud-a'] ?? '');
    const audHtml = await (await t.app.request('/', page(auditor.cookie))).text();
    expect(audHtml).toContain('Phúc Xá 2020');
    expect(audHtml).not.toContain('Tạo cuộc kiểm tra');
    expect(audHtml).not.toContain('action="/audits"');

    const monB = await login(t.app, 'mon-b', passwords['mon-b'] ?? '');
    const monBHtml = await (await t.app.request('/', page(monB.cookie))).text();
    expect(monBHtml).toContain(`<a href="/audits/${auditB.id}">Hoàn Kiếm 2020</a>`);
    expect(monBHtml).not.toContain('Phúc Xá 2020');
    expect(monBHtml).toContain('Chưa chạy');

    const admin = await login(t.app, 'admin', passwords['admin'] ?? '');
    const adminHtml = await (await t.app.request('/', page(admin.cookie))).text();
    expect(adminHtml).toContain('Phúc Xá 2020');
    expect(adminHtml).toContain('Hoàn Kiếm 2020');
  });

  it('renders the home and account pages for every role', async () => {
    t = makeApp(ctx.db());
    const { passwords } = await seed(ctx.db());
    for (const { username } of USERS) {
      const s = await login(t.app, username, passwords[username] ?? '');
      for (const path of ['/', '/account']) {
        const res = await t.app.request(path, page(s.cookie));
        expect(res.status, `${username} ${path}`).toBe(200);
        const html = await res.text();
        expect(html.match(/<h1>/g), `${username} ${path}`).toHaveLength(1);
        expect(html).toContain(`<span class="who">${username} · `);
      }
    }
  });

  it('creates an API token on /account, shows it once, lists and revokes it', async () => {
    t = makeApp(ctx.db());
    const { passwords } = await seed(ctx.db());
    const mon = await login(t.app, 'mon-a', passwords['mon-a'] ?? '');
    const account = await t.app.request('/account', page(mon.cookie));
    expect(account.status).toBe(200);
    const html = await account.text();
    expect(html).toMatch(/<h1>Tài khoản<\/h1>/);
    expect(html).toMatch(/<h2 id="tokens-heading">Mã truy cập API<\/h2>/);
    expect(html).toMatch(/<button type="submit">Tạo mã truy cập<\/button>/);
    expect(html).toContain('Chưa dùng'); // the seeded token

    expect((await t.app.request('/account/tokens', post(mon.cookie, { name: 'tập lệnh' }))).status).toBe(403);
    expect((await t.app.request('/account/tokens', post(mon.cookie, { name: 'tập lệnh', _csrf: 'sai' }))).status).toBe(403);
    const created = await t.app.request('/account/tokens', post(mon.cookie, { name: 'tập lệnh', _csrf: mon.csrf }));
    expect(created.status).toBe(200);
    const createdHtml = await created.text();
    expect(createdHtml).toMatch(/<div role="status"[^>]*>/);
    const token = inputValue(createdHtml, 'new-token') ?? '';
    expect(token).toMatch(/^ansinh_/);
    const me = await t.app.request('/api/session', { headers: bearer(token) });
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('mon-a');

    const listed = await (await t.app.request('/account', page(mon.cookie))).text();
    expect(listed).not.toContain(token); // shown once only
    expect(listed).toContain('tập lệnh');
    const user = (await ctx.db().selectFrom('users').select('id').where('username', '=', 'mon-a').executeTakeFirstOrThrow()).id;
    const newest = (await listApiTokens(ctx.db(), Number(user)))[0];
    expect(newest?.name).toBe('tập lệnh');
    expect(listed).toContain(`action="/account/tokens/${newest?.id}/revoke"`);
    expect(listed).toMatch(/>\s*Thu hồi\s*<\/button>/);

    const revoked = await t.app.request(`/account/tokens/${newest?.id}/revoke`, post(mon.cookie, { _csrf: mon.csrf }));
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toBe('/account?done=revoked');
    expect((await t.app.request('/api/session', { headers: bearer(token) })).status).toBe(401);
    const after = await (await t.app.request('/account?done=revoked', page(mon.cookie))).text();
    expect(after).toMatch(/role="status"[^>]*>Đã thu hồi mã truy cập/);
    expect(after).toContain('Đã thu hồi');

    // Someone else's token cannot be revoked from one's account page.
    const other = await t.app.request(`/account/tokens/${newest?.id}/revoke`, post((await login(t.app, 'aud-a', passwords['aud-a'] ?? '')).cookie, { _csrf: 'x' }));
    expect(other.status).toBe(403);
    const insp = await login(t.app, 'insp-a', passwords['insp-a'] ?? '');
    const foreign = await t.app.request(`/account/tokens/${newest?.id}/revoke`, post(insp.cookie, { _csrf: insp.csrf }));
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toMatch(/<h1>Không tìm thấy<\/h1>/);

    const log = await listAuditLog(ctx.db());
    expect(log.find((e) => e.action === 'token.create' && e.actor === 'mon-a')).toMatchObject({ target: 'user:mon-a', detail: { tokenId: newest?.id } });
    expect(log.find((e) => e.action === 'token.revoke')).toMatchObject({ actor: 'mon-a', target: 'user:mon-a', detail: { tokenId: newest?.id } });
  });
});
