import ExcelJS from 'exceljs';
import type { Hono } from 'hono';
import type { AppEnv } from '../../src/server/index.js';

/**
 * A payouts workbook laid out like a commune's: a title block above the header (header on row 6),
 * a "Ghi chú" column K that actually holds phone numbers and an unnamed-to-the-detector column L
 * ("TK nhận tiền") that holds bank accounts.
 */
export async function titledPayoutsWorkbook(rows = 3, sheets: readonly string[] = ['Phúc Xá']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((name, s) => fillSheet(wb.addWorksheet(name), rows, s * rows));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function fillSheet(ws: ExcelJS.Worksheet, rows: number, first: number): void {
  ws.addRow(['UBND PHƯỜNG PHÚC XÁ', '', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  ws.addRow(['', '', '', '', 'Độc lập - Tự do - Hạnh phúc']);
  ws.addRow([]);
  ws.addRow(['DANH SÁCH CHI TRẢ HỖ TRỢ NGƯỜI CÓ CÔNG THEO NGHỊ QUYẾT 42/NQ-CP']);
  ws.addRow([]);
  ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Số CMND/CCCD', 'Xã/phường', 'Quận/huyện', 'Tỉnh/thành phố', 'Nhóm đối tượng', 'Số tiền', 'Ngày chi trả', 'Ghi chú', 'TK nhận tiền']);
  for (let i = first; i < first + rows; i++) {
    ws.addRow([
      i + 1,
      `Nguyễn Văn Số ${i}`,
      1940 + (i % 40),
      `0010${String(40 + (i % 40))}${String(100000 + i).padStart(6, '0')}`,
      'Phúc Xá',
      'Ba Đình',
      'Hà Nội',
      'Người có công',
      1_500_000,
      '15/05/2020',
      `09${String(12345670 + i).padStart(8, '0')}`,
      `1020${String(300000 + i)}`,
    ]);
  }
}

/** The preview's multipart form, as the upload page's form sends it. */
export function previewForm(csrf: string | null, role: string, files: { name: string; data: Uint8Array | string }[]): FormData {
  const form = new FormData();
  if (csrf !== null) form.append('_csrf', csrf);
  form.append('role', role);
  for (const f of files) form.append('file', new File([typeof f.data === 'string' ? f.data : new Uint8Array(f.data)], f.name));
  return form;
}

export interface PageSelect {
  id: string;
  name: string;
  label: string;
  value: string;
}

function unescape(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The page's <select>s with their label text and selected value (what a browser would send). */
export function selectsOf(html: string): PageSelect[] {
  const labels = new Map<string, string>();
  for (const m of html.matchAll(/<label for="([^"]+)"[^>]*>([^<]*)<\/label>/g)) labels.set(m[1] ?? '', unescape(m[2] ?? ''));
  const out: PageSelect[] = [];
  for (const m of html.matchAll(/<select id="([^"]+)" name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const options = [...(m[3] ?? '').matchAll(/<option value="([^"]*)"( selected="")?/g)];
    const chosen = options.find((o) => o[2]) ?? options[0];
    const id = m[1] ?? '';
    out.push({ id, name: unescape(m[2] ?? ''), label: labels.get(id) ?? '', value: chosen?.[1] ?? '' });
  }
  return out;
}

/** A hidden input's value. */
export function hiddenValue(html: string, name: string): string {
  const m = html.match(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`));
  if (!m?.[1]) throw new Error(`no hidden ${name}`);
  return m[1];
}

/** The confirm form as a browser sends it: the staging id, CSRF and every select, with `changes` by label. */
export function confirmBody(html: string, csrf: string, changes: Record<string, string> = {}): URLSearchParams {
  const body = new URLSearchParams({ _csrf: csrf, staging: hiddenValue(html, 'staging') });
  const selects = selectsOf(html);
  for (const [label, value] of Object.entries(changes)) {
    if (!selects.some((s) => s.label === label)) throw new Error(`no select labelled ${label}`);
  }
  for (const s of selects) body.append(s.name, changes[s.label] ?? s.value);
  return body;
}

/** Text content of the elements with role="alert". */
export function alerts(html: string): string {
  return [...html.matchAll(/role="alert"[^>]*>([\s\S]*?)<\/div>/g)].map((m) => unescape((m[1] ?? '').replace(/<[^>]+>/g, ' '))).join('\n');
}

/** Posts the preview form signed in with `session`. */
export function postPreview(app: Hono<AppEnv>, auditId: number, session: { cookie: string }, form: FormData): Promise<Response> | Response {
  return app.request(`/audits/${auditId}/upload/preview`, { method: 'POST', headers: { Cookie: session.cookie }, body: form });
}

/** Posts the confirm form signed in with `session`. */
export function postConfirm(app: Hono<AppEnv>, auditId: number, session: { cookie: string }, body: URLSearchParams): Promise<Response> | Response {
  return app.request(`/audits/${auditId}/upload/confirm`, {
    method: 'POST',
    headers: { Cookie: session.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });
}
