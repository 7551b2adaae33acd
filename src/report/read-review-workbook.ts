import { CATEGORY_LABELS, REVIEW_STATUSES, REVIEW_STATUS_LABELS, AppError, columnLetter } from '../domain/index.js';
import type { RawRow } from '../domain/index.js';
import { openXlsx } from '../ingest/xlsx/index.js';
import { cellText } from './cell-text.js';
import { CATEGORY_SHEET_ORDER, FINDING_HEADERS, parseStatusLabel } from './labels.js';
import type { ReviewProblem, ReviewRow } from './types.js';

const CATEGORY_SHEETS = new Set(CATEGORY_SHEET_ORDER.map((category) => CATEGORY_LABELS[category]));
const STATUS_CHOICES = REVIEW_STATUSES.map((status) => REVIEW_STATUS_LABELS[status]).join(', ');
const REQUIRED = ['id', 'status', 'note'] as const;
type Columns = Record<(typeof REQUIRED)[number], number>; // 0-based

/** A finding id as the workbook writes it: no spaces, at most 200 characters. */
const ID_PATTERN = /^\S{1,200}$/;

/**
 * Reads back a findings workbook a monitor edited offline (in Excel, LibreOffice or WPS): for every
 * finding row of the five category sheets, the finding id, the review status (Vietnamese label → code)
 * and the note. Rows it cannot trust — missing or malformed id, empty or unknown status, an id given
 * twice, a header without the needed columns — are returned as problems naming sheet, row and column;
 * the caller refuses the whole file when there is any. The file is streamed with the ingest module's
 * xlsx reader (the one reader of the product), so 200,000 findings are read in bounded memory.
 * @throws AppError UNSUPPORTED_FORMAT / UNREADABLE_FILE when the file is no readable xlsx; BAD_INPUT
 * when it has none of the category sheets.
 */
export async function readReviewWorkbook(path: string): Promise<{ rows: ReviewRow[]; problems: ReviewProblem[] }> {
  const workbook = await openXlsx(path);
  const rows: ReviewRow[] = [];
  const problems: ReviewProblem[] = [];
  const seen = new Map<string, { sheet: string; row: number }>();
  try {
    const sheets = workbook.sheets.filter((sheet) => CATEGORY_SHEETS.has(sheet.name));
    if (sheets.length === 0) {
      const file = path.split(/[\\/]/).pop() ?? path;
      throw new AppError(
        'BAD_INPUT',
        `Tệp không phải sổ phát hiện: không có trang nào trong ${[...CATEGORY_SHEETS].map((s) => `"${s}"`).join(', ')}.`,
        { file },
      );
    }
    for (const { name } of sheets) {
      let columns: Columns | null = null;
      let headerRead = false;
      for await (const row of workbook.rows(name, { fillMerged: false })) {
        if (!headerRead) {
          headerRead = true;
          columns = headerColumns(row, name, problems);
        } else if (columns !== null) {
          readRow(row, name, columns, rows, problems, seen);
        }
      }
      if (!headerRead) problems.push({ sheet: name, row: 1, column: 'A', message: 'Trang trống: không có dòng tiêu đề của sổ phát hiện.' });
    }
  } finally {
    await workbook.close();
  }
  return { rows, problems };
}

/** Finds the id, status and note columns in the first row by header text; a missing one is a problem. */
function headerColumns(row: RawRow, sheet: string, problems: ReviewProblem[]): Columns | null {
  const found = new Map<string, number>();
  row.cells.forEach((value, index) => {
    const text = cellText(value);
    if (text !== null && !found.has(text)) found.set(text, index);
  });
  const columns: Partial<Columns> = {};
  for (const key of REQUIRED) {
    const index = found.get(FINDING_HEADERS[key]);
    if (index === undefined) {
      problems.push({ sheet, row: row.row, column: 'A', message: `Dòng tiêu đề không có cột "${FINDING_HEADERS[key]}".` });
    } else {
      columns[key] = index;
    }
  }
  const { id, status, note } = columns;
  return id === undefined || status === undefined || note === undefined ? null : { id, status, note };
}

function readRow(
  row: RawRow,
  sheet: string,
  columns: Columns,
  rows: ReviewRow[],
  problems: ReviewProblem[],
  seen: Map<string, { sheet: string; row: number }>,
): void {
  if (row.cells.every((value) => cellText(value) === null)) return;
  const at = (index: number) => ({ sheet, row: row.row, column: columnLetter(index) });
  const id = cellText(row.cells[columns.id] ?? null);
  const statusText = cellText(row.cells[columns.status] ?? null);
  const note = cellText(row.cells[columns.note] ?? null);
  let valid = true;
  if (id === null) {
    problems.push({ ...at(columns.id), message: 'Thiếu mã phát hiện: dòng có dữ liệu nhưng ô "Mã phát hiện" trống.' });
    valid = false;
  } else if (!ID_PATTERN.test(id)) {
    problems.push({ ...at(columns.id), message: `"${id.slice(0, 60)}" không phải mã phát hiện hợp lệ.` });
    valid = false;
  } else {
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push({ ...at(columns.id), message: `Mã phát hiện "${id}" đã có ở trang "${earlier.sheet}", dòng ${earlier.row}.` });
      valid = false;
    } else {
      seen.set(id, { sheet, row: row.row });
    }
  }
  const status = statusText === null ? null : parseStatusLabel(statusText);
  if (statusText === null) {
    problems.push({ ...at(columns.status), message: `Thiếu trạng thái; chọn một trong: ${STATUS_CHOICES}.` });
    valid = false;
  } else if (status === null) {
    problems.push({ ...at(columns.status), message: `Trạng thái "${statusText.slice(0, 60)}" không hợp lệ; chọn một trong: ${STATUS_CHOICES}.` });
    valid = false;
  }
  if (valid && id !== null && status !== null) rows.push({ id, status, note, sheet, row: row.row });
}
