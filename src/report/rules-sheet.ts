import { CATEGORY_LABELS, SEVERITY_LABELS } from '../domain/index.js';
import { STYLES } from './cell-styles.js';
import type { FindingTotals } from './finding-spool.js';
import { RULES_SHEET } from './labels.js';
import { sheetOptions } from './sheet-setup.js';
import { addHeaderRow, addTableRow, count, money, text } from './sheet-table.js';
import type { StreamingWorkbook } from './streaming-workbook.js';
import type { ReportInput } from './types.js';

const HEADERS = [
  'Mã quy tắc',
  'Nhóm phát hiện',
  'Tên quy tắc',
  'Căn cứ pháp lý',
  'Mức độ',
  'Ngưỡng áp dụng',
  'Số phát hiện',
  'Số tiền có nguy cơ sai (đồng)',
  'Ghi chú',
];

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });

/**
 * A threshold value as an auditor reads it: numbers with Vietnamese separators, lists joined by
 * commas, nested objects as `key: value` pairs.
 * @example formatThreshold(1500000) // '1.500.000'
 */
export function formatThreshold(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return numberFormat.format(value);
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(formatThreshold).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key}: ${formatThreshold(inner)}`)
      .join('; ');
  }
  return String(value);
}

/** Writes "Quy tắc": every check with its legal basis, the thresholds used and how many findings it raised. */
export async function writeRulesSheet(book: StreamingWorkbook, input: ReportInput, totals: FindingTotals): Promise<void> {
  const sheet = book.addSheet(RULES_SHEET, sheetOptions({ orientation: 'landscape', printTitlesRow: '1:1', freezeRows: 1, headerLeft: input.title, headerRight: RULES_SHEET }));
  sheet.columns = [26, 18, 36, 44, 12, 40, 12, 20, 36].map((width) => ({ width }));
  addHeaderRow(sheet, HEADERS);
  for (const check of input.checks) {
    const found = totals.byRule.get(check.id);
    const thresholds = Object.entries(check.thresholds).map(([key, value]) => `${key} = ${formatThreshold(value)}`);
    addTableRow(sheet, [
      text(check.id, STYLES.text),
      text(CATEGORY_LABELS[check.category]),
      text(check.title),
      text(check.legalBasis),
      text(SEVERITY_LABELS[check.severity], STYLES.textCenter),
      text(thresholds.length === 0 ? 'Không có' : thresholds.join('\n')),
      count(found?.count ?? 0),
      money(found?.amountAtRisk ?? 0),
      text(check.note ?? null),
    ]);
  }
  sheet.autoFilter = `A1:I${input.checks.length + 1}`;
  sheet.commit();
}
