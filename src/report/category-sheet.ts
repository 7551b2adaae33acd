import { columnLetter } from '../domain/index.js';
import type { DataValidation, Row, Worksheet } from 'exceljs';
import { STYLES, setText } from './cell-styles.js';
import { fillFindingRow } from './finding-row.js';
import { fitRowHeight } from './fit-row-height.js';
import type { FindingRowValues } from './finding-row.js';
import { FINDING_COLUMNS, FINDING_HEADERS, STATUS_LIST_FORMULA, findingColumnNumber } from './labels.js';
import { sheetOptions } from './sheet-setup.js';
import type { StreamingWorkbook } from './streaming-workbook.js';

const WIDTHS: Record<keyof typeof FINDING_HEADERS, number> = {
  id: 30,
  rule: 30,
  severity: 12,
  name: 24,
  idNumber: 16,
  birthYear: 10,
  commune: 18,
  village: 14,
  group: 22,
  amountPaid: 14,
  amountAtRisk: 14,
  explanation: 60,
  source: 36,
  status: 20,
  reviewer: 18,
  reviewedAt: 12,
  note: 36,
};

const LAST_COLUMN = columnLetter(FINDING_COLUMNS.length - 1);

/** Header, width (characters) and size (pixels) of the chart column of the statistical sheet. */
const CHART_HEADER = 'Biểu đồ';
const CHART_COLUMN_WIDTH = 28;
const THUMBNAIL_HEIGHT = 100;
const THUMBNAIL_MAX_WIDTH = 190;

/** Rows written between two waits for the zip stream to drain (keeps memory flat on large sheets). */
const DRAIN_EVERY = 500;

/**
 * Writes one category sheet: a frozen, filtered header row and one row per finding. Under sheet
 * protection (no password) every cell is locked except "Trạng thái" (a drop-down of the five status
 * labels) and "Ghi chú", which monitors fill in offline and send back. With `charts`, a last column
 * "Biểu đồ" shows the chart of each finding that has one, scaled into its row. Returns the number of rows.
 */
export async function writeCategorySheet(
  book: StreamingWorkbook,
  name: string,
  auditTitle: string,
  rows: AsyncIterable<FindingRowValues>,
  options: { charts?: boolean } = {},
): Promise<number> {
  const sheet = book.addSheet(name, sheetOptions({ orientation: 'landscape', printTitlesRow: '1:1', freezeRows: 1, headerLeft: auditTitle, headerRight: name }));
  const charts = options.charts === true;
  sheet.columns = [
    ...FINDING_COLUMNS.map((column) => ({ width: WIDTHS[column] })),
    ...(charts ? [{ width: CHART_COLUMN_WIDTH }] : []),
  ];

  const header = sheet.addRow([]);
  FINDING_COLUMNS.forEach((column, index) => setText(header.getCell(index + 1), FINDING_HEADERS[column], STYLES.header));
  if (charts) setText(header.getCell(FINDING_COLUMNS.length + 1), CHART_HEADER, STYLES.header);
  header.height = 36;
  header.commit();

  let written = 0;
  for await (const values of rows) {
    const row = sheet.addRow([]);
    fillFindingRow(row, values);
    fitRowHeight(sheet, row);
    if (charts && values.chart !== undefined) addRowChart(book, sheet, row, values.chart, values.id);
    row.commit();
    written += 1;
    if (written % DRAIN_EVERY === 0) await book.drain(sheet);
  }

  const lastRow = written + 1;
  sheet.autoFilter = `A1:${LAST_COLUMN}${lastRow}`;
  if (written > 0) {
    const status = columnLetter(findingColumnNumber('status') - 1);
    // The streaming WorksheetWriter has `dataValidations` (written at commit) but exceljs's typings omit it.
    (sheet as unknown as { dataValidations: { add(address: string, validation: DataValidation): void } }).dataValidations.add(`${status}2:${status}${lastRow}`, {
      type: 'list',
      allowBlank: false,
      formulae: [STATUS_LIST_FORMULA],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Trạng thái không hợp lệ',
      error: 'Chọn một trong năm trạng thái: Mới, Đang xác minh, Xác nhận sai phạm, Đã thu hồi, Không sai phạm.',
      showInputMessage: true,
      promptTitle: 'Trạng thái xem xét',
      prompt: 'Chọn trạng thái trong danh sách.',
    });
  }
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
  });
  sheet.commit();
  return written;
}

/** Anchors a finding's chart in the chart column of its row, scaled to a thumbnail the row is made tall enough for. */
function addRowChart(
  book: StreamingWorkbook,
  sheet: Worksheet,
  row: Row,
  chart: NonNullable<FindingRowValues['chart']>,
  findingId: string,
): void {
  const scale = Math.min(THUMBNAIL_HEIGHT / chart.height, THUMBNAIL_MAX_WIDTH / chart.width, 1);
  const width = Math.round(chart.width * scale);
  const height = Math.round(chart.height * scale);
  // Pixels to points (96 dpi), plus a little room under the picture.
  row.height = Math.max(row.height ?? 0, Math.ceil((height * 3) / 4) + 4);
  book.addPicture(sheet, { png: chart.file, width, height, col: FINDING_COLUMNS.length, row: row.number - 1, description: `Biểu đồ của phát hiện ${findingId}` });
}
