import ExcelJS from 'exceljs';
import { afterEach, expect, it } from 'vitest';
import { createAudit, listAuditLog, listAudits } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { bearer, login, makeApp, payoutsWorkbook, seed, seedFindings, uploadForm, USERS, waitForJob, type TestApp } from './support.js';

function post(cookie: string, fields: Record<string, string>): RequestInit {
  return { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' }, body: new URLSearchParams(fields) };
}

function page(cookie: string): RequestInit {
  return { headers: { Cookie: cookie, Accept: 'text/html' } };
}

/** The HTML of the <section> whose heading is `heading`. */
function section(html: string, heading: string): string {
  const at = html.indexOf(`>${heading}</h2>`);
  expect(at, heading).toBeGreaterThan(0);
  return html.slice(at, html.indexOf('</section>', at));
}

async function uploadPayouts(t: TestApp, token: string | undefined, auditId: number): Promise<void> {
  const res = await t.app.request(`/api/audits/${auditId}/uploads`, {
    method: 'POST',
    headers: bearer(token),
    body: uploadForm('payouts', [{ name: 'chi-tra-phuc-xa.xlsx', data: await payoutsWorkbook() }]),
  });
  expect(res.status).toBe(202);
  const { uploads } = (await res.json()) as { uploads: { id: number }[] };
  expect(await waitForJob(t.app, `/api/uploads/${uploads[0]?.id}`, token)).toMatchObject({ status: 'done' });
}

forEachDialect('pages: audit creation, dashboard, runs, posting list', (ctx) => {
  let t: TestApp | undefined;
  afterEach(() => t?.cleanup());

  it('creates an audit from the home form within the user’s area and logs it', async () => {
    t = makeApp(ctx.db());
    const { passwords } = await seed(ctx.db());
    const insp = await login(t.app, 'insp-a', passwords['insp-a'] ?? '');
    const fields = { name: 'Trúc Bạch 2020', area: '00004', package: 'nq42-2020' };
    expect((await t.app.request('/audits', post(insp.cookie, fields))).status).toBe(403);
    expect((await t.app.request('/audits', post(insp.cookie, { ...fields, _csrf: 'sai' }))).status).toBe(403);
    expect((await listAudits(ctx.db())).map((a) => a.name)).not.toContain('Trúc Bạch 2020');

    const res = await t.app.request('/audits', post(insp.cookie, { ...fields, _csrf: insp.csrf }));
    expect(res.status).toBe(303);
    const created = (await listAudits(ctx.db())).find((a) => a.name === 'Trúc Bạch 2020');
    expect(created).toMatchObject({ area: '00004', packageId: 'nq42-2020', createdBy: 'insp-a' });
    expect(res.headers.get('location')).toBe(`/audits/${created?.id}`);
    const entry = (await listAuditLog(ctx.db(), { action: 'audit.create' }))[0];
    expect(entry).toMatchObject({ actor: 'insp-a', target: `audit:${created?.id}`, detail: { name: 'Trúc Bạch 2020', area: '00004', package: 'nq42-2020' } });
    const dashboard = await t.app.request(`/audits/${created?.id}`, page(insp.cookie));
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toMatch(/<h1>Trúc Bạch 2020<\/h1>/);
  });

  it('re-renders the form with the reason when the area is unknown, outside the user’s area or the fields are invalid', async () => {
    t = makeApp(ctx.db());
    const { passwords } = await seed(ctx.db());
    const insp = await login(t.app, 'insp-a', passwords['insp-a'] ?? '');
    const before = (await listAudits(ctx.db())).length;

    const outside = await t.app.request('/audits', post(insp.cookie, { name: 'Hoàn Kiếm', area: '002', package: 'nq42-2020', _csrf: insp.csrf }));
    expect(outside.status).toBe(403);
    const outsideHtml = await outside.text();
    expect(outsideHtml).toMatch(/<h1>Cuộc kiểm tra<\/h1>/);
    expect(outsideHtml).toMatch(/role="alert"[^>]*>Địa bàn &quot;002&quot; nằm ngoài phạm vi của bạn \(001\)\./);
    expect(outsideHtml).toMatch(/id="audit-name"[^>]*value="Hoàn Kiếm"/);

    const unknown = await t.app.request('/audits', post(insp.cookie, { name: 'Không có', area: '99999', package: 'nq42-2020', _csrf: insp.csrf }));
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toMatch(/role="alert"[^>]*>Mã địa bàn &quot;99999&quot; không phải mã tỉnh/);

    const malformed = await t.app.request('/audits', post(insp.cookie, { name: '', area: '12', package: 'nq42-2020', _csrf: insp.csrf }));
    expect(malformed.status).toBe(422);
    expect(await malformed.text()).toContain('Hãy nhập tên cuộc kiểm tra.');
    const badPackage = await t.app.request('/audits', post(insp.cookie, { name: 'X', area: '00001', package: 'nq99', _csrf: insp.csrf }));
    expect(badPackage.status).toBe(422);
    expect(await badPackage.text()).toMatch(/role="alert"[^>]*>Không có gói chính sách &quot;nq99&quot;/);

    const monitor = await login(t.app, 'mon-a', passwords['mon-a'] ?? '');
    const refused = await t.app.request('/audits', post(monitor.cookie, { name: 'X', area: '00001', package: 'nq42-2020', _csrf: monitor.csrf }));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/<h1>Không có quyền<\/h1>/);
    expect((await listAudits(ctx.db())).length).toBe(before);
  });

  it('shows the dashboard: totals and charts by category and commune, actions by role; another area’s audit is a 404 page', async () => {
    t = makeApp(ctx.db());
    const { passwords, auditA, auditB } = await seed(ctx.db());
    await seedFindings(ctx.db(), auditA.id, [
      { id: 'F1', amountAtRisk: 1_500_000 },
      { id: 'F2', amountAtRisk: 2_000_000, category: 'amount', rule: 'OVER_CAP', subject: { name: 'Trần Thị Bình', idNumber: null, commune: 'Phường Trúc Bạch' } },
      { id: 'F3', amountAtRisk: 500_000, category: 'amount', rule: 'AMOUNT_MISMATCH' },
    ]);
    const mon = await login(t.app, 'mon-a', passwords['mon-a'] ?? '');
    const res = await t.app.request(`/audits/${auditA.id}`, page(mon.cookie));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toMatch(/<h1>Phúc Xá 2020<\/h1>/);
    expect(html).toContain(`href="/audits/${auditA.id}/findings"`);
    expect(html).toContain('Xem phát hiện');
    expect(html).not.toContain('Tải tệp lên'); // monitors do not upload
    expect(html).not.toContain('Chạy kiểm tra');
    expect(html).toContain(`<a href="/api/audits/${auditA.id}/report.xlsx" download="">Tải sổ Excel phát hiện</a>`);
    expect(html).toContain(`<a href="/api/audits/${auditA.id}/findings.json" download="">Tải JSON</a>`);
    expect(html).toContain('4.000.000 đ'); // total at risk

    const byCategory = section(html, 'Tổng hợp theo nhóm');
    expect(byCategory).toMatch(/<svg role="img" aria-label="Số tiền có nguy cơ sai theo nhóm phát hiện/);
    const findings = `/audits/${auditA.id}/findings`;
    expect(byCategory).toContain(`<th scope="row"><a href="${findings}?category=amount">Sai số tiền</a></th><td class="num">2</td><td class="num">2.500.000 đ</td>`);
    expect(byCategory).toContain(`<th scope="row"><a href="${findings}?category=duplicate">Trùng lặp</a></th><td class="num">1</td><td class="num">1.500.000 đ</td>`);
    expect(byCategory.match(/<rect /g)).toHaveLength(2);
    const byCommune = section(html, 'Tổng hợp theo xã');
    const phucXa = `<a href="${findings}?commune=Ph%C6%B0%E1%BB%9Dng+Ph%C3%BAc+X%C3%A1">Phường Phúc Xá</a>`;
    expect(byCommune).toContain(`<th scope="row">${phucXa}</th><td class="num">2</td><td class="num">2.000.000 đ</td>`);
    expect(byCommune).toMatch(/<th scope="row"><a [^>]+>Phường Trúc Bạch<\/a><\/th><td class="num">1<\/td><td class="num">2\.000\.000 đ<\/td>/);
    expect(section(html, 'Lịch sử chạy')).toContain('Hoàn tất');
    expect(section(html, 'Dữ liệu đã nạp')).toContain('Chưa nạp tệp nào.');

    const insp = await login(t.app, 'insp-a', passwords['insp-a'] ?? '');
    const inspHtml = await (await t.app.request(`/audits/${auditA.id}`, page(insp.cookie))).text();
    expect(inspHtml).toContain(`<a class="button secondary" href="/audits/${auditA.id}/upload">Tải tệp lên</a>`);
    expect(inspHtml).toMatch(new RegExp(`<form method="post" action="/audits/${auditA.id}/runs" class="inline"><input type="hidden" name="_csrf" value="${insp.csrf}"/><button type="submit">Chạy kiểm tra</button>`));

    const monB = await login(t.app, 'mon-b', passwords['mon-b'] ?? '');
    const hidden = await t.app.request(`/audits/${auditA.id}`, page(monB.cookie));
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).toMatch(/<h1>Không tìm thấy<\/h1>/);
    expect((await t.app.request(`/audits/${auditB.id}`, page(monB.cookie))).status).toBe(200);
    expect((await t.app.request('/audits/999999', page(monB.cookie))).status).toBe(404);
    expect((await t.app.request('/audits/abc', page(monB.cookie))).status).toBe(404);

    const anonymous = await t.app.request(`/audits/${auditA.id}`, { headers: { Accept: 'text/html' } });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/audits/${auditA.id}`)}`);
  });

  it('opens the dashboard for every role of the audit’s area and answers 404 to everyone else', async () => {
    t = makeApp(ctx.db());
    const { passwords, auditA } = await seed(ctx.db());
    // auditA lies in commune 00001: visible to district 001, Hà Nội (01) and nationwide users.
    const sees = new Set(['admin', 'insp-a', 'mon-a', 'aud-a', 'insp-hn']);
    for (const { username } of USERS) {
      const s = await login(t.app, username, passwords[username] ?? '');
      const res = await t.app.request(`/audits/${auditA.id}`, page(s.cookie));
      expect(res.status, username).toBe(sees.has(username) ? 200 : 404);
      const html = await res.text();
      expect(html.includes('<h1>Phúc Xá 2020</h1>'), username).toBe(sees.has(username));
      expect(html.includes('Chạy kiểm tra'), username).toBe(['admin', 'insp-a', 'insp-hn'].includes(username));
    }
  });

  it('starts a run from the dashboard, shows its progress page until “Hoàn tất”, and lists the upload and the run', async () => {
    t = makeApp(ctx.db());
    const { passwords, tokens, auditA } = await seed(ctx.db());
    await uploadPayouts(t, tokens['insp-a'], auditA.id);
    const aud = await login(t.app, 'aud-a', passwords['aud-a'] ?? '');
    const refused = await t.app.request(`/audits/${auditA.id}/runs`, post(aud.cookie, { _csrf: aud.csrf }));
    expect(refused.status).toBe(403);

    const insp = await login(t.app, 'insp-a', passwords['insp-a'] ?? '');
    expect((await t.app.request(`/audits/${auditA.id}/runs`, post(insp.cookie, {}))).status).toBe(403);
    const started = await t.app.request(`/audits/${auditA.id}/runs`, post(insp.cookie, { _csrf: insp.csrf }));
    expect(started.status).toBe(303);
    const location = started.headers.get('location') ?? '';
    expect(location).toMatch(/^\/runs\/\d+$/);
    const jobId = Number(location.split('/').pop());

    const progress = await (await t.app.request(location, page(aud.cookie))).text();
    expect(progress).toMatch(/<h1>Chạy kiểm tra<\/h1>/);
    expect(progress).toMatch(/<label for="run-progress">Tiến độ<\/label><progress id="run-progress" max="1" value="0">/);
    expect(progress).toContain(`data-poll-url="/api/runs/${jobId}"`);
    expect(progress).toContain('<script src="/assets/progress.js" defer=""></script>');
    expect(progress).toMatch(/<noscript><meta http-equiv="refresh" content="2"><\/noscript>/);
    expect(progress.match(/http-equiv/g)).toHaveLength(1); // only inside <noscript>, never hoisted into <head>
    expect(progress).not.toContain('Hoàn tất');
    const script = await t.app.request('/assets/progress.js');
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('data-poll-url');

    await t.jobs.idle();
    const done = await (await t.app.request(location, page(aud.cookie))).text();
    expect(done).toMatch(/<p role="status" data-status="true">Hoàn tất/);
    expect(done).toContain(`<a class="button" href="/audits/${auditA.id}/findings">Xem phát hiện</a>`);
    expect(done).toContain('Có 1 phát hiện.');
    expect(done).not.toContain('progress.js');
    expect(done).not.toContain('http-equiv');
    expect((await listAuditLog(ctx.db(), { action: 'run' }))[0]).toMatchObject({ actor: 'insp-a', target: `audit:${auditA.id}`, detail: { runJob: jobId } });

    const dashboard = await (await t.app.request(`/audits/${auditA.id}`, page(aud.cookie))).text();
    const inputs = section(dashboard, 'Dữ liệu đã nạp');
    expect(inputs).toMatch(/<th scope="row">chi-tra-phuc-xa\.xlsx<\/th><td>Danh sách chi trả<\/td><td class="num">4<\/td><td class="num">0<\/td><td class="num">0<\/td><td>insp-a<\/td>/);
    const runs = section(dashboard, 'Lịch sử chạy');
    expect(runs).toMatch(/<td>Hoàn tất<\/td>.*<td class="num">1<\/td><td class="num">1<\/td><td class="num">0<\/td>/s);
    expect(dashboard).toContain(`href="/audits/${auditA.id}/posting-list.xlsx?commune=00001" download="">Danh sách niêm yết 00001 · Phường Phúc Xá</a>`);

    const monB = await login(t.app, 'mon-b', passwords['mon-b'] ?? '');
    expect((await t.app.request(location, page(monB.cookie))).status).toBe(404);
    expect((await t.app.request(`/audits/${auditA.id}/runs`, post(await login(t.app, 'insp-b', passwords['insp-b'] ?? '').then((s) => s.cookie), {}))).status).toBe(403);
  });

  it('shows the Vietnamese error of a failed run', async () => {
    t = makeApp(ctx.db());
    const { passwords } = await seed(ctx.db());
    const broken = await createAudit(ctx.db(), { name: 'Gói hỏng', area: '00001', packageId: 'khong-co-goi', createdBy: 'insp-a' });
    const insp = await login(t.app, 'insp-a', passwords['insp-a'] ?? '');
    const started = await t.app.request(`/audits/${broken.id}/runs`, post(insp.cookie, { _csrf: insp.csrf }));
    expect(started.status).toBe(303);
    await t.jobs.idle();
    const html = await (await t.app.request(started.headers.get('location') ?? '', page(insp.cookie))).text();
    expect(html).toMatch(/<p role="status" data-status="true">Lỗi<\/p>/);
    expect(html).toMatch(/<div role="alert" class="notice error"><p>Lượt chạy kiểm tra bị lỗi:<\/p><ul><li>[^<]*khong-co-goi/);
    expect(html).not.toContain('Xem phát hiện');
  });

  it('downloads a commune’s posting list as a real workbook, logged; communes outside the audit are 404', async () => {
    t = makeApp(ctx.db());
    const { passwords, tokens, auditA } = await seed(ctx.db());
    await uploadPayouts(t, tokens['insp-a'], auditA.id);
    const aud = await login(t.app, 'aud-a', passwords['aud-a'] ?? '');
    const res = await t.app.request(`/audits/${auditA.id}/posting-list.xlsx?commune=00001`, page(aud.cookie));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="niem-yet-${auditA.id}-00001.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
    const text = cells.join('\n');
    expect(text).toContain('Phúc Xá');
    expect(text).toContain('Trần Thị Bình');
    expect(text).toContain('Lê Văn Cường');
    expect(text).not.toContain('001160023456'); // ID numbers masked
    expect((await listAuditLog(ctx.db(), { action: 'download' }))[0]).toMatchObject({
      actor: 'aud-a',
      target: `audit:${auditA.id}`,
      detail: { format: 'posting-list.xlsx', commune: '00001' },
    });
    expect(t.tempDir && (await import('node:fs')).readdirSync(t.tempDir).filter((n) => n.startsWith('niem-yet-'))).toEqual([]);

    expect((await t.app.request(`/audits/${auditA.id}/posting-list.xlsx?commune=00004`, page(aud.cookie))).status).toBe(404);
    expect((await t.app.request(`/audits/${auditA.id}/posting-list.xlsx?commune=abc`, page(aud.cookie))).status).toBe(400);
    expect((await t.app.request(`/audits/${auditA.id}/posting-list.xlsx`, page(aud.cookie))).status).toBe(400);
    const monB = await login(t.app, 'mon-b', passwords['mon-b'] ?? '');
    expect((await t.app.request(`/audits/${auditA.id}/posting-list.xlsx?commune=00001`, page(monB.cookie))).status).toBe(404);
    const anonymous = await t.app.request(`/audits/${auditA.id}/posting-list.xlsx?commune=00001`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/audits/${auditA.id}/posting-list.xlsx?commune=00001`)}`);
  });
});
