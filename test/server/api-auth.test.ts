import { afterEach, expect, it } from 'vitest';
import { listAuditLog, updateUser, findUserByName } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { bearer, json, login, makeApp, seed, setCookies, type TestApp } from './support.js';

forEachDialect('API authentication', (ctx) => {
  let t: TestApp | undefined;
  afterEach(() => t?.cleanup());

  it('signs in through the login form: 303 redirect, an HttpOnly SameSite=Lax session cookie, logged with the IP', async () => {
    t = makeApp(ctx.db());
    const { passwords } = await seed(ctx.db());
    const session = await login(t.app, 'mon-a', passwords['mon-a'] ?? '');
    const cookieLine = session.setCookie.find((l) => l.startsWith('ansinh_session='));
    expect(cookieLine).toMatch(/HttpOnly/);
    expect(cookieLine).toMatch(/SameSite=Lax/);
    expect(cookieLine).not.toMatch(/Secure/); // plain http in tests
    const me = await t.app.request('/api/session', { headers: { Cookie: session.cookie } });
    expect(await me.json()).toMatchObject({ user: { username: 'mon-a', role: 'monitor', area: '001' }, authVia: 'session' });
    const log = await listAuditLog(ctx.db(), { action: 'login' });
    expect(log).toMatchObject([{ actor: 'mon-a', ip: 'unknown' }]);
  });

  it('sets Secure on the session cookie over https', async () => {
    t = makeApp(ctx.db());
    const { passwords } = await seed(ctx.db());
    const csrf = setCookies(await t.app.request('https://ansinh.example/login/csrf'))['ansinh_login_csrf'] ?? '';
    const res = await t.app.request('https://ansinh.example/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `ansinh_login_csrf=${csrf}` },
      body: new URLSearchParams({ username: 'aud-a', password: passwords['aud-a'] ?? '', _csrf: csrf }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.getSetCookie().find((l) => l.startsWith('ansinh_session='))).toMatch(/Secure/);
  });

  it('refuses a login form without its CSRF token (403) and a wrong password (401, logged as a failure)', async () => {
    t = makeApp(ctx.db());
    const { passwords } = await seed(ctx.db());
    const noCsrf = await t.app.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'mon-a', password: passwords['mon-a'] ?? '', _csrf: 'x' }),
    });
    expect(noCsrf.status).toBe(403);
    const csrf = setCookies(await t.app.request('/login/csrf'))['ansinh_login_csrf'] ?? '';
    const wrong = await t.app.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `ansinh_login_csrf=${csrf}` },
      body: new URLSearchParams({ username: 'mon-a', password: 'sai-mat-khau', _csrf: csrf }),
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(setCookies(wrong)['ansinh_session']).toBeUndefined();
    expect(await listAuditLog(ctx.db(), { action: 'login.failure' })).toMatchObject([{ actor: null, target: 'user:mon-a' }]);
    const asJson = await t.app.request('/login', json({ username: 'mon-a', password: 'x' }));
    expect(asJson.status).toBe(415);
    // A browser is sent back to the login page with the reason instead of a JSON body.
    const browser = await t.app.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', Cookie: `ansinh_login_csrf=${csrf}` },
      body: new URLSearchParams({ username: 'mon-a', password: 'sai-mat-khau', _csrf: csrf, next: '/kiem-tra/1' }),
    });
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe('/login?error=invalid&next=%2Fkiem-tra%2F1');
    const openRedirect = await t.app.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `ansinh_login_csrf=${csrf}` },
      body: new URLSearchParams({ username: 'mon-a', password: passwords['mon-a'] ?? '', _csrf: csrf, next: '//evil.example/' }),
    });
    expect(openRedirect.headers.get('location')).toBe('/');
  });

  it('rate-limits logins per username and IP: 429 after the allowed failures, even with the right password', async () => {
    t = makeApp(ctx.db(), { login: { maxFailures: 3, windowMs: 15 * 60_000 } });
    const { passwords } = await seed(ctx.db());
    const csrf = setCookies(await t.app.request('/login/csrf'))['ansinh_login_csrf'] ?? '';
    const attempt = (username: string, password: string) =>
      t?.app.request('/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `ansinh_login_csrf=${csrf}` },
        body: new URLSearchParams({ username, password, _csrf: csrf }),
      });
    for (let i = 0; i < 3; i++) expect((await attempt('mon-a', 'sai'))?.status).toBe(401);
    const blocked = await attempt('mon-a', passwords['mon-a'] ?? '');
    expect(blocked?.status).toBe(429);
    expect(blocked?.headers.get('retry-after')).toBe('900');
    expect((await blocked?.json()) as unknown).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // Another username from the same address is not affected.
    expect((await attempt('aud-a', passwords['aud-a'] ?? ''))?.status).toBe(303);
    // After the window, the right password works again.
    t.clock.now = new Date(t.clock.now.getTime() + 15 * 60_000 + 1);
    expect((await attempt('mon-a', passwords['mon-a'] ?? ''))?.status).toBe(303);
    expect(await listAuditLog(ctx.db(), { action: 'login.blocked' })).toHaveLength(1);
  });

  it('answers 401 for no credentials, an expired session, a revoked session and a bad or revoked token', async () => {
    t = makeApp(ctx.db());
    const { passwords, tokens } = await seed(ctx.db());
    expect((await t.app.request('/api/audits')).status).toBe(401);
    expect((await t.app.request('/api/audits', { headers: bearer('ansinh_nope') })).status).toBe(401);
    expect((await t.app.request('/api/audits', { headers: { Authorization: 'Basic abc' } })).status).toBe(401);
    expect((await t.app.request('/api/audits', { headers: bearer(tokens['aud-a']) })).status).toBe(200);

    const s1 = await login(t.app, 'aud-a', passwords['aud-a'] ?? '');
    expect((await t.app.request('/api/audits', { headers: { Cookie: s1.cookie } })).status).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + 12 * 3600_000 + 1);
    const expired = await t.app.request('/api/audits', { headers: { Cookie: s1.cookie } });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/hết hạn/) } });

    const s2 = await login(t.app, 'aud-a', passwords['aud-a'] ?? '');
    const logout = await t.app.request('/logout', { method: 'POST', headers: { Cookie: s2.cookie, 'X-CSRF-Token': s2.csrf } });
    expect(logout.status).toBe(303);
    expect((await t.app.request('/api/audits', { headers: { Cookie: s2.cookie } })).status).toBe(401);

    // Disabling a user revokes their sessions and tokens stop working.
    const s3 = await login(t.app, 'aud-a', passwords['aud-a'] ?? '');
    const user = await findUserByName(ctx.db(), 'aud-a');
    const disable = await t.app.request(`/api/users/${user?.id}`, { ...json({ disabled: true }, bearer(tokens['admin'])), method: 'PATCH' });
    expect(disable.status).toBe(200);
    expect((await t.app.request('/api/audits', { headers: { Cookie: s3.cookie } })).status).toBe(401);
    expect((await t.app.request('/api/audits', { headers: bearer(tokens['aud-a']) })).status).toBe(401);
    await updateUser(ctx.db(), user?.id ?? 0, { disabled: false });
    expect((await t.app.request('/api/audits', { headers: bearer(tokens['aud-a']) })).status).toBe(200);
  });

  it('requires the CSRF token on cookie-authenticated unsafe requests, but not with a Bearer token', async () => {
    t = makeApp(ctx.db());
    const { passwords, tokens } = await seed(ctx.db());
    const s = await login(t.app, 'insp-a', passwords['insp-a'] ?? '');
    const body = { name: 'Trúc Bạch', area: '00004', package: 'nq42-2020' };
    const without = await t.app.request('/api/audits', json(body, { Cookie: s.cookie }));
    expect(without.status).toBe(403);
    expect(await without.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringMatching(/CSRF/) } });
    const wrong = await t.app.request('/api/audits', json(body, { Cookie: s.cookie, 'X-CSRF-Token': 'sai' }));
    expect(wrong.status).toBe(403);
    const right = await t.app.request('/api/audits', json(body, { Cookie: s.cookie, 'X-CSRF-Token': s.csrf }));
    expect(right.status).toBe(201);
    // A form post carries the token as field _csrf.
    const form = new FormData();
    form.append('role', 'payouts');
    const formNoToken = await t.app.request('/api/audits/1/uploads', { method: 'POST', headers: { Cookie: s.cookie }, body: form });
    expect(formNoToken.status).toBe(403);
    const viaToken = await t.app.request('/api/audits', json({ ...body, name: 'Trúc Bạch 2' }, bearer(tokens['insp-a'])));
    expect(viaToken.status).toBe(201);
  });
});
