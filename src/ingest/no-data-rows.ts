import { AppError } from '../domain/index.js';
import { SKIP_REASON_LABELS } from './format-inspect-report.js';
import { SKIP_REASONS, type SheetStats } from './types.js';

/** Sheets named in the message of a workbook whose data sheets are all empty; the rest are counted. */
const SHEETS_NAMED = 5;

const ADVICE = 'hãy kiểm tra lại tệp đã chọn (có thể đã chọn nhầm tệp, hoặc tệp mới có dòng tiêu đề mà chưa có danh sách)';

/**
 * The NO_DATA_ROWS error of a file in which no sheet has a single data row under its header (a
 * header-only template, a list saved before it was filled: almost surely the wrong file), or null
 * when some sheet has one. A rejected row (data but no name and no ID) counts as a data row: its own
 * problem tells the user what is wrong with it. Sheets without a header (notes, cover pages) do not count.
 * @example noDataRowsError('bad.csv', stats.sheets)?.message
 * // 'tệp "bad.csv", trang "bad", dòng 1: không có dòng dữ liệu nào dưới dòng tiêu đề này; hãy kiểm tra lại tệp đã chọn (…)'
 */
export function noDataRowsError(file: string, sheets: readonly SheetStats[]): AppError | null {
  if (sheets.some((s) => s.rowsRead + s.rowsRejected > 0)) return null;
  const headed = sheets.filter((s): s is SheetStats & { headerRow: number } => s.headerRow !== null);
  const skipped = skippedRows(headed);
  const only = headed.length === 1 ? headed[0] : undefined;
  if (only) {
    return new AppError('NO_DATA_ROWS', `không có dòng dữ liệu nào dưới dòng tiêu đề này${skipped}; ${ADVICE}`, {
      file,
      sheet: only.sheet,
      row: only.headerRow,
    });
  }
  const named = headed.slice(0, SHEETS_NAMED).map((s) => `trang "${s.sheet}", dòng tiêu đề ${s.headerRow}`);
  if (headed.length > SHEETS_NAMED) named.push(`và ${headed.length - SHEETS_NAMED} trang khác`);
  const where = named.length > 0 ? ` (${named.join('; ')})` : '';
  return new AppError('NO_DATA_ROWS', `không trang nào có dòng dữ liệu dưới dòng tiêu đề${where}${skipped}; ${ADVICE}`, { file });
}

/** ", 7 dòng bên dưới đều bị bỏ qua (dòng tổng 1, chữ ký 6)": rows the reader took for no data, should it have been wrong. */
function skippedRows(sheets: readonly SheetStats[]): string {
  const total = sheets.reduce((sum, s) => sum + s.rowsSkipped, 0);
  if (total === 0) return '';
  const reasons = SKIP_REASONS.map((r) => [r, sheets.reduce((sum, s) => sum + s.skipped[r], 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${SKIP_REASON_LABELS[r]} ${n}`);
  return ` (${total} dòng bên dưới đều bị bỏ qua: ${reasons.join(', ')})`;
}
