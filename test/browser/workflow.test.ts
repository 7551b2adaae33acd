import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { FINDINGS_SHEET_NAMES, FINDING_HEADERS } from '../../src/report/index.js';
import { getFinding, listFindings, listRuns, listUploads } from '../../src/store/index.js';
import { checkPage, HAS_CHROMIUM, newPage, overflowsHorizontally, SAMPLE_DISTRICT, SAMPLES, signIn, startHarness, type Harness } from './harness.js';

const AUDIT_NAME = 'Can Lộc 2020 — kiểm thử trình duyệt';
const DUPLICATE_RULES = ['DUPLICATE_PAYMENT', 'DUPLICATE_BENEFICIARY'] as const;
const JOB_TIMEOUT = 120_000;

const titleOf = (rule: string): string => CHECKS.find((c) => c.id === rule)?.title ?? rule;
const h1 = (page: Page, name: string | RegExp): Locator => page.getByRole('heading', { level: 1, name });

/** The sample files grouped by role, in the order of answers.json (payouts first: the mapping is corrected there). */
function uploadRounds(): { role: string; files: string[] }[] {
  const key = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'answers.json'), 'utf8')) as { files: { file: string; role: string }[] };
  const rounds = new Map<string, string[]>();
  for (const role of ['payouts', 'beneficiaries']) rounds.set(role, []);
  for (const f of key.files) rounds.set(f.role, [...(rounds.get(f.role) ?? []), path.join(SAMPLES, f.file)]);
  return [...rounds].map(([role, files]) => ({ role, files }));
}

/** Fills a text input or picks the option of a select, whichever the page uses for the field. */
async function setField(field: Locator, value: string): Promise<void> {
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
  else await field.fill(value);
}

/** Clicks and waits for the navigation the click starts. */
async function clickAndWait(page: Page, target: Locator, url?: RegExp): Promise<void> {
  await Promise.all([url ? page.waitForURL(url) : page.waitForEvent('framenavigated'), target.click()]);
  await page.waitForLoadState('load');
}

describe.skipIf(!HAS_CHROMIUM)('the web app in Chromium (inspector → monitor → auditor)', () => {
  let h: Harness;
  /** The audit the inspector builds; the monitor and auditor use the demo audit when that step failed. */
  let inspectorAuditId: number | undefined;
  const reviewedAudit = (): number => inspectorAuditId ?? h.demoAuditId;
  let casePath = '';

  beforeAll(async () => {
    h = await startHarness();
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it('login page: a wrong password shows the error message', { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await page.waitForURL(/\/login/);
      await h1(page, 'Đăng nhập').waitFor();
      await page.getByLabel('Tên đăng nhập', { exact: true }).fill(h.accounts.inspector.username);
      await page.getByLabel('Mật khẩu', { exact: true }).fill('khong-dung-mat-khau');
      await clickAndWait(page, page.getByRole('button', { name: 'Đăng nhập' }), /error=invalid/);
      await page.getByText('Sai tên đăng nhập hoặc mật khẩu').waitFor();
      await checkPage(page, 'login-error');
    } finally {
      await context.close();
    }
  });

  it('inspector: creates an audit, uploads the samples with a corrected mapping, runs the checks', { timeout: 900_000 }, async () => {
    const { context, page } = await newPage(h);
    try {
      await signIn(page, h.accounts.inspector, 'login');
      await h1(page, 'Cuộc kiểm tra').waitFor();
      await checkPage(page, 'home-inspector');

      await page.getByLabel('Tên cuộc kiểm tra', { exact: true }).fill(AUDIT_NAME);
      await setField(page.getByLabel('Địa bàn (mã GSO)', { exact: true }), SAMPLE_DISTRICT);
      await page.getByLabel('Gói hỗ trợ', { exact: true }).selectOption('nq42-2020');
      await clickAndWait(page, page.getByRole('button', { name: 'Tạo cuộc kiểm tra' }));
      if (!/\/audits\/\d+$/.test(new URL(page.url()).pathname)) await clickAndWait(page, page.getByRole('link', { name: AUDIT_NAME }), /\/audits\/\d+$/);
      const auditId = Number(/\/audits\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);
      await h1(page, AUDIT_NAME).waitFor();
      await checkPage(page, 'dashboard-new-audit');

      let corrected: { file: string; note: number; signature: number } | undefined;
      for (const [index, round] of uploadRounds().entries()) {
        const slug = round.role.replace(':', '-');
        if (index === 0) await clickAndWait(page, page.getByRole('link', { name: 'Tải tệp lên' }), /\/upload$/);
        else await page.goto(`/audits/${auditId}/upload`);
        await h1(page, 'Tải tệp lên').waitFor();
        if (index === 0) await checkPage(page, 'upload');
        await page.getByLabel('Loại danh sách', { exact: true }).selectOption(round.role);
        await page.getByLabel('Tệp (.xlsx, .csv)', { exact: true }).setInputFiles(round.files);
        await clickAndWait(page, page.getByRole('button', { name: 'Xem trước' }));
        await h1(page, 'Kiểm tra cột').waitFor();
        await checkPage(page, `preview-${slug}`);

        if (round.role === 'payouts') {
          // Correct the mapping of the first sheet shown: the "Ký nhận" and "Ghi chú" columns swapped.
          const selects = page.getByLabel(/^Trường của cột [A-Z]+ \(/);
          const values = await selects.evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value));
          const from = values.indexOf('signature');
          const to = values.indexOf('note');
          expect(from, `no "signature" and "note" columns in the preview: ${values.slice(0, 30).join(',')}`).toBeGreaterThanOrEqual(0);
          expect(to).toBeGreaterThanOrEqual(0);
          const where = async (select: Locator): Promise<{ file: string; column: number }> => {
            const found = await select.evaluate((el) => {
              type Node = { closest(s: string): Node | null; querySelector(s: string): Node | null; textContent: string | null };
              const node = el as unknown as Node & { labels: ArrayLike<{ textContent: string | null }> | null };
              return {
                file: node.closest('section.panel')?.querySelector('h2')?.textContent ?? '',
                label: node.labels?.[0]?.textContent ?? '',
              };
            });
            const letters = /cột ([A-Z]+)/.exec(found.label)?.[1] ?? '';
            return {
              file: /«(.+)»/.exec(found.file)?.[1] ?? '',
              column: [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1,
            };
          };
          const signatureAt = await where(selects.nth(from));
          const noteAt = await where(selects.nth(to));
          expect(noteAt.file).toBe(signatureAt.file);
          await selects.nth(from).selectOption('note');
          await selects.nth(to).selectOption('signature');
          corrected = { file: signatureAt.file, note: signatureAt.column, signature: noteAt.column };
          await checkPage(page, 'preview-mapping-corrected', { axe: false });
        }

        await clickAndWait(page, page.getByRole('button', { name: 'Nạp dữ liệu' }));
        await h1(page, 'Đang nạp dữ liệu').waitFor();
        expect(await page.getByRole('progressbar', { name: `Tiến độ ${path.basename(round.files[0] ?? '')}` }).count()).toBe(1);
        await page.getByText('Đã nạp xong').waitFor({ timeout: JOB_TIMEOUT });
        expect(await page.getByRole('alert').allTextContents()).toEqual([]);
        await checkPage(page, `upload-done-${slug}`);
        await clickAndWait(page, page.getByRole('link', { name: 'Về trang cuộc kiểm tra' }), /\/audits\/\d+$/);
      }

      const uploads = await listUploads(h.server.handle.db, auditId);
      expect(uploads).toHaveLength(uploadRounds().flatMap((r) => r.files).length);
      // The stored mapping is the one chosen on the preview page (the reader alone maps them the other way).
      const fixed = uploads.find((u) => u.file === corrected?.file);
      const sheetMappings = Object.values((fixed?.mapping ?? {}) as Record<string, Record<string, number>>);
      expect(sheetMappings.length, `no stored mapping for ${corrected?.file}`).toBeGreaterThan(0);
      expect(sheetMappings, JSON.stringify(fixed?.mapping)).toContainEqual(expect.objectContaining({ note: corrected?.note, signature: corrected?.signature }));

      await h1(page, AUDIT_NAME).waitFor();
      await checkPage(page, 'dashboard-loaded');
      await clickAndWait(page, page.getByRole('button', { name: 'Chạy kiểm tra' }), /\/runs\/\d+$/);
      await h1(page, 'Chạy kiểm tra').waitFor();
      expect(await page.getByRole('progressbar', { name: 'Tiến độ' }).count()).toBe(1);
      await page.getByText('Hoàn tất').waitFor({ timeout: JOB_TIMEOUT });
      await checkPage(page, 'run-done');
      await clickAndWait(page, page.getByRole('link', { name: 'Xem phát hiện' }), /\/findings/);
      await h1(page, 'Phát hiện').waitFor();
      expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
      await checkPage(page, 'findings-inspector');

      expect((await listRuns(h.server.handle.db, auditId)).some((r) => r.status === 'done')).toBe(true);
      const stored = await listFindings(h.server.handle.db, auditId, { rule: 'DUPLICATE_PAYMENT' });
      expect(stored.total).toBeGreaterThan(0);
      inspectorAuditId = auditId;

      await clickAndWait(page, page.getByRole('button', { name: 'Đăng xuất' }), /\/login/);
    } finally {
      await context.close();
    }
  });

  it('upload: a file that is not a workbook is refused with a Vietnamese message naming it', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(h);
    try {
      await signIn(page, h.accounts.inspector);
      await page.goto(`/audits/${reviewedAudit()}/upload`);
      await page.getByLabel('Loại danh sách', { exact: true }).selectOption('payouts');
      await page
        .getByLabel('Tệp (.xlsx, .csv)', { exact: true })
        .setInputFiles({ name: 'chi-tra-hong.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('không phải bảng tính') });
      await clickAndWait(page, page.getByRole('button', { name: 'Xem trước' }));
      const alert = page.getByRole('alert').filter({ hasText: 'chi-tra-hong.xlsx' });
      await alert.first().waitFor();
      await checkPage(page, 'upload-refused');
    } finally {
      await context.close();
    }
  });

  it('monitor: filters the findings, opens a duplicate case, saves a status and a note', { timeout: 300_000 }, async () => {
    const auditId = reviewedAudit();
    const { context, page } = await newPage(h);
    try {
      await signIn(page, h.accounts.monitor);
      await h1(page, 'Cuộc kiểm tra').waitFor();
      expect(await page.getByRole('button', { name: 'Tạo cuộc kiểm tra' }).count()).toBe(0);
      await checkPage(page, 'home-monitor');
      await clickAndWait(page, page.locator(`a[href="/audits/${auditId}"]`).first(), /\/audits\/\d+$/);
      expect(await page.getByRole('link', { name: 'Tải tệp lên' }).count()).toBe(0);
      await checkPage(page, 'dashboard-monitor');
      await clickAndWait(page, page.getByRole('link', { name: 'Xem phát hiện' }), /\/findings/);
      await h1(page, 'Phát hiện').waitFor();
      await checkPage(page, 'findings-monitor');

      const rule = (await listFindings(h.server.handle.db, auditId, { rule: DUPLICATE_RULES[0] })).total > 0 ? DUPLICATE_RULES[0] : DUPLICATE_RULES[1];
      await page.getByLabel('Quy tắc', { exact: true }).selectOption(rule);
      await clickAndWait(page, page.getByRole('button', { name: 'Lọc' }));
      await h1(page, 'Phát hiện').waitFor();
      const rows = page.locator('tbody tr');
      const expected = (await listFindings(h.server.handle.db, auditId, { rule })).total;
      expect(await rows.count()).toBe(Math.min(expected, 100));
      for (const text of await rows.allTextContents()) expect(text.includes(rule) || text.includes(titleOf(rule)), text).toBe(true);
      await page.getByText(/Trang 1 \/ 1/).first().waitFor();
      await checkPage(page, 'findings-filtered');

      await clickAndWait(page, rows.first().locator('a[href*="/findings/"]').first(), /\/findings\/[^/]+$/);
      casePath = new URL(page.url()).pathname;
      const findingId = decodeURIComponent(casePath.split('/').pop() ?? '');
      expect(await h1(page, new RegExp(titleOf(rule))).count()).toBe(1);
      for (const section of ['Giải thích', 'Hồ sơ đối chiếu', 'Lịch sử']) await page.getByRole('heading', { name: section }).first().waitFor();
      // The differing fields are highlighted, and say so in text too (colour is never the only signal).
      expect(await page.locator('td.diff').count()).toBeGreaterThan(0);
      const diffRows = page.locator('tr:has(> td.diff)');
      expect(await diffRows.count()).toBeGreaterThan(0);
      for (const text of await diffRows.allTextContents()) expect(text).toContain('(khác)');
      await checkPage(page, 'case');

      const note = 'Đã liên hệ trưởng thôn, đang đối chiếu sổ ký nhận';
      await page.getByLabel('Trạng thái', { exact: true }).selectOption('verifying');
      await page.getByLabel('Ghi chú', { exact: true }).fill(note);
      await clickAndWait(page, page.getByRole('button', { name: 'Lưu' }));
      await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
      expect(await page.getByLabel('Trạng thái', { exact: true }).inputValue()).toBe('verifying');
      expect(await page.getByText(note).count()).toBeGreaterThan(0);
      await checkPage(page, 'case-saved');
      const saved = await getFinding(h.server.handle.db, auditId, findingId);
      expect(saved).toMatchObject({ status: 'verifying', note, reviewer: h.accounts.monitor.username });

      // Bulk change: two other findings of the filtered list confirmed at once.
      await page.goto(`/audits/${auditId}/findings?rule=${rule}`);
      const others = (await page.locator('tbody tr input[type=checkbox]').evaluateAll((els) => els.map((el) => el.getAttribute('value') ?? '')))
        .filter((id) => id !== findingId)
        .slice(0, 2);
      expect(others).toHaveLength(2);
      for (const id of others) await page.getByLabel(`Chọn ${id}`, { exact: true }).check();
      await page.getByLabel('Đổi trạng thái thành', { exact: true }).selectOption('confirmed');
      await clickAndWait(page, page.getByRole('button', { name: 'Áp dụng cho các dòng đã chọn' }));
      await h1(page, 'Phát hiện').waitFor();
      await checkPage(page, 'findings-bulk-status');
      for (const id of others) expect((await getFinding(h.server.handle.db, auditId, id))?.status).toBe('confirmed');
      expect((await getFinding(h.server.handle.db, auditId, findingId))?.status).toBe('verifying');

      await page.goto('/account');
      await h1(page, 'Tài khoản').waitFor();
      await checkPage(page, 'account-monitor');
    } finally {
      await context.close();
    }
  });

  it('monitor on a phone (390×844): the findings list and the case page fit the screen', { timeout: 120_000 }, async () => {
    const auditId = reviewedAudit();
    const { context, page } = await newPage(h, { width: 390, height: 844 });
    try {
      await signIn(page, h.accounts.monitor);
      await page.goto(`/audits/${auditId}/findings`);
      await h1(page, 'Phát hiện').waitFor();
      await checkPage(page, 'phone-findings');
      const list = await overflowsHorizontally(page);
      expect(list.scrollWidth, 'findings list scrolls sideways on a phone').toBeLessThanOrEqual(list.innerWidth);

      const target = casePath || (await page.locator('tbody tr a[href*="/findings/"]').first().getAttribute('href')) || '';
      await page.goto(target);
      await page.getByRole('heading', { name: 'Hồ sơ đối chiếu' }).first().waitFor();
      await checkPage(page, 'phone-case');
      const casePage = await overflowsHorizontally(page);
      expect(casePage.scrollWidth, 'case page scrolls sideways on a phone').toBeLessThanOrEqual(casePage.innerWidth);
    } finally {
      await context.close();
    }
  });

  it('auditor: downloads the findings workbook and reads it back; the upload page is forbidden', { timeout: 180_000 }, async () => {
    const auditId = reviewedAudit();
    const { context, page } = await newPage(h);
    try {
      await signIn(page, h.accounts.auditor);
      await page.goto(`/audits/${auditId}`);
      await page.getByRole('link', { name: 'Xem phát hiện' }).waitFor();
      expect(await page.getByRole('link', { name: 'Tải tệp lên' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Chạy kiểm tra' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Tải JSON' }).getAttribute('href')).toBe(`/api/audits/${auditId}/findings.json`);
      await checkPage(page, 'dashboard-auditor');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải sổ Excel phát hiện' }).click()]);
      const file = path.join(h.tempDir, 'downloaded.xlsx');
      await download.saveAs(file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining([...FINDINGS_SHEET_NAMES]));
      let findingRows = 0;
      for (const sheet of workbook.worksheets) {
        let idColumn = 0;
        sheet.eachRow((row) => {
          const values = row.values as unknown[];
          if (idColumn > 0) {
            if (typeof values[idColumn] === 'string' && values[idColumn] !== '') findingRows += 1;
          } else {
            idColumn = values.indexOf(FINDING_HEADERS.id);
          }
        });
      }
      expect(findingRows).toBeGreaterThan(0);

      const forbidden = await page.goto(`/audits/${auditId}/upload`);
      expect(forbidden?.status()).toBe(403);
      await h1(page, 'Không có quyền').waitFor();
      await checkPage(page, 'forbidden-auditor-upload');
    } finally {
      await context.close();
    }
  });

  it('admin: the users page and the audit log', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(h);
    try {
      await signIn(page, h.accounts.admin);
      await page.goto('/admin/users');
      await h1(page, 'Người dùng').waitFor();
      expect(await page.getByText(h.accounts.monitor.username).count()).toBeGreaterThan(0);
      await checkPage(page, 'admin-users');
      await page.goto('/admin/audit-log');
      await h1(page, 'Nhật ký thao tác').waitFor();
      expect(await page.getByRole('link', { name: 'Xuất CSV' }).count()).toBe(1);
      await checkPage(page, 'admin-audit-log');
    } finally {
      await context.close();
    }
  });
});
