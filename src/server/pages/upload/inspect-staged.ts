import { AppError, CANONICAL_FIELDS, formatLocation, type PersonRecord, type Role } from '../../../domain/index.js';
import { inspectFile, noDataRowsError, SKIP_REASON_LABELS, type InspectSheet, type SkipReason } from '../../../ingest/index.js';
import type { StagedFile, StagedSheet } from '../../jobs/upload-staging.js';
import { formatVnd } from '../format.js';

/** Sample rows shown per sheet. */
const SAMPLE_ROWS = 5;

/** What the preview shows of a stored record: label → the value as it will be stored. */
const SAMPLE_COLUMNS: readonly [string, (r: PersonRecord) => string | number | null][] = [
  ['Họ và tên', (r) => r.fullName],
  ['Ngày/năm sinh', (r) => r.birthDate ?? r.birthYear],
  ['Giới tính', (r) => (r.gender === 'M' ? 'Nam' : r.gender === 'F' ? 'Nữ' : null)],
  ['Số CMND/CCCD', (r) => (r.idNumber ? `${r.idNumber}${r.idKind && r.idKind !== 'INVALID' ? ` (${r.idKind})` : ' (không hợp lệ)'}` : null)],
  ['Mã hộ', (r) => r.householdCode],
  ['Chủ hộ', (r) => r.householdHead],
  ['Số khẩu', (r) => r.members],
  ['Thôn/tổ', (r) => r.village],
  ['Xã/phường', (r) => (r.communeName ? `${r.communeName}${r.communeCode ? ` (${r.communeCode})` : ''}` : null)],
  ['Nhóm', (r) => (r.groupCode || r.groupLabel ? [r.groupCode, r.groupLabel].filter(Boolean).join(' — ') : null)],
  ['Số tháng', (r) => r.months],
  ['Số tiền', (r) => (r.amount === null ? null : formatVnd(r.amount))],
  ['Ngày chi trả', (r) => r.paidDate],
  ['Số điện thoại', (r) => r.phone],
  ['Số tài khoản', (r) => r.bankAccount],
  ['Ngày chết', (r) => r.deathDate],
  ['Dân số', (r) => r.population],
  ['Ghi chú', (r) => r.note],
];

function sheetModel(s: InspectSheet): StagedSheet {
  const { plan, stats } = s;
  const skipped: Record<string, number> = {};
  if (stats) for (const [reason, n] of Object.entries(stats.skipped)) if (n > 0) skipped[SKIP_REASON_LABELS[reason as SkipReason]] = n;
  const fieldOfColumn = new Map(Object.entries(plan.mapping).map(([field, index]) => [index, field as keyof typeof CANONICAL_FIELDS]));
  return {
    sheet: plan.sheet,
    isDataSheet: plan.isDataSheet,
    reason: plan.reason ?? null,
    headerRows: plan.headerRows,
    dataStartRow: plan.dataStartRow,
    confidence: plan.confidence,
    title: plan.context.title,
    // Only the column the mapping uses keeps a field, so every field is shown on one column at most.
    columns: plan.columns
      .filter((c) => c.header !== '' || c.field !== null)
      .map((c) => ({ letter: c.letter, header: c.header, field: fieldOfColumn.get(c.index) ?? null })),
    rowsRead: stats?.rowsRead ?? 0,
    rowsSkipped: stats?.rowsSkipped ?? 0,
    rowsRejected: stats?.rowsRejected ?? 0,
    skipped,
    samples: s.samples.map((r) => {
      const values: Record<string, string> = {};
      for (const [label, get] of SAMPLE_COLUMNS) {
        const v = get(r);
        if (v !== null && v !== '') values[label] = String(v);
      }
      return { row: r.row, values };
    }),
  };
}

/**
 * Inspects a staged file as ingesting it would read it (no mapping: what detection found) and
 * returns what the preview shows, or the Vietnamese error naming file, sheet, row and column (also
 * for a file with nothing under its header rows, which ingesting would refuse).
 */
export async function inspectStaged(
  filePath: string,
  file: { name: string; folder: string },
  role: Role,
): Promise<{ ok: StagedFile } | { error: string }> {
  try {
    const report = await inspectFile(filePath, { role, sampleRows: SAMPLE_ROWS });
    // Refused here only when nothing at all is under the headers: rows all skipped may be data that a
    // corrected mapping reads (the ingest refuses the file if they still are not).
    const empty = report.rowsSkipped === 0 ? noDataRowsError(file.name, report.sheets.flatMap((s) => (s.stats ? [s.stats] : []))) : null;
    if (empty) return { error: empty.message };
    return { ok: { name: file.name, folder: file.folder, rowsRead: report.rowsRead, sheets: report.sheets.map(sheetModel) } };
  } catch (error) {
    if (error instanceof AppError) return { error: error.location?.file ? error.message : `${formatLocation({ file: file.name })}: ${error.message}` };
    return { error: `${formatLocation({ file: file.name })}: không đọc được tệp (tệp hỏng hoặc không đúng định dạng .xlsx/.csv)` };
  }
}
