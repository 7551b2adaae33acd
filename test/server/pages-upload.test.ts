import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { insertJob, listAuditLog, listUploads, loadRecords } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { bearer, login, makeApp, payoutsWorkbook, seed, uploadForm, waitForJob, type Seeded, type TestApp } from './support.js';
import { alerts, confirmBody, hiddenValue, postConfirm, postPreview, previewForm, selectsOf, titledPayoutsWorkbook } from './upload-pages-support.js';

/** Files left in the staging area (every preview folder's files). */
function stagedFiles(tempDir: string): string[] {
  const root = path.join(tempDir, 'ansinh-staging');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

forEachDialect('upload pages', (ctx) => {
  let t: TestApp | undefined;
  let seeded: Seeded;
  afterEach(() => t?.cleanup());

  async function start(): Promise<TestApp> {
    t = makeApp(ctx.db());
    seeded = await seed(ctx.db());
    return t;
  }
  const signIn = (app: TestApp, username: string) => login(app.app, username, seeded.passwords[username] ?? '');

  describe('access', () => {
    it('shows the upload form to inspectors and refuses monitors and auditors with 403', async () => {
      const app = await start();
      const insp = await signIn(app, 'insp-a');
      const page = await app.app.request(`/audits/${seeded.auditA.id}/upload`, { headers: { Cookie: insp.cookie } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<h1>Tải tệp lên</h1>');
      expect(html).toMatch(/<label for="upload-role">Loại danh sách<\/label>[\s\S]*<select id="upload-role" name="role"/);
      expect(html).toMatch(/<label for="upload-file">Tệp \(\.xlsx, \.csv\)<\/label>[\s\S]*<input id="upload-file" type="file" name="file" multiple=""/);
      for (const role of ['beneficiaries', 'payouts', 'register:deceased', 'register:pension', 'register:unemployment', 'register:payroll', 'register:poor-2019', 'register:population']) {
        expect(html).toContain(`<option value="${role}"`);
      }
      expect(html).toContain('Xem trước</button>');

      for (const username of ['mon-a', 'aud-a']) {
        const s = await signIn(app, username);
        expect((await app.app.request(`/audits/${seeded.auditA.id}/upload`, { headers: { Cookie: s.cookie } })).status).toBe(403);
        const preview = await postPreview(app.app, seeded.auditA.id, s, previewForm(s.csrf, 'payouts', [{ name: 'a.xlsx', data: await payoutsWorkbook() }]));
        expect(preview.status).toBe(403);
      }
      expect(stagedFiles(app.tempDir)).toEqual([]);
    });

    it("answers 404 for another area's audit and 403 without the CSRF field", async () => {
      const app = await start();
      const insp = await signIn(app, 'insp-a');
      expect((await app.app.request(`/audits/${seeded.auditB.id}/upload`, { headers: { Cookie: insp.cookie } })).status).toBe(404);
      const data = await payoutsWorkbook();
      const other = await postPreview(app.app, seeded.auditB.id, insp, previewForm(insp.csrf, 'payouts', [{ name: 'a.xlsx', data }]));
      expect(other.status).toBe(404);
      const noCsrf = await postPreview(app.app, seeded.auditA.id, insp, previewForm(null, 'payouts', [{ name: 'a.xlsx', data }]));
      expect(noCsrf.status).toBe(403);
      const wrongCsrf = await postPreview(app.app, seeded.auditA.id, insp, previewForm('x'.repeat(43), 'payouts', [{ name: 'a.xlsx', data }]));
      expect(wrongCsrf.status).toBe(403);
      expect(stagedFiles(app.tempDir)).toEqual([]);
      const anonymous = await app.app.request(`/audits/${seeded.auditA.id}/upload`);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toMatch(/^\/login\?next=/);
    });
  });

  describe('preview and confirm', () => {
    it('detects the header row under a title block, applies the corrected mapping and shows the progress until done', async () => {
      const app = await start();
      const insp = await signIn(app, 'insp-a');
      const res = await postPreview(app.app, seeded.auditA.id, insp, previewForm(insp.csrf, 'payouts', [{ name: 'chi-tra-phuc-xa.xlsx', data: await titledPayoutsWorkbook() }]));
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<h1>Kiểm tra cột</h1>');
      expect(html).toContain('Dòng tiêu đề: <strong>6</strong>; dữ liệu từ dòng 7');
      expect(html).toContain('Dòng dữ liệu: <strong>3</strong>');
      const selects = selectsOf(html);
      const byLabel = Object.fromEntries(selects.map((s) => [s.label, s.value]));
      expect(byLabel).toMatchObject({
        'Trường của cột B (Họ và tên)': 'fullName',
        'Trường của cột D (Số CMND/CCCD)': 'idNumber',
        'Trường của cột I (Số tiền)': 'amount',
        'Trường của cột K (Ghi chú)': 'note',
        'Trường của cột L (TK nhận tiền)': '',
      });
      expect(html).toContain('<option value="" selected="">(bỏ qua)</option>');
      // The first rows as they will be stored: the ID as text with its kind, the amount as a number.
      expect(html).toMatch(/<th scope="row">7<\/th><td>Nguyễn Văn Số 0<\/td>/);
      expect(html).toContain('001040100000 (CCCD)');
      expect(html).toContain('Nạp dữ liệu</button>');
      expect(stagedFiles(app.tempDir).sort()).toEqual(['chi-tra-phuc-xa.xlsx', 'staging.json']);

      const confirm = await postConfirm(
        app.app,
        seeded.auditA.id,
        insp,
        confirmBody(html, insp.csrf, { 'Trường của cột K (Ghi chú)': 'phone', 'Trường của cột L (TK nhận tiền)': 'bankAccount' }),
      );
      expect(confirm.status, await confirm.clone().text()).toBe(303);
      const location = confirm.headers.get('location') ?? '';
      expect(location).toMatch(new RegExp(`^/audits/${seeded.auditA.id}/upload/progress\\?jobs=\\d+$`));
      await app.jobs.idle();

      const records = await loadRecords(ctx.db(), seeded.auditA.id, 'payouts');
      expect(records.map((r) => [r.row, r.fullName, r.phone, r.bankAccount, r.note])).toEqual([
        [7, 'Nguyễn Văn Số 0', '0912345670', '1020300000', null],
        [8, 'Nguyễn Văn Số 1', '0912345671', '1020300001', null],
        [9, 'Nguyễn Văn Số 2', '0912345672', '1020300002', null],
      ]);
      const [upload] = await listUploads(ctx.db(), seeded.auditA.id);
      expect(upload?.mapping).toMatchObject({ 'Phúc Xá': { fullName: 1, phone: 10, bankAccount: 11 } });
      expect((upload?.mapping as Record<string, Record<string, number>>)['Phúc Xá']?.['note']).toBeUndefined();
      const log = (await listAuditLog(ctx.db())).filter((e) => e.action === 'upload');
      expect(log).toHaveLength(1);
      expect(log[0]?.detail).toMatchObject({ file: 'chi-tra-phuc-xa.xlsx', role: 'payouts', mapping: { phone: 'K', bankAccount: 'L' } });
      expect(stagedFiles(app.tempDir)).toEqual([]);
      expect(fs.readdirSync(app.tempDir).filter((n) => n.startsWith('ansinh-upload-'))).toEqual([]);

      const progress = await app.app.request(location, { headers: { Cookie: insp.cookie } });
      expect(progress.status).toBe(200);
      const page = await progress.text();
      expect(page).toContain('<h1>Đang nạp dữ liệu</h1>');
      expect(page).toMatch(/<label for="upload-job-\d+">Tiến độ chi-tra-phuc-xa\.xlsx<\/label><progress id="upload-job-\d+" max="1" value="1">/);
      expect(page).toContain('Đã nạp xong');
      expect(page).toContain(`<a href="/audits/${seeded.auditA.id}">Về trang cuộc kiểm tra</a>`);
      expect(page).not.toContain('upload.js');

      // The same form sent again finds nothing to ingest (the staging is used up).
      const again = await postConfirm(app.app, seeded.auditA.id, insp, confirmBody(html, insp.csrf));
      expect(again.status).toBe(404);
      expect(await loadRecords(ctx.db(), seeded.auditA.id, 'payouts')).toHaveLength(3);
    });

    it('shows one mapping table for sheets with the same columns and applies a correction to every sheet', async () => {
      const app = await start();
      const insp = await signIn(app, 'insp-a');
      const data = await titledPayoutsWorkbook(2, ['Tổ 1', 'Tổ 2']);
      const html = await (await postPreview(app.app, seeded.auditA.id, insp, previewForm(insp.csrf, 'payouts', [{ name: 'hai-to.xlsx', data }]))).text();
      expect(html).toContain('<caption>Ánh xạ cột — 2 trang cùng cột: «Tổ 1», «Tổ 2»</caption>');
      expect(selectsOf(html).filter((s) => s.label === 'Trường của cột K (Ghi chú)')).toHaveLength(1);
      expect(html).toContain('<h3>Trang «Tổ 1»</h3>');
      expect(html).toContain('<h3>Trang «Tổ 2»</h3>');
      const confirm = await postConfirm(app.app, seeded.auditA.id, insp, confirmBody(html, insp.csrf, { 'Trường của cột K (Ghi chú)': 'phone' }));
      expect(confirm.status).toBe(303);
      await app.jobs.idle();
      const records = await loadRecords(ctx.db(), seeded.auditA.id, 'payouts');
      expect(records.map((r) => [r.sheet, r.phone, r.note])).toEqual([
        ['Tổ 1', '0912345670', null],
        ['Tổ 1', '0912345671', null],
        ['Tổ 2', '0912345672', null],
        ['Tổ 2', '0912345673', null],
      ]);
    });

    it('re-renders the preview with an error when a field is chosen twice or is unknown, keeping the choices', async () => {
      const app = await start();
      const insp = await signIn(app, 'insp-a');
      const res = await postPreview(app.app, seeded.auditA.id, insp, previewForm(insp.csrf, 'payouts', [{ name: 'chi-tra.xlsx', data: await titledPayoutsWorkbook() }]));
      const html = await res.text();

      const twice = await postConfirm(app.app, seeded.auditA.id, insp, confirmBody(html, insp.csrf, { 'Trường của cột L (TK nhận tiền)': 'fullName' }));
      expect(twice.status).toBe(422);
      const twiceHtml = await twice.text();
      expect(alerts(twiceHtml)).toContain('tệp "chi-tra.xlsx", trang "Phúc Xá": trường "Họ và tên" được chọn cho nhiều cột (B, L)');
      expect(selectsOf(twiceHtml).find((s) => s.label === 'Trường của cột L (TK nhận tiền)')?.value).toBe('fullName');
      expect(hiddenValue(twiceHtml, 'staging')).toBe(hiddenValue(html, 'staging'));

      const unknown = await postConfirm(app.app, seeded.auditA.id, insp, confirmBody(html, insp.csrf, { 'Trường của cột L (TK nhận tiền)': 'salary' }));
      expect(unknown.status).toBe(422);
      expect(alerts(await unknown.text())).toContain('cột L: "salary" không phải trường chuẩn');
      expect(app.jobs.size).toBe(0);
      expect(await listUploads(ctx.db(), seeded.auditA.id)).toEqual([]);

      // Fixed: the staging is still there and the upload goes through.
      const fixed = await postConfirm(app.app, seeded.auditA.id, insp, confirmBody(twiceHtml, insp.csrf, { 'Trường của cột L (TK nhận tiền)': 'bankAccount' }));
      expect(fixed.status).toBe(303);
      await app.jobs.idle();
      expect((await loadRecords(ctx.db(), seeded.auditA.id, 'payouts')).map((r) => r.bankAccount)).toEqual(['1020300000', '1020300001', '1020300002']);
    });

    it('ignores a detected column set to "(bỏ qua)": its field is read from no column', async () => {
      const app = await start();
      const insp = await signIn(app, 'insp-a');
      const html = await (await postPreview(app.app, seeded.auditA.id, insp, previewForm(insp.csrf, 'payouts', [{ name: 'bo-qua.xlsx', data: await titledPayoutsWorkbook() }]))).text();
      expect(selectsOf(html).find((s) => s.label === 'Trường của cột K (Ghi chú)')?.value).toBe('note');
      const confirm = await postConfirm(app.app, seeded.auditA.id, insp, confirmBody(html, insp.csrf, { 'Trường của cột K (Ghi chú)': '' }));
      expect(confirm.status, await confirm.clone().text()).toBe(303);
      await app.jobs.idle();
      const records = await loadRecords(ctx.db(), seeded.auditA.id, 'payouts');
      expect(records.map((r) => [r.fullName, r.note])).toEqual([
        ['Nguyễn Văn Số 0', null],
        ['Nguyễn Văn Số 1', null],
        ['Nguyễn Văn Số 2', null],
      ]);
      const [upload] = await listUploads(ctx.db(), seeded.auditA.id);
      expect((upload?.mapping as Record<string, Record<string, number>>)['Phúc Xá']?.['note']).toBeUndefined();
      const log = (await listAuditLog(ctx.db())).filter((e) => e.action === 'upload');
      expect(log[0]?.detail).toMatchObject({ mapping: { note: null } });
    });

    it('names the file of a .xls or broken workbook in a Vietnamese error and stages only the readable files', async () => {
      const app = await start();
      const insp = await signIn(app, 'insp-a');
      const broken = Buffer.from('PK\u0003\u0004 không phải một tệp xlsx thật');
      const res = await postPreview(
        app.app,
        seeded.auditA.id,
        insp,
        previewForm(insp.csrf, 'payouts', [
          { name: 'chi-tra-cu.xls', data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
          { name: 'hong.xlsx', data: broken },
          { name: 'tot.xlsx', data: await titledPayoutsWorkbook() },
        ]),
      );
      expect(res.status).toBe(200);
      const html = await res.text();
      const errors = alerts(html);
      expect(errors).toContain('tệp "chi-tra-cu.xls": chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)');
      expect(errors).toMatch(/tệp "hong\.xlsx"[^\n]*: [^\n]*(không đọc được|hỏng)/);
      expect(html).toContain('>Tệp «tot.xlsx»</h2>');
      expect(html).not.toContain('>Tệp «hong.xlsx»</h2>');
      expect(stagedFiles(app.tempDir).sort()).toEqual(['staging.json', 'tot.xlsx']);

      const onlyBad = await postPreview(app.app, seeded.auditA.id, insp, previewForm(insp.csrf, 'payouts', [{ name: 'hong.xlsx', data: broken }]));
      expect(onlyBad.status).toBe(422);
      const badHtml = await onlyBad.text();
      expect(alerts(badHtml)).toContain('tệp "hong.xlsx"');
      expect(badHtml).not.toContain('Nạp dữ liệu</button>');
      expect(stagedFiles(app.tempDir).sort()).toEqual(['staging.json', 'tot.xlsx']);
    });

    it('refuses a header-only file in the preview, and fails the job of a list with only a totals row under its header, storing nothing', async () => {
      const app = await start();
      const insp = await signIn(app, 'insp-a');
      const header = 'STT,Họ và tên,Năm sinh,Số CCCD,Số tiền\n';
      const onlyHeader = await postPreview(app.app, seeded.auditA.id, insp, previewForm(insp.csrf, 'payouts', [{ name: 'bad.csv', data: header }]));
      expect(onlyHeader.status).toBe(422);
      const refusedHtml = await onlyHeader.text();
      expect(alerts(refusedHtml)).toContain('tệp "bad.csv", trang "bad", dòng 1: không có dòng dữ liệu nào dưới dòng tiêu đề này; hãy kiểm tra lại tệp đã chọn');
      expect(refusedHtml).not.toContain('Nạp dữ liệu</button>');
      expect(stagedFiles(app.tempDir)).toEqual([]);

      // Rows the reader skipped may be data a corrected mapping reads: the preview shows the file, the ingest refuses it.
      const res = await postPreview(app.app, seeded.auditA.id, insp, previewForm(insp.csrf, 'payouts', [{ name: 'tong.csv', data: `${header}Tổng cộng,,,,0\n` }]));
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('Dòng dữ liệu: <strong>0</strong>');
      const confirm = await postConfirm(app.app, seeded.auditA.id, insp, confirmBody(html, insp.csrf));
      expect(confirm.status).toBe(303);
      await app.jobs.idle();
      const page = await (await app.app.request(confirm.headers.get('location') ?? '', { headers: { Cookie: insp.cookie } })).text();
      expect(alerts(page)).toContain('tệp "tong.csv", trang "tong", dòng 1: không có dòng dữ liệu nào dưới dòng tiêu đề này (1 dòng bên dưới đều bị bỏ qua: dòng tổng 1)');
      expect(await ctx.db().selectFrom('uploads').select('file').where('audit_id', '=', seeded.auditA.id).execute()).toEqual([]);

      const api = await app.app.request(`/api/audits/${seeded.auditA.id}/uploads`, {
        method: 'POST',
        headers: bearer(seeded.tokens['insp-a']),
        body: uploadForm('register:deceased', [{ name: 'bad.csv', data: header }]),
      });
      expect(api.status).toBe(202);
      const { uploads } = (await api.json()) as { uploads: { id: number }[] };
      const job = await waitForJob(app.app, `/api/uploads/${uploads[0]?.id}`, seeded.tokens['insp-a']);
      expect(job).toMatchObject({ status: 'failed', uploadId: null, errors: [{ code: 'NO_DATA_ROWS', file: 'bad.csv', sheet: 'bad', row: 1 }] });
      expect(await ctx.db().selectFrom('uploads').select('file').where('audit_id', '=', seeded.auditA.id).execute()).toEqual([]);
    });

    it("refuses another user's staging id and an id for another audit", async () => {
      const app = await start();
      const insp = await signIn(app, 'insp-a');
      const res = await postPreview(app.app, seeded.auditA.id, insp, previewForm(insp.csrf, 'payouts', [{ name: 'chi-tra.xlsx', data: await titledPayoutsWorkbook() }]));
      const html = await res.text();
      // insp-hn (Hà Nội) sees audit A too, but the staging is insp-a's.
      const other = await signIn(app, 'insp-hn');
      const stolen = await postConfirm(app.app, seeded.auditA.id, other, confirmBody(html, other.csrf));
      expect(stolen.status).toBe(404);
      expect(await stolen.text()).toContain('Bản xem trước này không còn');
      const guessed = new URLSearchParams({ _csrf: insp.csrf, staging: '../../etc' });
      expect((await postConfirm(app.app, seeded.auditA.id, insp, guessed)).status).toBe(404);
      const insB = await signIn(app, 'insp-hn');
      expect((await postConfirm(app.app, seeded.auditB.id, insB, confirmBody(html, insB.csrf))).status).toBe(404);
      expect(app.jobs.size).toBe(0);
      expect(await listUploads(ctx.db(), seeded.auditA.id)).toEqual([]);
      // Its owner still can.
      expect((await postConfirm(app.app, seeded.auditA.id, insp, confirmBody(html, insp.csrf))).status).toBe(303);
      await app.jobs.idle();
      expect(await loadRecords(ctx.db(), seeded.auditA.id, 'payouts')).toHaveLength(3);
    });

    it('removes a staging folder after two hours', async () => {
      const app = await start();
      const insp = await signIn(app, 'insp-a');
      const res = await postPreview(app.app, seeded.auditA.id, insp, previewForm(insp.csrf, 'payouts', [{ name: 'chi-tra.xlsx', data: await titledPayoutsWorkbook() }]));
      const html = await res.text();
      app.clock.now = new Date(app.clock.now.getTime() + 2 * 60 * 60 * 1000 + 1000);
      const s = await signIn(app, 'insp-a');
      expect((await postConfirm(app.app, seeded.auditA.id, s, confirmBody(html, s.csrf))).status).toBe(404);
      expect(stagedFiles(app.tempDir)).toEqual([]);
    });

    it('shows a failed file in an alert on the progress page, and 404 for jobs of another audit', async () => {
      const app = await start();
      const insp = await signIn(app, 'insp-a');
      const data = await titledPayoutsWorkbook();
      // The same file was already uploaded through the API: the page's upload of it fails as a duplicate.
      const api = await app.app.request(`/api/audits/${seeded.auditA.id}/uploads`, {
        method: 'POST',
        headers: bearer(seeded.tokens['insp-a']),
        body: uploadForm('payouts', [{ name: 'chi-tra.xlsx', data }]),
      });
      expect(api.status).toBe(202);
      await app.jobs.idle();
      const html = await (await postPreview(app.app, seeded.auditA.id, insp, previewForm(insp.csrf, 'payouts', [{ name: 'lan-hai.xlsx', data }]))).text();
      const confirm = await postConfirm(app.app, seeded.auditA.id, insp, confirmBody(html, insp.csrf));
      await app.jobs.idle();
      const page = await (await app.app.request(confirm.headers.get('location') ?? '', { headers: { Cookie: insp.cookie } })).text();
      expect(page).toContain('Đã nạp xong — 1 tệp bị lỗi');
      expect(alerts(page)).toContain('tệp "lan-hai.xlsx": tệp này đã được tải lên cuộc kiểm tra này');

      const jobId = /jobs=(\d+)/.exec(confirm.headers.get('location') ?? '')?.[1];
      const monB = await signIn(app, 'mon-b');
      expect((await app.app.request(`/audits/${seeded.auditA.id}/upload/progress?jobs=${jobId}`, { headers: { Cookie: monB.cookie } })).status).toBe(404);
      const inspB = await signIn(app, 'insp-b');
      expect((await app.app.request(`/audits/${seeded.auditB.id}/upload/progress?jobs=${jobId}`, { headers: { Cookie: inspB.cookie } })).status).toBe(404);
    });
  });

  describe('progress page', () => {
    it('polls with upload.js while a file waits, falls back to a refresh without script, and serves the script', async () => {
      const app = await start();
      const insp = await signIn(app, 'insp-a');
      const job = await insertJob(ctx.db(), { kind: 'upload', auditId: seeded.auditA.id, file: 'cho.xlsx', role: 'payouts', createdBy: 'insp-a', createdAt: app.clock.now.toISOString() });
      const res = await app.app.request(`/audits/${seeded.auditA.id}/upload/progress?jobs=${job.id}`, { headers: { Cookie: insp.cookie } });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<section class="panel" data-upload-job="${job.id}" data-status="queued">`);
      expect(html).toContain(`<label for="upload-job-${job.id}">Tiến độ cho.xlsx</label><progress id="upload-job-${job.id}" max="1" value="0">`);
      expect(html).toContain('<noscript><meta http-equiv="refresh" content="3"></noscript>');
      expect(html.slice(0, html.indexOf('</head>'))).not.toContain('refresh');
      expect(html).toContain('<script src="/assets/upload.js" defer=""></script>');
      expect(html).not.toContain('Đã nạp xong');
      const script = await app.app.request('/assets/upload.js');
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toContain('text/javascript');
      expect(await script.text()).toContain("'/api/uploads/'");
      expect((await app.app.request(`/audits/${seeded.auditA.id}/upload/progress?jobs=abc`, { headers: { Cookie: insp.cookie } })).status).toBe(404);
    });
  });

  describe('API mapping field', () => {
    it('applies the same corrected mapping given as JSON in the multipart "mapping" field', async () => {
      const app = await start();
      const token = seeded.tokens['insp-a'];
      const form = uploadForm('payouts', [{ name: 'chi-tra.xlsx', data: await titledPayoutsWorkbook() }]);
      form.append('mapping', JSON.stringify({ phone: 'K', bankAccount: 'TK nhận tiền' }));
      const res = await app.app.request(`/api/audits/${seeded.auditA.id}/uploads`, { method: 'POST', headers: bearer(token), body: form });
      expect(res.status, await res.clone().text()).toBe(202);
      const { uploads } = (await res.json()) as { uploads: { id: number }[] };
      const job = await waitForJob(app.app, `/api/uploads/${uploads[0]?.id}`, token);
      expect(job).toMatchObject({ status: 'done', progress: 1 });
      const records = await loadRecords(ctx.db(), seeded.auditA.id, 'payouts');
      expect(records.map((r) => [r.phone, r.bankAccount, r.note])).toEqual([
        ['0912345670', '1020300000', null],
        ['0912345671', '1020300001', null],
        ['0912345672', '1020300002', null],
      ]);
      const log = (await listAuditLog(ctx.db())).find((e) => e.action === 'upload');
      expect(log?.detail).toMatchObject({ mapping: { phone: 'K', bankAccount: 'TK nhận tiền' } });
    });

    it('refuses a mapping that is not JSON, names an unknown field or a missing column', async () => {
      const app = await start();
      const token = seeded.tokens['insp-a'];
      const data = await titledPayoutsWorkbook();
      const send = async (mapping: string) => {
        const form = uploadForm('payouts', [{ name: 'chi-tra.xlsx', data }]);
        form.append('mapping', mapping);
        return app.app.request(`/api/audits/${seeded.auditA.id}/uploads`, { method: 'POST', headers: bearer(token), body: form });
      };
      const notJson = await send('{phone: K');
      expect(notJson.status).toBe(422);
      expect(await notJson.json()).toMatchObject({ error: { code: 'VALIDATION', message: expect.stringContaining('"mapping" không phải JSON') } });
      const unknown = await send('{"salary": "K"}');
      expect(unknown.status).toBe(422);
      expect(await unknown.json()).toMatchObject({ error: { code: 'VALIDATION', message: expect.stringContaining('mapping') } });
      expect(app.jobs.size).toBe(0);

      const missing = await send('{"phone": "Z"}');
      expect(missing.status).toBe(202);
      const { uploads } = (await missing.json()) as { uploads: { id: number }[] };
      const job = (await waitForJob(app.app, `/api/uploads/${uploads[0]?.id}`, token)) as { status: string; errors: { code: string; message: string }[] };
      expect(job.status).toBe('failed');
      expect(job.errors[0]).toMatchObject({ code: 'INVALID_MAPPING', message: expect.stringContaining('tệp "chi-tra.xlsx", trang "Phúc Xá"') });
      expect(await loadRecords(ctx.db(), seeded.auditA.id, 'payouts')).toEqual([]);
    });
  });
});
