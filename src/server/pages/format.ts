/** Formatting shared by the pages (Vietnamese conventions). */

const VND = new Intl.NumberFormat('vi-VN');

/** 1500000 → "1.500.000 đ". */
export function formatVnd(amount: number | null | undefined): string {
  return amount === null || amount === undefined || !Number.isFinite(amount) ? '—' : `${VND.format(Math.round(amount))} đ`;
}

/** 12345 → "12.345". */
export function formatCount(n: number): string {
  return VND.format(n);
}

/** ISO time → "29/11/2026 10:55" in Vietnam's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
}

/** Builds a same-site URL with query parameters, dropping empty ones. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** An error message of the lower layers ("địa bàn … nằm ngoài …") as a sentence for a page. */
export function asSentence(message: string): string {
  const text = message.trim();
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}
