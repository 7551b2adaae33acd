import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/index.js';
import { ingestUpload, runAudit } from '../../src/pipeline/index.js';
import { createRun, deleteUpload, findingHistory, getFinding, listAuditLog, listUploads, type Db } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { login, makeApp, seed, seedFindings, type Seeded, type TestApp } from './support.js';

type Session = { cookie: string; csrf: string };

async function get(t: TestApp, url: string, session?: Session): Promise<{ status: number; html: string; location: string | null }> {
  const res = await t.app.request(url, { headers: session ? { Cookie: session.cookie, Accept: 'text/html' } : { Accept: 'text/html' } });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

async function post(t: TestApp, url: string, session: Session, fields: Record<string, string | readonly string[]>, csrf: string | null = session.csrf): Promise<Response> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of typeof value === 'string' ? [value] : value) body.append(name, v);
  if (csrf !== null) body.append('_csrf', csrf);
  return t.app.request(url, { method: 'POST', headers: { Cookie: session.cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body });
}

/** Finding ids of the list's rows, in page order (from the links to their case pages). */
function rowIds(html: string, auditId: number): string[] {
  return [...html.matchAll(new RegExp(`href="/audits/${auditId}/findings/([^"?/]+)"`, 'g'))].map((m) => decodeURIComponent(m[1] ?? ''));
}

/** Asserts that the page holds `part`, naming only `part` when it does not (pages are long). */
function expectHas(html: string, part: string | RegExp): void {
  expect(typeof part === 'string' ? html.includes(part) : part.test(html), `page should contain ${String(part)}`).toBe(true);
}

function expectLacks(html: string, part: string | RegExp): void {
  expect(typeof part === 'string' ? html.includes(part) : part.test(html), `page should not contain ${String(part)}`).toBe(false);
}

function decode(html: string): string {
  return html.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

const SEVERITIES = ['high', 'medium', 'low'] as const;
const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

/** n findings of varied rule, severity, commune and amount (ids S-000, S-001, …). */
function variedFindings(n: number): (Partial<Finding> & { id: string })[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `S-${String(i).padStart(3, '0')}`,
    rule: i % 4 === 0 ? 'DECEASED' : 'DUPLICATE_PAYMENT',
    category: i % 4 === 0 ? 'wrong_recipient' : 'duplicate',
    severity: SEVERITIES[i % 3] ?? 'low',
    score: (i % 10) / 10,
    amountAtRisk: ((i * 7919) % 1000) * 1000,
    subject: { name: `Trần Văn ${i}`, idNumber: `0010500${String(10000 + i)}`, commune: i % 2 === 0 ? 'Phường Phúc Xá' : 'Phường Trúc Bạch' },
    explanation: i === 42 ? 'Người nhận đã chết trước ngày chi trả' : 'Chi trả hai lần cho cùng một người',
  }));
}

async function users<N extends string>(t: TestApp, seeded: Seeded, names: readonly N[]): Promise<Record<N, Session>> {
  const out = {} as Record<N, Session>;
  for (const name of names) out[name] = await login(t.app, name, seeded.passwords[name] ?? '');
  return out;
}

/** Writes n findings straight into the table, 1,000 rows per statement, in one transaction. */
async function bulkInsertFindings(db: Db, auditId: number, n: number): Promise<void> {
  const run = await createRun(db, auditId, 'nq42-2020', 'bulk');
  const rules = [
    ['DUPLICATE_PAYMENT', 'duplicate'],
    ['DECEASED', 'wrong_recipient'],
    ['INVALID_ID', 'data_quality'],
    ['AMOUNT_MISMATCH', 'amount'],
    ['MISSING_FIELD', 'data_quality'],
    ['COMMUNE_OUTLIER', 'statistical'],
  ] as const;
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < n; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, n - start) }, (_, j) => {
        const i = start + j;
        const [rule, category] = rules[i % rules.length] ?? rules[0];
        return {
          audit_id: auditId,
          id: `B-${String(i).padStart(6, '0')}`,
          rule,
          category,
          severity: SEVERITIES[i % 3] ?? 'low',
          score: (i % 100) / 100,
          amount_at_risk: (i * 7919) % 5_000_000,
          subject_name: `Nguyễn Văn ${i}`,
          subject_id_number: String(100_000_000_000 + i),
          subject_commune: `Xã ${i % 40}`,
          records_json: JSON.stringify([{ role: 'payouts', file: 'chi-tra.xlsx', sheet: 'Xã', row: i + 2 }]),
          explanation: `Phát hiện số ${i}`,
          evidence_json: '{}',
          status: 'new',
          version: 1,
          note: null,
          reviewer: null,
          reviewed_at: null,
          resolved_by_data: 0,
          first_run_id: run.id,
          last_run_id: run.id,
        };
      });
      await trx.insertInto('findings').values(rows).execute();
    }
  });
}

/**
 * A payouts workbook where Hoàng Thị Huyền Trang is paid twice, from rows that differ in village and
 * date; the second row lacks the ID number, so the person matcher links the two (with its weights).
 */
async function duplicateWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phúc Xá');
  ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Số CMND/CCCD', 'Thôn/tổ', 'Xã/phường', 'Quận/huyện', 'Tỉnh/thành phố', 'Nhóm đối tượng', 'Số tiền', 'Ngày chi trả']);
  const rows: [string, string, string, string, string][] = [
    ['Hoàng Thị Huyền Trang', '12/03/1950', '001150012345', 'Tổ 1', '15/05/2020'],
    ['Trần Thị Bình', '01/02/1960', '001160023456', 'Tổ 2', '15/05/2020'],
    ['Lê Văn Cường', '05/06/1945', '001045034567', 'Tổ 2', '15/05/2020'],
    ['Hoàng Thị Huyền Trang', '12/03/1950', '', 'Tổ 3', '18/05/2020'],
  ];
  rows.forEach(([name, born, id, village, date], i) => ws.addRow([i + 1, name, born, id, village, 'Phúc Xá', 'Ba Đình', 'Hà Nội', 'Người có công', 1_500_000, date]));
  await wb.xlsx.writeFile(file);
}

forEachDialect('pages: findings list, bulk status, case page', (ctx) => {
  let t: TestApp | undefined;
  afterEach(() => t?.cleanup());

  it('filters, sorts and pages 100 at a time, keeping the filters in the pager links', async () => {
    t = makeApp(ctx.db());
    const seeded = await seed(ctx.db());
    const { auditA } = seeded;
    const list = variedFindings(250);
    await seedFindings(ctx.db(), auditA.id, list);
    const { 'aud-a': auditor } = await users(t, seeded, ['aud-a']);
    const base = `/audits/${auditA.id}/findings`;

    const first = await get(t, base, auditor);
    expect(first.status).toBe(200);
    expectHas(first.html, '<h1>Phát hiện</h1>');
    for (const label of ['Nhóm', 'Quy tắc', 'Mức độ', 'Xã', 'Trạng thái', 'Từ khóa', 'Sắp xếp']) expectHas(first.html, new RegExp(`<label for="f-[a-z]+">${label}</label>`));
    expectHas(first.html, 'Trang 1 / 3');
    expectLacks(first.html, 'Trang trước');
    const bySeverity = [...list].sort(
      (a, b) => SEVERITY_RANK[a.severity ?? 'low'] - SEVERITY_RANK[b.severity ?? 'low'] || (b.amountAtRisk ?? 0) - (a.amountAtRisk ?? 0) || (a.id < b.id ? -1 : 1),
    );
    expect(rowIds(first.html, auditA.id)).toEqual(bySeverity.slice(0, 100).map((f) => f.id));
    // The auditor sees the table without the bulk form.
    expectLacks(first.html, 'Áp dụng cho các dòng đã chọn');
    expectLacks(first.html, 'aria-label="Chọn ');
    // The ID number is masked as in the workbook: 3 first and 3 last characters.
    expectHas(first.html, '001******000');

    // Filter (commune + category) and sort by amount ascending; page 2 of 2.
    const filtered = list.filter((f) => f.subject?.commune === 'Phường Trúc Bạch' && f.category === 'duplicate').sort((a, b) => (a.amountAtRisk ?? 0) - (b.amountAtRisk ?? 0) || (a.id < b.id ? -1 : 1));
    expect(filtered.length).toBe(125);
    const query = `commune=${encodeURIComponent('Phường Trúc Bạch')}&category=duplicate&sort=amount-asc`;
    const p1 = await get(t, `${base}?${query}`, auditor);
    expectHas(p1.html, 'Trang 1 / 2');
    expect(rowIds(p1.html, auditA.id)).toEqual(filtered.slice(0, 100).map((f) => f.id));
    const next = /<a href="([^"]+)" rel="next">Trang sau<\/a>/.exec(p1.html)?.[1];
    expect(next).toBeDefined();
    const nextUrl = new URL(decode(next ?? ''), 'http://x');
    expect(Object.fromEntries(nextUrl.searchParams)).toEqual({ category: 'duplicate', commune: 'Phường Trúc Bạch', sort: 'amount-asc', page: '2' });
    const p2 = await get(t, nextUrl.pathname + nextUrl.search, auditor);
    expectHas(p2.html, 'Trang 2 / 2');
    expectHas(p2.html, 'Trang trước');
    expectLacks(p2.html, 'Trang sau');
    expect(rowIds(p2.html, auditA.id)).toEqual(filtered.slice(100).map((f) => f.id));
    // The selected options are kept in the form.
    expectHas(p2.html, /<option value="amount-asc" selected="">/);
    expectHas(p2.html, /<option value="Phường Trúc Bạch" selected="">/);

    // Text search, rule + severity filters, sort by score descending.
    expect(rowIds((await get(t, `${base}?q=${encodeURIComponent('đã chết')}`, auditor)).html, auditA.id)).toEqual(['S-042']);
    const deceasedHigh = list.filter((f) => f.rule === 'DECEASED' && f.severity === 'high').sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.id < b.id ? 1 : -1));
    const ruleHtml = (await get(t, `${base}?rule=DECEASED&severity=high&sort=score-desc`, auditor)).html;
    expect(rowIds(ruleHtml, auditA.id)).toEqual(deceasedHigh.map((f) => f.id));
    expectHas(ruleHtml, 'Trang 1 / 1');
    // Unknown values are ignored rather than failing; a page past the end shows the last page.
    const lenient = await get(t, `${base}?severity=huge&sort=bogus&page=99`, auditor);
    expect(lenient.status).toBe(200);
    expectHas(lenient.html, 'Trang 3 / 3');
    expect(rowIds(lenient.html, auditA.id)).toEqual(bySeverity.slice(200).map((f) => f.id));
  });

  it('renders the first and a deep page of an audit with 100,000 findings', { timeout: 300_000 }, async () => {
    t = makeApp(ctx.db());
    const seeded = await seed(ctx.db());
    const { auditA } = seeded;
    let started = performance.now();
    await bulkInsertFindings(ctx.db(), auditA.id, 100_000);
    const insertMs = performance.now() - started;
    const { 'mon-a': monitor } = await users(t, seeded, ['mon-a']);
    const base = `/audits/${auditA.id}/findings`;
    const ids = Array.from({ length: 100_000 }, (_, i) => i);
    const amount = (i: number) => (i * 7919) % 5_000_000;
    const id = (i: number) => `B-${String(i).padStart(6, '0')}`;
    const defaultOrder = [...ids].sort((a, b) => (a % 3) - (b % 3) || amount(b) - amount(a) || a - b);

    const timings: string[] = [];
    const timed = async (label: string, url: string) => {
      started = performance.now();
      const res = await get(t as TestApp, url, monitor);
      timings.push(`${label} ${Math.round(performance.now() - started)} ms`);
      expect(res.status).toBe(200);
      return res.html;
    };
    const first = await timed('trang 1', base);
    expectHas(first, 'Trang 1 / 1000');
    expect(rowIds(first, auditA.id)).toEqual(defaultOrder.slice(0, 100).map(id));
    const deep = await timed('trang 1000', `${base}?page=1000`);
    expectHas(deep, 'Trang 1000 / 1000');
    expect(rowIds(deep, auditA.id)).toEqual(defaultOrder.slice(99_900).map(id));
    const middle = await timed('trang 500, số tiền tăng dần', `${base}?sort=amount-asc&page=500`);
    expect(rowIds(middle, auditA.id)).toEqual([...ids].sort((a, b) => amount(a) - amount(b) || a - b).slice(49_900, 50_000).map(id));
    // Commune "Xã 7" holds 2,500 findings: its 20th page sorted by amount, descending.
    const communeOrder = ids.filter((i) => i % 40 === 7).sort((a, b) => amount(b) - amount(a) || b - a);
    const filtered = await timed('xã, số tiền giảm dần, trang 20', `${base}?commune=${encodeURIComponent('Xã 7')}&sort=amount-desc&page=20`);
    expectHas(filtered, 'Trang 20 / 25');
    expect(rowIds(filtered, auditA.id)).toEqual(communeOrder.slice(1900, 2000).map(id));
    const bySeverityFilter = await timed('mức độ thấp + trạng thái, trang 300', `${base}?severity=low&status=new&sort=status-desc&page=300`);
    expectHas(bySeverityFilter, 'Trang 300 / 334');
    await timed('từ khóa', `${base}?q=${encodeURIComponent('Nguyễn Văn 99999')}`);
    console.log(`[${ctx.dialect}] 100.000 phát hiện: chèn ${Math.round(insertMs)} ms; ${timings.join('; ')}`);
  });

  it('bulk status changes only the selected findings of that audit, records each in the history and the audit log, and comes back to the same filtered page', async () => {
    t = makeApp(ctx.db());
    const seeded = await seed(ctx.db());
    const { auditA, auditB } = seeded;
    await seedFindings(ctx.db(), auditA.id, variedFindings(12));
    await seedFindings(ctx.db(), auditB.id, [{ id: 'S-001', subject: { name: 'Phạm Thị Khác', idNumber: null, commune: 'Phường Hàng Bạc' } }]);
    const { 'mon-a': monitor } = await users(t, seeded, ['mon-a']);
    const base = `/audits/${auditA.id}/findings`;
    const listed = await get(t, `${base}?category=duplicate&sort=amount-desc`, monitor);
    expectHas(listed.html, 'aria-label="Chọn S-001"');
    expectHas(listed.html, '<label for="bulk-status">Đổi trạng thái thành</label>');
    expectHas(listed.html, 'Áp dụng cho các dòng đã chọn');

    const res = await post(t, `${base}/bulk-status`, monitor, {
      ids: ['S-001', 'S-002', 'NOT-THERE'],
      status: 'verifying',
      back_category: 'duplicate',
      back_sort: 'amount-desc',
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(Object.fromEntries(new URL(location, 'http://x').searchParams)).toEqual({ category: 'duplicate', sort: 'amount-desc', updated: '2' });
    const after = await get(t, location, monitor);
    expectHas(after.html, /<p role="status"[^>]*>Đã cập nhật 2 phát hiện<\/p>/);

    expect((await getFinding(ctx.db(), auditA.id, 'S-001'))?.status).toBe('verifying');
    expect((await getFinding(ctx.db(), auditA.id, 'S-002'))?.status).toBe('verifying');
    expect((await getFinding(ctx.db(), auditA.id, 'S-003'))?.status).toBe('new');
    // The same id in another audit is untouched.
    expect((await getFinding(ctx.db(), auditB.id, 'S-001'))?.status).toBe('new');
    const history = await findingHistory(ctx.db(), auditA.id, 'S-002');
    expect(history).toMatchObject([{ actor: 'mon-a', fromStatus: 'new', toStatus: 'verifying' }]);
    const log = (await listAuditLog(ctx.db())).filter((e) => e.action === 'finding.status');
    expect(log.map((e) => [e.actor, e.target]).sort()).toEqual([
      ['mon-a', `audit:${auditA.id}/finding:S-001`],
      ['mon-a', `audit:${auditA.id}/finding:S-002`],
    ]);

    // Without the CSRF field nothing changes.
    const forged = await post(t, `${base}/bulk-status`, monitor, { ids: ['S-003'], status: 'dismissed' }, null);
    expect(forged.status).toBe(403);
    expect((await getFinding(ctx.db(), auditA.id, 'S-003'))?.status).toBe('new');
    // An invalid status is refused.
    expect((await post(t, `${base}/bulk-status`, monitor, { ids: ['S-003'], status: 'gone' })).status).toBe(400);
  });

  it('shows a duplicate from ingested rows side by side, marks the differing fields and the waterfall, and names deleted rows', async () => {
    t = makeApp(ctx.db());
    const seeded = await seed(ctx.db());
    const { auditA } = seeded;
    const file = path.join(t.tempDir, 'chi-tra-phuc-xa.xlsx');
    await duplicateWorkbook(file);
    await ingestUpload(ctx.db(), { auditId: auditA.id, path: file, role: 'payouts', uploadedBy: 'insp-a' });
    fs.rmSync(file);
    const result = await runAudit(ctx.db(), { auditId: auditA.id, packageId: 'nq42-2020' });
    const duplicate = result.findings.find((f) => f.rule === 'DUPLICATE_PAYMENT');
    expect(duplicate?.records.map((r) => r.row)).toEqual([2, 5]);
    const { 'mon-a': monitor } = await users(t, seeded, ['mon-a']);
    const url = `/audits/${auditA.id}/findings/${duplicate?.id}`;
    const { status, html } = await get(t, url, monitor);
    expect(status).toBe(200);
    expectHas(html, /<h1>Chi trả trùng cho cùng một người<\/h1>/);
    for (const heading of ['Giải thích', 'Hồ sơ đối chiếu', 'Lịch sử']) expectHas(html, `>${heading}</h2>`);
    expectLacks(html, '>Biểu đồ</h2>');
    expectHas(html, 'chi-tra-phuc-xa.xlsx, trang tính “Phúc Xá”, dòng 2');
    expectHas(html, 'chi-tra-phuc-xa.xlsx, trang tính “Phúc Xá”, dòng 5');
    const row = (label: string) => new RegExp(`<tr( class="diff")?><th scope="row">${label}(<span class="visually-hidden"> \\(khác\\)</span>)?</th>((?:<td[^>]*>[^<]*</td>)+)</tr>`).exec(html);
    // Canonical fields: the village and payment date differ, name and ID agree.
    expect(row('Thôn/ấp/tổ')?.[1]).toBe(' class="diff"');
    expect(row('Thôn/ấp/tổ')?.[3]).toBe('<td class="diff">Tổ 1</td><td class="diff">Tổ 3</td>');
    expect(row('Ngày chi trả')?.[2]).toBe('<span class="visually-hidden"> (khác)</span>');
    expect(row('Họ và tên')?.[1]).toBeUndefined();
    expect(row('Họ và tên')?.[3]).toBe('<td>Hoàng Thị Huyền Trang</td><td>Hoàng Thị Huyền Trang</td>');
    expect(row('Ngày sinh')?.[1]).toBeUndefined();
    expect(row('Số CMND/CCCD')?.[3]).toBe('<td class="diff">001150012345</td><td class="diff"></td>');
    // Raw columns as written in the sheet: "STT" 1 vs 4 differs, "Ngày chi trả" as written.
    expectHas(html, 'Các cột như ghi trong bảng tính');
    expect(row('STT')?.[3]).toBe('<td class="diff">1</td><td class="diff">4</td>');
    expect(row('Nhóm đối tượng')?.[1]).toBeUndefined();
    // The status form for a monitor.
    expectHas(html, '<label for="status">Trạng thái</label>');
    expectHas(html, '<label for="note">Ghi chú</label>');
    expectHas(html, /<input type="hidden" name="version" value="1"\/?>/);
    expectHas(html, /<option value="confirmed">Xác nhận sai phạm<\/option>/);
    // The matcher's field-by-field weights, as a table.
    expect((duplicate?.evidence['matches'] as unknown[] | undefined)?.length).toBe(1);
    expectHas(html, '<h3>Trọng số so khớp</h3>');
    expectHas(html, /So khớp cặp bản ghi 1: kết luận (cùng một người|có thể trùng, cần xác minh)/);
    expectHas(html, /<tr><th scope="row">Tên<\/th><td>Trang<\/td><td>Trang<\/td><td>trùng khớp<\/td><td class="num">\+\d+,\d<\/td><\/tr>/);
    expectHas(html, /<th scope="row" colspan="4">Tổng trọng số \(xác suất cùng một người [\d,]+%\)<\/th><td class="num">\+\d+,\d<\/td>/);

    // The upload is deleted: the page still opens and says the rows are gone.
    const [upload] = await listUploads(ctx.db(), auditA.id);
    await deleteUpload(ctx.db(), upload?.id ?? 0);
    const gone = await get(t, url, monitor);
    expect(gone.status).toBe(200);
    expect(gone.html.match(/Không còn trong dữ liệu/g)).toHaveLength(2);
  });

  it('saves a status and note, answers a stale version with 409 and the current state, and keeps the history', async () => {
    t = makeApp(ctx.db());
    const seeded = await seed(ctx.db());
    const { auditA } = seeded;
    await seedFindings(ctx.db(), auditA.id, variedFindings(3));
    const { 'mon-a': monitor, admin } = await users(t, seeded, ['mon-a', 'admin']);
    const url = `/audits/${auditA.id}/findings/S-001`;
    const saved = await post(t, url, monitor, { status: 'verifying', note: 'Mời hộ lên đối chiếu', version: '1' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${url}?saved=1`);
    const page = await get(t, `${url}?saved=1`, monitor);
    expectHas(page.html, /<p role="status"[^>]*>Đã lưu<\/p>/);
    expectHas(page.html, 'Mời hộ lên đối chiếu');
    expectHas(page.html, /mon-a/);
    expectHas(page.html, /<input type="hidden" name="version" value="2"\/?>/);

    // Someone (admin) saved meanwhile; the monitor's form still carries version 2.
    expect((await post(t, url, admin, { status: 'confirmed', note: 'Đã xác minh tại nhà', version: '2' })).status).toBe(303);
    const stale = await post(t, url, monitor, { status: 'dismissed', note: 'Không sai', version: '2' });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expectHas(staleHtml, /role="alert"/);
    expectHas(staleHtml, 'vừa được người khác thay đổi');
    expectHas(staleHtml, 'Trạng thái hiện tại: Xác nhận sai phạm');
    expectHas(staleHtml, 'Đã xác minh tại nhà');
    // The form now carries the current version and the monitor's own input.
    expectHas(staleHtml, /<input type="hidden" name="version" value="3"\/?>/);
    expectHas(staleHtml, /<option value="dismissed" selected="">/);
    expectHas(staleHtml, '>Không sai</textarea>');
    const stored = await getFinding(ctx.db(), auditA.id, 'S-001');
    expect(stored).toMatchObject({ status: 'confirmed', version: 3, note: 'Đã xác minh tại nhà', reviewer: 'admin' });
    const history = await findingHistory(ctx.db(), auditA.id, 'S-001');
    expect(history.map((e) => [e.actor, e.fromStatus, e.toStatus, e.note])).toEqual([
      ['mon-a', 'new', 'verifying', 'Mời hộ lên đối chiếu'],
      ['admin', 'verifying', 'confirmed', 'Đã xác minh tại nhà'],
    ]);
    const historyHtml = (await get(t, url, monitor)).html;
    expectHas(historyHtml, 'Mới → Đang xác minh');
    expectHas(historyHtml, 'Đang xác minh → Xác nhận sai phạm');
    const log = (await listAuditLog(ctx.db())).filter((e) => e.action === 'finding.status');
    expect(log.map((e) => [e.actor, e.target]).sort()).toEqual([
      ['admin', `audit:${auditA.id}/finding:S-001`],
      ['mon-a', `audit:${auditA.id}/finding:S-001`],
    ]);
  });

  it('keeps other areas out (404), shows auditors and inspectors no form (403 on post), refuses posts without CSRF and sends anonymous users to the login', async () => {
    t = makeApp(ctx.db());
    const seeded = await seed(ctx.db());
    const { auditA, auditB } = seeded;
    await seedFindings(ctx.db(), auditA.id, variedFindings(3));
    await seedFindings(ctx.db(), auditB.id, [{ id: 'B-1' }]);
    const s = await users(t, seeded, ['mon-a', 'mon-b', 'aud-a', 'insp-a', 'mon-xa']);
    const caseA = `/audits/${auditA.id}/findings/S-001`;
    const listA = `/audits/${auditA.id}/findings`;

    for (const who of ['mon-b', 'mon-xa'] as const) {
      const session = s[who];
      expect((await get(t, listA, session)).status, who).toBe(404);
      expect((await get(t, caseA, session)).status, who).toBe(404);
      expect((await post(t, caseA, session, { status: 'dismissed', note: '', version: '1' })).status, who).toBe(404);
      expect((await post(t, `${listA}/bulk-status`, session, { ids: ['S-001'], status: 'dismissed' })).status, who).toBe(404);
    }
    // mon-b reads its own district's audit, but not an id of audit A through it.
    expect((await get(t, `/audits/${auditB.id}/findings/B-1`, s['mon-b'])).status).toBe(200);
    expect((await get(t, `/audits/${auditB.id}/findings/S-001`, s['mon-b'])).status).toBe(404);
    expect((await get(t, `${listA}/NOT-THERE`, s['mon-a'])).status).toBe(404);

    for (const who of ['aud-a', 'insp-a'] as const) {
      const session = s[who];
      const page = await get(t, caseA, session);
      expect(page.status, who).toBe(200);
      expectHas(page.html, '>Lịch sử</h2>');
      expectLacks(page.html, 'name="version"');
      expectLacks(page.html, '>Lưu</button>');
      expect((await post(t, caseA, session, { status: 'dismissed', note: '', version: '1' })).status, who).toBe(403);
      expect((await post(t, `${listA}/bulk-status`, session, { ids: ['S-001'], status: 'dismissed' })).status, who).toBe(403);
    }
    expect((await post(t, caseA, s['mon-a'], { status: 'dismissed', note: '', version: '1' }, null)).status).toBe(403);
    expect((await post(t, caseA, s['mon-a'], { status: 'dismissed', note: '', version: '1' }, 'sai-ma')).status).toBe(403);
    expect((await getFinding(ctx.db(), auditA.id, 'S-001'))?.status).toBe('new');

    const anonymous = await get(t, `${listA}?page=2`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe(`/login?${new URLSearchParams({ next: `${listA}?page=2` }).toString()}`);
  });

  it('shows a statistical finding\'s chart as an <img> with a data: URL and Vietnamese alt text, never as inline SVG', async () => {
    t = makeApp(ctx.db());
    const seeded = await seed(ctx.db());
    const { auditA } = seeded;
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>';
    await seedFindings(ctx.db(), auditA.id, [
      {
        id: 'CO-1',
        rule: 'COMMUNE_OUTLIER',
        category: 'statistical',
        severity: 'medium',
        score: 0.8,
        records: [],
        explanation: 'Phường Phúc Xá có số đối tượng trên 1.000 dân cao gấp 3 lần trung vị các xã cùng quận',
        evidence: { statistic: 'robustZ', chart: { svg, pngBase64: '', width: 10, height: 10 } },
      },
      {
        id: 'CO-2',
        rule: 'COMMUNE_OUTLIER',
        category: 'statistical',
        records: Array.from({ length: 12 }, (_, i) => ({ role: 'payouts' as const, file: 'chi-tra.xlsx', sheet: 'Thôn 1', row: i + 2 })),
      },
    ]);
    const { 'aud-a': auditor } = await users(t, seeded, ['aud-a']);
    const { html } = await get(t, `/audits/${auditA.id}/findings/CO-1`, auditor);
    expectHas(html, '>Biểu đồ</h2>');
    const img = /<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="([^"]+)"/.exec(html);
    expect(Buffer.from(img?.[1] ?? '', 'base64').toString('utf8')).toBe(svg);
    expect(img?.[2]).toMatch(/^Biểu đồ của phát hiện “Xã có số đối tượng/);
    expectLacks(html, '<svg');
    expectLacks(html, '<script>alert');
    expectHas(html, 'Phát hiện này không gắn với dòng dữ liệu cụ thể nào.');
    // Twelve rows do not fit side by side: one line each, and these rows were never uploaded.
    const many = (await get(t, `/audits/${auditA.id}/findings/CO-2`, auditor)).html;
    expectHas(many, 'Phát hiện dựa trên 12 dòng dữ liệu');
    expect(many.match(/chi-tra\.xlsx, trang tính “Thôn 1”, dòng \d+/g)).toHaveLength(12);
    expect(many.match(/Không còn trong dữ liệu/g)).toHaveLength(12);
    expectLacks(many, '>Biểu đồ</h2>');
  });
});
