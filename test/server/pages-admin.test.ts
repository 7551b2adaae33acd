import { afterEach, expect, it } from 'vitest';
import { appendAuditLog, findUserByName, listAuditLog } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { login, makeApp, seed, type TestApp } from './support.js';

function post(cookie: string, fields: Record<string, string>): RequestInit {
  return { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' }, body: new URLSearchParams(fields) };
}

function page(cookie: string): RequestInit {
  return { headers: { Cookie: cookie, Accept: 'text/html' } };
}

/** Splits CSV text into rows of fields (quoted fields with "" escapes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

forEachDialect('pages: admin users and audit log', (ctx) => {
  let t: TestApp | undefined;
  afterEach(() => t?.cleanup());

  it('is only for admins: others get a 403 page, signed-out visitors the login page', async () => {
    t = makeApp(ctx.db());
    const { passwords } = await seed(ctx.db());
    for (const path of ['/admin/users', '/admin/audit-log', '/admin/audit-log.csv']) {
      const anonymous = await t.app.request(path, { headers: { Accept: 'text/html' } });
      expect(anonymous.status, path).toBe(303);
      expect(anonymous.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    for (const username of ['insp-a', 'mon-a', 'aud-a']) {
      const s = await login(t.app, username, passwords[username] ?? '');
      for (const path of ['/admin/users', '/admin/audit-log', '/admin/audit-log.csv']) {
        const res = await t.app.request(path, page(s.cookie));
        expect(res.status, `${username} ${path}`).toBe(403);
        expect(await res.text()).toMatch(/<h1>Không có quyền<\/h1>/);
      }
      expect((await t.app.request('/admin/users', post(s.cookie, { username: 'x1', role: 'admin', area: '', _csrf: s.csrf }))).status).toBe(403);
      expect((await t.app.request('/admin/users/mon-a/disable', post(s.cookie, { _csrf: s.csrf }))).status).toBe(403);
    }
    expect((await findUserByName(ctx.db(), 'x1'))).toBeUndefined();
    expect((await findUserByName(ctx.db(), 'mon-a'))?.disabled).toBe(false);
  });

  it('lists users and creates one whose generated password is shown once and works; logged', async () => {
    t = makeApp(ctx.db());
    const { passwords } = await seed(ctx.db());
    const admin = await login(t.app, 'admin', passwords['admin'] ?? '');
    const list = await t.app.request('/admin/users', page(admin.cookie));
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toMatch(/<h1>Người dùng<\/h1>/);
    expect(html).toMatch(/<tr><th scope="row">mon-a<\/th><td>Giám sát \(MTTQ\)<\/td><td>001 · Quận Ba Đình<\/td><td>Đang hoạt động<\/td>/);
    expect(html).toMatch(/<tr><th scope="row">admin<\/th><td>Quản trị<\/td><td>Toàn quốc<\/td>/);
    for (const label of ['Tên đăng nhập', 'Vai trò', 'Địa bàn \\(mã GSO\\)']) expect(html).toMatch(new RegExp(`<label for="[^"]+">${label}</label>`));
    expect(html).toMatch(/<button type="submit">Tạo người dùng<\/button>/);

    const fields = { username: 'ttra.trucbach', role: 'inspector', area: '00004' };
    expect((await t.app.request('/admin/users', post(admin.cookie, fields))).status).toBe(403);
    expect((await t.app.request('/admin/users', post(admin.cookie, { ...fields, _csrf: 'sai' }))).status).toBe(403);
    expect(await findUserByName(ctx.db(), 'ttra.trucbach')).toBeUndefined();

    const created = await t.app.request('/admin/users', post(admin.cookie, { ...fields, _csrf: admin.csrf }));
    expect(created.status).toBe(200);
    const createdHtml = await created.text();
    const password = /<div role="status"[^>]*>.*?id="new-password"[^>]*value="([^"]+)"/s.exec(createdHtml)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(createdHtml).toMatch(/<th scope="row">ttra\.trucbach<\/th><td>Thanh tra<\/td><td>00004 · Phường Trúc Bạch<\/td>/);
    expect(await findUserByName(ctx.db(), 'ttra.trucbach')).toMatchObject({ role: 'inspector', area: '00004', disabled: false });
    const session = await login(t.app, 'ttra.trucbach', password);
    expect((await t.app.request('/', page(session.cookie))).status).toBe(200);
    expect(await (await t.app.request('/admin/users', page(admin.cookie))).text()).not.toContain(password);
    expect((await listAuditLog(ctx.db(), { action: 'user.add' }))[0]).toMatchObject({ actor: 'admin', target: 'user:ttra.trucbach', detail: { role: 'inspector', area: '00004' } });

    const duplicate = await t.app.request('/admin/users', post(admin.cookie, { ...fields, _csrf: admin.csrf }));
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toMatch(/role="alert"[^>]*>Tên đăng nhập &quot;ttra\.trucbach&quot; đã tồn tại\./);
    const badArea = await t.app.request('/admin/users', post(admin.cookie, { username: 'giam.sat', role: 'monitor', area: '', _csrf: admin.csrf }));
    expect(badArea.status).toBe(422);
    const badHtml = await badArea.text();
    expect(badHtml).toMatch(/role="alert"[^>]*>Người dùng vai trò &quot;monitor&quot; cần một địa bàn/);
    expect(badHtml).toMatch(/id="user-username"[^>]*value="giam\.sat"/);
    expect(badHtml).toMatch(/<option value="monitor" selected="">/);
  });

  it('locks an account (its sessions end at once) and unlocks it; an admin cannot lock themselves', async () => {
    t = makeApp(ctx.db());
    const { passwords } = await seed(ctx.db());
    const admin = await login(t.app, 'admin', passwords['admin'] ?? '');
    const mon = await login(t.app, 'mon-a', passwords['mon-a'] ?? '');
    expect((await t.app.request('/', page(mon.cookie))).status).toBe(200);
    expect(await (await t.app.request('/admin/users', page(admin.cookie))).text()).toContain('action="/admin/users/mon-a/disable"');

    expect((await t.app.request('/admin/users/mon-a/disable', post(admin.cookie, {}))).status).toBe(403);
    const locked = await t.app.request('/admin/users/mon-a/disable', post(admin.cookie, { _csrf: admin.csrf }));
    expect(locked.status).toBe(200);
    const lockedHtml = await locked.text();
    expect(lockedHtml).toMatch(/role="status"[^>]*>Đã khóa tài khoản mon-a/);
    expect(lockedHtml).toMatch(/<th scope="row">mon-a<\/th><td>Giám sát \(MTTQ\)<\/td><td>001 · Quận Ba Đình<\/td><td>Đã khóa<\/td>/);
    expect(lockedHtml).toContain('action="/admin/users/mon-a/enable"');
    expect((await findUserByName(ctx.db(), 'mon-a'))?.disabled).toBe(true);
    expect((await t.app.request('/', page(mon.cookie))).status).toBe(303);

    const unlocked = await t.app.request('/admin/users/mon-a/enable', post(admin.cookie, { _csrf: admin.csrf }));
    expect(await unlocked.text()).toMatch(/role="status"[^>]*>Đã mở khóa tài khoản mon-a/);
    expect((await findUserByName(ctx.db(), 'mon-a'))?.disabled).toBe(false);
    expect((await listAuditLog(ctx.db(), { action: 'user.update' })).map((e) => [e.actor, e.target, (e.detail as { disabled: boolean }).disabled])).toEqual([
      ['admin', 'user:mon-a', false],
      ['admin', 'user:mon-a', true],
    ]);

    const self = await t.app.request('/admin/users/admin/disable', post(admin.cookie, { _csrf: admin.csrf }));
    expect(self.status).toBe(409);
    expect(await self.text()).toMatch(/role="alert"[^>]*>Không thể tự khóa/);
    expect((await findUserByName(ctx.db(), 'admin'))?.disabled).toBe(false);
    expect((await t.app.request('/admin/users/khong-co/disable', post(admin.cookie, { _csrf: admin.csrf }))).status).toBe(404);
  });

  it('shows the audit log newest first, filtered by user, action and dates, with pages', async () => {
    t = makeApp(ctx.db());
    const { passwords } = await seed(ctx.db());
    for (let i = 1; i <= 60; i++) {
      await appendAuditLog(ctx.db(), { at: `2026-11-2${i <= 30 ? 0 : 1}T10:${String(i % 60).padStart(2, '0')}:00.000Z`, actor: 'insp-a', action: 'upload', target: `audit:${i}`, detail: { n: i }, ip: '10.0.0.1' });
    }
    await appendAuditLog(ctx.db(), { at: '2026-11-21T18:00:00.000Z', actor: 'mon-a', action: 'finding.status', target: 'audit:1/finding:F1', detail: { to: 'confirmed' }, ip: null });
    const admin = await login(t.app, 'admin', passwords['admin'] ?? '');

    const first = await (await t.app.request('/admin/audit-log', page(admin.cookie))).text();
    expect(first).toMatch(/<h1>Nhật ký thao tác<\/h1>/);
    expect(first).toMatch(/<a href="\/admin\/audit-log\.csv">Xuất CSV<\/a>/);
    const ids = [...first.matchAll(/<tr><th scope="row">(\d+)<\/th>/g)].map((m) => Number(m[1]));
    expect(ids).toHaveLength(50);
    expect(ids).toEqual([...ids].sort((a, b) => b - a)); // newest first
    expect(first).toMatch(/Trang 1 \/ \d+/);
    expect(first).toContain('>Trang sau</a>');
    expect(first).not.toContain('Trang trước');
    expect(first).toMatch(/<td>login<\/td>/); // the admin's own sign-in is there

    const uploads = await (await t.app.request('/admin/audit-log?user=insp-a&action=upload&page=2', page(admin.cookie))).text();
    const rows = [...uploads.matchAll(/<tr><th scope="row">\d+<\/th><td>[^<]*<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>audit:(\d+)<\/td>/g)];
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r[1] === 'insp-a' && r[2] === 'upload')).toBe(true);
    expect(rows.map((r) => Number(r[3]))).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(uploads).toContain('Trang 2 / 2');
    expect(uploads).toContain('<a href="/admin/audit-log?user=insp-a&amp;action=upload&amp;page=1">Trang trước</a>');
    expect(uploads).toContain('<option value="upload" selected="">upload</option>');

    // Days are Vietnam's: 2026-11-21T18:00Z is already 22/11 there.
    const day = await (await t.app.request('/admin/audit-log?from=2026-11-21&to=2026-11-21', page(admin.cookie))).text();
    const dayTargets = [...day.matchAll(/<td>audit:(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(dayTargets).toHaveLength(30);
    expect(Math.min(...dayTargets)).toBe(31);
    expect(day).not.toContain('finding:F1');
    const next = await (await t.app.request('/admin/audit-log?from=2026-11-22&to=2026-11-22&user=mon-a', page(admin.cookie))).text();
    expect(next).toContain('audit:1/finding:F1');
    expect((await t.app.request('/admin/audit-log?from=21-11-2026', page(admin.cookie))).status).toBe(400);
  });

  it('exports the audit log as UTF-8 CSV with a BOM and every column, and logs the export', async () => {
    t = makeApp(ctx.db());
    const { passwords } = await seed(ctx.db());
    await appendAuditLog(ctx.db(), { at: '2026-11-20T03:00:00.000Z', actor: 'mon-a', action: 'finding.status', target: 'audit:1/finding:F1', detail: { note: 'Đã xác minh, "trùng" hộ; xã Phúc Xá' }, ip: '10.0.0.9' });
    await appendAuditLog(ctx.db(), { at: '2026-11-20T04:00:00.000Z', actor: null, action: 'login.failure', target: '=cmd|calc', detail: null, ip: null });
    const admin = await login(t.app, 'admin', passwords['admin'] ?? '');
    const res = await t.app.request('/admin/audit-log.csv', page(admin.cookie));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="nhat-ky-20261129.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['Số', 'Thời gian (UTC)', 'Thời gian (giờ Việt Nam)', 'Người dùng', 'Thao tác', 'Đối tượng', 'Chi tiết', 'Địa chỉ IP']);
    const all = await listAuditLog(ctx.db());
    expect(rows.length - 1).toBe(all.length - 1); // every entry before the export's own
    const review = rows.find((r) => r[4] === 'finding.status');
    expect(review).toEqual([expect.stringMatching(/^\d+$/), '2026-11-20T03:00:00.000Z', expect.stringContaining('20/11/2026'), 'mon-a', 'finding.status', 'audit:1/finding:F1', '{"note":"Đã xác minh, \\"trùng\\" hộ; xã Phúc Xá"}', '10.0.0.9']);
    expect(rows.find((r) => r[4] === 'login.failure')?.[5]).toBe("'=cmd|calc");

    const filtered = parseCsv(new TextDecoder().decode(await (await t.app.request('/admin/audit-log.csv?user=mon-a', page(admin.cookie))).arrayBuffer()));
    expect(filtered.slice(1).map((r) => r[3])).toEqual(['mon-a']);
    const exports = await listAuditLog(ctx.db(), { action: 'audit-log.export' });
    expect(exports.map((e) => [e.actor, e.detail])).toEqual([
      ['admin', { filter: { user: 'mon-a' }, rows: 1 }],
      ['admin', { filter: {}, rows: all.length - 1 }],
    ]);
  });
});
