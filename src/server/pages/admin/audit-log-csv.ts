import type { AuditLogEntry } from '../../../store/index.js';
import { formatDateTime } from '../format.js';

const HEADER = ['Số', 'Thời gian (UTC)', 'Thời gian (giờ Việt Nam)', 'Người dùng', 'Thao tác', 'Đối tượng', 'Chi tiết', 'Địa chỉ IP'];

/** One CSV field: quoted when needed; a leading = + - @ is defused so Excel never runs it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The audit log as CSV for Excel: UTF-8 with a byte-order mark (so Excel shows Vietnamese), CRLF
 * line ends, every column of every entry.
 */
export function auditLogCsv(entries: readonly AuditLogEntry[]): string {
  const lines = [HEADER.map(csvField).join(',')];
  for (const e of entries) {
    lines.push(
      [String(e.id), e.at, formatDateTime(e.at), e.actor ?? '', e.action, e.target ?? '', e.detail === null || e.detail === undefined ? '' : JSON.stringify(e.detail), e.ip ?? '']
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
