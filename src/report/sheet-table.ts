import type { Style, Worksheet } from 'exceljs';
import { STYLES, setNumber, setText } from './cell-styles.js';
import { fitRowHeight } from './fit-row-height.js';

/** One cell of a simple table: its kind decides the format. */
export type TableCell =
  | { kind: 'text'; value: string | null; style?: Partial<Style> }
  | { kind: 'count' | 'money' | 'integer' | 'percent'; value: number | null; bold?: boolean };

export const text = (value: string | null, style?: Partial<Style>): TableCell =>
  style === undefined ? { kind: 'text', value } : { kind: 'text', value, style };
export const count = (value: number | null, bold = false): TableCell => ({ kind: 'count', value, bold });
export const money = (value: number | null, bold = false): TableCell => ({ kind: 'money', value, bold });
export const percent = (value: number | null): TableCell => ({ kind: 'percent', value });

const NUMBER_STYLES = {
  count: STYLES.count,
  money: STYLES.money,
  integer: STYLES.integer,
  percent: STYLES.percent,
} as const;

/** Columns (1-based, inclusive) whose cells are merged into the first, e.g. a wide last column. */
export interface Span {
  from: number;
  to: number;
}

function mergeSpans(sheet: Worksheet, rowNumber: number, spans: readonly Span[]): void {
  for (const { from, to } of spans) {
    for (let column = from + 1; column <= to; column += 1) {
      const style = sheet.getCell(rowNumber, from).style;
      sheet.getCell(rowNumber, column).style = style;
    }
    sheet.mergeCells(rowNumber, from, rowNumber, to);
  }
}

/** Writes a header row at the sheet's next row and commits it; returns its row number. */
export function addHeaderRow(sheet: Worksheet, headers: readonly string[], options: { height?: number; spans?: readonly Span[] } = {}): number {
  const row = sheet.addRow([]);
  headers.forEach((header, index) => setText(row.getCell(index + 1), header === '' ? null : header, STYLES.header));
  row.height = options.height ?? 32;
  mergeSpans(sheet, row.number, options.spans ?? []);
  row.commit();
  return row.number;
}

/** Writes one table row at the sheet's next row and commits it; returns its row number. */
export function addTableRow(sheet: Worksheet, cells: readonly TableCell[], spans: readonly Span[] = []): number {
  const firstColumn = 1;
  const row = sheet.addRow([]);
  cells.forEach((cell, index) => {
    const target = row.getCell(firstColumn + index);
    if (cell.kind === 'text') {
      setText(target, cell.value, cell.style ?? STYLES.textWrap);
    } else if (cell.bold === true && (cell.kind === 'count' || cell.kind === 'money')) {
      setNumber(target, cell.value, STYLES.totalCount);
    } else {
      setNumber(target, cell.value, NUMBER_STYLES[cell.kind]);
    }
  });
  mergeSpans(sheet, row.number, spans);
  fitRowHeight(sheet, row);
  row.commit();
  return row.number;
}

/** Writes a blank row and commits it. */
export function addBlankRow(sheet: Worksheet): void {
  sheet.addRow([]).commit();
}

/** Escapes text for an Excel page header/footer, where `&` starts a code. */
export function headerFooterText(value: string): string {
  return value.replace(/&/g, '&&');
}

/** A ratio, or null when the denominator is zero. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
