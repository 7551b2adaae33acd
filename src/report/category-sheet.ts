import { columnLetter } from '../domain/index.js';
import type { DataValidation } from 'exceljs';
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

/** Rows written between two waits for the zip stream to drain (keeps memory flat on large sheets). */
const DRAIN_EVERY = 500;

/**
 * Writes one category sheet: a frozen, filtered header row and one row per finding. Under sheet
 * protection (no password) every cell is locked except "Trạng thái" (a drop-down of the five status
 * labels) and "Ghi chú", which monitors fill in offline and send back. Returns the number of rows.
 */
export async function writeCategorySheet(
  book: StreamingWorkbook,
  name: string,
  auditTitle: string,
  rows: AsyncIterable<FindingRowValues>,
): Promise<number> {
  const sheet = book.addSheet(name, sheetOptions({ orientation: 'landscape', printTitlesRow: '1:1', freezeRows: 1, headerLeft: auditTitle, headerRight: name }));
  sheet.columns = FINDING_COLUMNS.map((column) => ({ width: WIDTHS[column] }));

  const header = sheet.addRow([]);
  FINDING_COLUMNS.forEach((column, index) => setText(header.getCell(index + 1), FINDING_HEADERS[column], STYLES.header));
  header.height = 36;
  header.commit();

  let written = 0;
  for await (const values of rows) {
    const row = sheet.addRow([]);
    fillFindingRow(row, values);
    fitRowHeight(sheet, row);
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
