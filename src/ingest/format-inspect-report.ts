import { CANONICAL_FIELDS, type PersonRecord } from '../domain/index.js';
import type { InspectReport, InspectSheet, SkipReason } from './types.js';

export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  blank: 'dòng trống',
  section: 'tiêu đề mục',
  total: 'dòng tổng',
  signature: 'chữ ký',
  repeated_header: 'lặp tiêu đề',
  note: 'ghi chú/bằng chữ',
};

/** Pads to a display width, counting combining marks as zero-width so Vietnamese columns align. */
function pad(text: string, width: number): string {
  const len = [...text.normalize('NFC')].length;
  return len >= width ? text : text + ' '.repeat(width - len);
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

function rowSpan(rows: readonly number[]): string {
  if (rows.length === 0) return '—';
  const first = rows[0];
  const last = rows[rows.length - 1];
  return first === last ? `${first}` : `${first}–${last}`;
}

const num = new Intl.NumberFormat('vi-VN');

function sampleLine(r: PersonRecord): string {
  const parts: string[] = [];
  if (r.fullName) parts.push(r.fullName);
  if (r.birthYear !== null) parts.push(r.birthDate ?? String(r.birthYear));
  if (r.gender) parts.push(r.gender === 'M' ? 'Nam' : 'Nữ');
  if (r.idNumber) parts.push(`${r.idKind ?? 'ID'} ${r.idNumber}`);
  if (r.village) parts.push(r.village);
  if (r.communeName) parts.push(r.communeCode ? `${r.communeName} (${r.communeCode})` : r.communeName);
  if (r.groupCode || r.groupLabel) parts.push(`nhóm ${r.groupCode ?? '?'}${r.groupLabel ? ` "${truncate(r.groupLabel, 30)}"` : ''}`);
  if (r.members !== null) parts.push(`${r.members} khẩu`);
  if (r.months !== null) parts.push(`${r.months} tháng`);
  if (r.amount !== null) parts.push(`${num.format(r.amount)} đ`);
  if (r.deathDate !== null) parts.push(`chết ${r.deathDate}`);
  if (r.population !== null) parts.push(`dân số ${num.format(r.population)}`);
  if (r.flags.length) parts.push(`[${r.flags.join(', ')}]`);
  return `dòng ${r.row}: ${parts.join(' | ')}`;
}

function formatSheet(s: InspectSheet): string[] {
  const { plan, stats } = s;
  const lines: string[] = [];
  if (!plan.isDataSheet) {
    lines.push(`Trang "${plan.sheet}": không phải trang dữ liệu (${plan.reason ?? 'không rõ lý do'})`);
    return lines;
  }
  lines.push(`Trang "${plan.sheet}"`);
  lines.push(`  Dòng tiêu đề cột : ${rowSpan(plan.headerRows)}   Dữ liệu từ dòng: ${plan.dataStartRow}   Độ tin cậy: ${Math.round(plan.confidence * 100)}%`);
  const ctx = plan.context;
  if (ctx.title) lines.push(`  Tên danh sách    : ${truncate(ctx.title, 90)}`);
  const where = [
    ctx.communeHint ? `xã ${ctx.communeHint}` : null,
    ctx.districtHint ? `huyện ${ctx.districtHint}` : null,
    ctx.provinceHint ? `tỉnh ${ctx.provinceHint}` : null,
    ctx.village ? `địa bàn ${ctx.village}` : null,
    ctx.groupCode ? `nhóm ${ctx.groupCode}` : null,
  ].filter((x): x is string => x !== null);
  if (where.length) lines.push(`  Ngữ cảnh         : ${where.join(', ')}`);
  lines.push('  Ánh xạ cột:');
  const shown = plan.columns.filter((c) => c.header !== '' || c.field !== null);
  const headerWidth = Math.min(36, Math.max(10, ...shown.map((c) => [...truncate(c.header, 36)].length)));
  for (const c of shown) {
    const target = c.field ? `${c.field} (${CANONICAL_FIELDS[c.field]})` : '(không dùng, giữ trong dữ liệu gốc)';
    lines.push(`    ${pad(c.letter, 3)} ${pad(truncate(c.header || '(trống)', 36), headerWidth)} → ${target}`);
  }
  if (stats) {
    lines.push(`  Số dòng          : dữ liệu ${stats.rowsRead}, bị loại ${stats.rowsRejected}, bỏ qua ${stats.rowsSkipped}`);
    const reasons = (Object.keys(SKIP_REASON_LABELS) as SkipReason[])
      .filter((r) => stats.skipped[r] > 0)
      .map((r) => `${SKIP_REASON_LABELS[r]} ${stats.skipped[r]}`);
    if (reasons.length) lines.push(`  Bỏ qua theo lý do: ${reasons.join(', ')}`);
    if (stats.problems.length) {
      lines.push(`  Vấn đề (${stats.problems.length}):`);
      for (const p of stats.problems.slice(0, 10)) lines.push(`    dòng ${p.row}${p.column ? `, cột ${p.column}` : ''}: ${p.message}`);
      if (stats.problems.length > 10) lines.push(`    … và ${stats.problems.length - 10} vấn đề khác`);
    }
  }
  if (s.samples.length) {
    lines.push(`  ${s.samples.length} dòng đầu sẽ được lưu:`);
    for (const r of s.samples) lines.push(`    ${sampleLine(r)}`);
  }
  return lines;
}

/**
 * The `inspect` report as aligned Vietnamese text for a terminal: per sheet the header rows, the
 * column mapping, the counts by reason and the first records.
 */
export function formatInspectReport(report: InspectReport): string {
  const dataSheets = report.sheets.filter((s) => s.plan.isDataSheet).length;
  const lines = [
    `Tệp: ${report.file} (${report.format.toUpperCase()}), ${report.sheets.length} trang, ${dataSheets} trang dữ liệu`,
    `Tổng: dữ liệu ${report.rowsRead} dòng, bị loại ${report.rowsRejected}, bỏ qua ${report.rowsSkipped}`,
  ];
  for (const s of report.sheets) {
    lines.push('');
    lines.push(...formatSheet(s));
  }
  return `${lines.join('\n')}\n`;
}
