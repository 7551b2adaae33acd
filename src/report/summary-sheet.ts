import { CATEGORY_LABELS, REVIEW_STATUSES, REVIEW_STATUS_LABELS, ROLE_LABELS, SEVERITY_LABELS } from '../domain/index.js';
import type { Worksheet } from 'exceljs';
import { STYLES, setDate, setNumber, setText } from './cell-styles.js';
import type { FindingChart } from './finding-charts.js';
import type { FindingTotals } from './finding-spool.js';
import { CATEGORY_SHEET_ORDER, SUMMARY_SHEET } from './labels.js';
import { sheetOptions } from './sheet-setup.js';
import { addBlankRow, addHeaderRow, addTableRow, count, money, percent, ratio, text } from './sheet-table.js';
import type { StreamingWorkbook } from './streaming-workbook.js';
import type { ReportInput } from './types.js';
import { vietnamWallClock } from './vietnam-time.js';

const COLUMN_WIDTHS = [34, 36, 24, 18, 18, 18, 22, 30];
const LAST_COLUMN = 'H';

/**
 * Writes "Tổng hợp": the audit and its package, the inputs (file names, SHA-256, rows read and
 * skipped per sheet), findings and amounts at risk by category, rule, commune and review status, and
 * the charts of the highest-scoring statistical findings, two side by side, each under its caption.
 */
export async function writeSummarySheet(
  book: StreamingWorkbook,
  input: ReportInput,
  totals: FindingTotals,
  charts: readonly FindingChart[] = [],
): Promise<void> {
  const sheet = book.addSheet(SUMMARY_SHEET, {
    ...sheetOptions({ orientation: 'landscape', headerLeft: input.title, headerRight: SUMMARY_SHEET }),
    properties: { tabColor: { argb: 'FF1F3864' } },
  });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));

  titleRow(sheet, 'BÁO CÁO KẾT QUẢ KIỂM TRA CHI TRẢ HỖ TRỢ', STYLES.title, 24);
  titleRow(sheet, input.title, STYLES.subtitle);
  titleRow(sheet, input.packageTitle, STYLES.subtitle);
  addBlankRow(sheet);

  section(sheet, 'I. THÔNG TIN CHUNG');
  info(sheet, 'Cuộc kiểm tra', (cell) => setText(cell, input.title, STYLES.plainWrap));
  info(sheet, 'Gói hỗ trợ', (cell) => setText(cell, `${input.packageTitle} (${input.packageId})`, STYLES.plainWrap));
  info(sheet, 'Phiên bản bộ quy tắc', (cell) => setText(cell, input.rulesVersion, STYLES.plain));
  info(sheet, 'Thời điểm lập (giờ Việt Nam)', (cell) => setDate(cell, vietnamWallClock(input.generatedAt), STYLES.plainDateTime));
  info(sheet, 'Tổng số phát hiện', (cell) => setNumber(cell, totals.count, STYLES.plainMoney));
  info(sheet, 'Tổng số tiền có nguy cơ sai (đồng)', (cell) => setNumber(cell, totals.amountAtRisk, STYLES.plainMoney));
  info(sheet, 'Số CMND/CCCD', (cell) =>
    setText(cell, input.maskIds ? 'Đã che, chỉ hiện 3 chữ số đầu và 3 chữ số cuối' : 'Hiện đầy đủ', STYLES.plain),
  );
  info(sheet, 'Lưu ý', (cell) =>
    setText(
      cell,
      'Mỗi phát hiện là dấu hiệu cần xác minh, chưa phải kết luận sai phạm. Người xem xét chọn "Trạng thái" và ghi "Ghi chú" trên các trang phát hiện rồi gửi lại tệp này để cập nhật kết quả.',
      STYLES.plainWrap,
    ),
    32,
  );
  addBlankRow(sheet);

  section(sheet, 'II. DỮ LIỆU ĐẦU VÀO');
  // The 64-character hash spans the last three columns.
  const shaSpan = [{ from: 6, to: 8 }];
  addHeaderRow(sheet, ['Loại dữ liệu', 'Tệp', 'Trang tính', 'Số dòng đã đọc', 'Số dòng bỏ qua', 'Mã băm SHA-256 của tệp'], { spans: shaSpan });
  for (const file of input.inputs) {
    addTableRow(
      sheet,
      [
        text(ROLE_LABELS[file.role] ?? file.role, STYLES.label),
        text(file.file),
        text('Cả tệp', STYLES.label),
        count(file.rowsRead, true),
        count(file.rowsSkipped, true),
        text(file.sha256, STYLES.text),
      ],
      shaSpan,
    );
    for (const part of file.sheets) {
      addTableRow(sheet, [text(null), text(null), text(part.sheet), count(part.rowsRead), count(part.rowsSkipped), text(null)], shaSpan);
    }
  }
  addBlankRow(sheet);

  section(sheet, 'III. PHÁT HIỆN THEO NHÓM');
  addHeaderRow(sheet, ['Nhóm phát hiện', 'Số phát hiện', 'Mức độ cao', 'Mức độ trung bình', 'Mức độ thấp', 'Số tiền có nguy cơ sai (đồng)']);
  for (const category of CATEGORY_SHEET_ORDER) {
    const t = totals.byCategory[category];
    addTableRow(sheet, [
      text(CATEGORY_LABELS[category]),
      count(t.count),
      count(t.bySeverity.high),
      count(t.bySeverity.medium),
      count(t.bySeverity.low),
      money(t.amountAtRisk),
    ]);
  }
  addTableRow(sheet, [
    text('Tổng cộng', STYLES.totalLabel),
    count(totals.count, true),
    ...(['high', 'medium', 'low'] as const).map((s) =>
      count(CATEGORY_SHEET_ORDER.reduce((sum, c) => sum + totals.byCategory[c].bySeverity[s], 0), true),
    ),
    money(totals.amountAtRisk, true),
  ]);
  addBlankRow(sheet);

  section(sheet, 'IV. PHÁT HIỆN THEO QUY TẮC');
  addHeaderRow(sheet, ['Mã quy tắc', 'Tên quy tắc', 'Nhóm phát hiện', 'Mức độ', 'Số phát hiện', 'Số tiền có nguy cơ sai (đồng)']);
  const listed = new Set<string>();
  for (const check of input.checks) {
    listed.add(check.id);
    const t = totals.byRule.get(check.id);
    addTableRow(sheet, [
      text(check.id, STYLES.text),
      text(check.title),
      text(CATEGORY_LABELS[check.category]),
      text(SEVERITY_LABELS[check.severity], STYLES.textCenter),
      count(t?.count ?? 0),
      money(t?.amountAtRisk ?? 0),
    ]);
  }
  for (const [rule, t] of totals.byRule) {
    if (listed.has(rule)) continue;
    addTableRow(sheet, [text(rule, STYLES.text), text(null), text(null), text(null), count(t.count), money(t.amountAtRisk)]);
  }
  addBlankRow(sheet);

  section(sheet, 'V. PHÁT HIỆN THEO XÃ');
  addHeaderRow(sheet, ['Xã', 'Mã xã', 'Số phát hiện', 'Số tiền có nguy cơ sai (đồng)', 'Số tiền đã chi (đồng)', 'Tỷ lệ tiền có nguy cơ sai']);
  for (const commune of input.communes) {
    addTableRow(sheet, [
      text(commune.name),
      text(commune.code, STYLES.textCenter),
      count(commune.findings),
      money(commune.amountAtRisk),
      money(commune.amountPaid),
      percent(ratio(commune.amountAtRisk, commune.amountPaid)),
    ]);
  }
  addBlankRow(sheet);

  section(sheet, 'VI. TÌNH TRẠNG XEM XÉT');
  addHeaderRow(sheet, ['Trạng thái', 'Số phát hiện']);
  for (const status of REVIEW_STATUSES) {
    addTableRow(sheet, [text(REVIEW_STATUS_LABELS[status]), count(totals.byStatus[status])]);
  }
  if (charts.length > 0) {
    addBlankRow(sheet);
    section(sheet, 'VII. BIỂU ĐỒ BẤT THƯỜNG THỐNG KÊ');
    chartRows(book, sheet, charts);
  }
  sheet.commit();
}

/** Where the two charts of a pair go: columns A:B and C:H (both wider than a chart). */
const CHART_SLOTS = [
  { from: 1, to: 2 },
  { from: 3, to: 8 },
] as const;
/** Widest a chart is drawn, in pixels: the width of columns A:B. */
const MAX_CHART_WIDTH = 480;
/** Height of the rows under a chart, in points (20 pixels). */
const CHART_ROW_POINTS = 15;

function chartRows(book: StreamingWorkbook, sheet: Worksheet, charts: readonly FindingChart[]): void {
  for (let first = 0; first < charts.length; first += CHART_SLOTS.length) {
    const pair = charts.slice(first, first + CHART_SLOTS.length);
    const caption = sheet.addRow([]);
    caption.height = 30;
    let tallest = 0;
    pair.forEach((chart, index) => {
      const slot = CHART_SLOTS[index] ?? CHART_SLOTS[0];
      const label = `${first + index + 1}. ${chart.ruleTitle} — ${chart.commune ?? 'không rõ xã'} (mã phát hiện ${chart.findingId})`;
      setText(caption.getCell(slot.from), label, STYLES.plainWrap);
      sheet.mergeCells(caption.number, slot.from, caption.number, slot.to);
      const scale = Math.min(1, MAX_CHART_WIDTH / chart.width);
      const width = Math.round(chart.width * scale);
      const height = Math.round(chart.height * scale);
      tallest = Math.max(tallest, height);
      // The caption row is row `caption.number` (1-based), so the picture starts on the next row.
      book.addPicture(sheet, { png: chart.png, width, height, col: slot.from - 1, row: caption.number, description: label });
    });
    caption.commit();
    const rows = Math.ceil(tallest / ((CHART_ROW_POINTS * 4) / 3)) + 1;
    for (let i = 0; i < rows; i += 1) {
      const row = sheet.addRow([]);
      row.height = CHART_ROW_POINTS;
      row.commit();
    }
  }
}

function titleRow(sheet: Worksheet, value: string, style: (typeof STYLES)[keyof typeof STYLES], height?: number): void {
  const row = sheet.addRow([]);
  setText(row.getCell(1), value, style);
  sheet.mergeCells(`A${row.number}:${LAST_COLUMN}${row.number}`);
  if (height !== undefined) row.height = height;
  row.commit();
}

function section(sheet: Worksheet, title: string): void {
  const row = sheet.addRow([]);
  setText(row.getCell(1), title, STYLES.section);
  row.height = 20;
  row.commit();
}

function info(sheet: Worksheet, label: string, fill: (cell: ReturnType<Worksheet['getCell']>) => void, height?: number): void {
  const row = sheet.addRow([]);
  // Excel does not fit the height of merged cells to wrapped text, so long values get an explicit one.
  if (height !== undefined) row.height = height;
  setText(row.getCell(1), label, STYLES.label);
  fill(row.getCell(2));
  sheet.mergeCells(`B${row.number}:${LAST_COLUMN}${row.number}`);
  row.commit();
}
