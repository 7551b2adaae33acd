import type { Borders, Cell, Fill, Font, Style } from 'exceljs';
import type { Severity } from '../domain/index.js';
import { isFormulaLike, safeText } from './safe-text.js';
import { quotePrefixed } from './streaming-workbook.js';

/**
 * The shared cell styles of the report workbooks. Each is one frozen object so exceljs registers it once
 * (it caches format ids by object identity); never mutate them.
 */
const FONT_NAME = 'Times New Roman';
const font = (extra: Partial<Font> = {}): Partial<Font> => ({ name: FONT_NAME, size: 11, ...extra });
const thin = { style: 'thin' as const, color: { argb: 'FF9E9E9E' } };
const border: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** VND amounts with thousand separators. */
export const VND_FORMAT = '#,##0';
export const DATE_FORMAT = 'dd/mm/yyyy';

const make = (style: Partial<Style>): Partial<Style> => Object.freeze(style) as Partial<Style>;

export const STYLES = {
  title: make({ font: font({ size: 16, bold: true, color: { argb: 'FF1F3864' } }) }),
  subtitle: make({ font: font({ size: 12, italic: true }) }),
  section: make({ font: font({ size: 13, bold: true, color: { argb: 'FF1F3864' } }) }),
  label: make({ font: font({ bold: true }), alignment: { vertical: 'top' } }),
  plain: make({ font: font(), alignment: { vertical: 'top' } }),
  plainWrap: make({ font: font(), alignment: { vertical: 'top', wrapText: true } }),
  plainMoney: make({ font: font({ bold: true }), numFmt: VND_FORMAT, alignment: { horizontal: 'left' } }),
  plainDateTime: make({ font: font(), numFmt: 'dd/mm/yyyy hh:mm', alignment: { horizontal: 'left' } }),
  header: make({
    font: font({ bold: true, color: { argb: 'FF1F3864' } }),
    fill: solid('FFD9E1F2'),
    border,
    alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  }),
  text: make({ font: font(), border, alignment: { vertical: 'top' } }),
  textWrap: make({ font: font(), border, alignment: { vertical: 'top', wrapText: true } }),
  textCenter: make({ font: font(), border, alignment: { vertical: 'top', horizontal: 'center' } }),
  integer: make({ font: font(), border, numFmt: '0', alignment: { vertical: 'top', horizontal: 'center' } }),
  count: make({ font: font(), border, numFmt: VND_FORMAT, alignment: { vertical: 'top' } }),
  money: make({ font: font(), border, numFmt: VND_FORMAT, alignment: { vertical: 'top' } }),
  percent: make({ font: font(), border, numFmt: '0.00%', alignment: { vertical: 'top' } }),
  date: make({ font: font(), border, numFmt: DATE_FORMAT, alignment: { vertical: 'top', horizontal: 'center' } }),
  totalLabel: make({ font: font({ bold: true }), border, fill: solid('FFF2F2F2'), alignment: { vertical: 'top' } }),
  totalCount: make({ font: font({ bold: true }), border, fill: solid('FFF2F2F2'), numFmt: VND_FORMAT }),
  /** Editable review cells (status, note): unlocked under sheet protection, tinted so monitors see where to type. */
  editable: make({
    font: font(),
    border,
    fill: solid('FFFFF2CC'),
    alignment: { vertical: 'top', wrapText: true },
    protection: { locked: false },
  }),
} as const;

const SEVERITY_COLOURS: Record<Severity, { fill: string; font: string }> = {
  high: { fill: 'FFF8CBAD', font: 'FF9C0006' },
  medium: { fill: 'FFFFE699', font: 'FF7F6000' },
  low: { fill: 'FFE2EFDA', font: 'FF375623' },
};

/** The severity cell: filled in the severity's colour (red, amber, green). */
export const SEVERITY_STYLES: Record<Severity, Partial<Style>> = {
  high: severityStyle('high'),
  medium: severityStyle('medium'),
  low: severityStyle('low'),
};

function severityStyle(severity: Severity): Partial<Style> {
  const colours = SEVERITY_COLOURS[severity];
  return make({
    font: font({ bold: true, color: { argb: colours.font } }),
    fill: solid(colours.fill),
    border,
    alignment: { vertical: 'top', horizontal: 'center' },
  });
}

/**
 * Writes a text cell the safe way: {@link safeText}, and Excel's quotePrefix when the text could be
 * taken for a formula. Null or empty text leaves the cell empty but styled.
 */
export function setText(cell: Cell, value: string | null | undefined, style: Partial<Style>): void {
  if (value === null || value === undefined) {
    cell.style = style;
    return;
  }
  const text = safeText(value);
  // An empty string cell is noise for filters and CSV exports: leave the cell empty instead.
  if (text.length === 0) {
    cell.style = style;
    return;
  }
  cell.value = text;
  cell.style = isFormulaLike(text) ? quotePrefixed(style) : style;
}

/** Writes a number cell (null leaves it empty but styled). */
export function setNumber(cell: Cell, value: number | null | undefined, style: Partial<Style>): void {
  if (value !== null && value !== undefined && Number.isFinite(value)) cell.value = value;
  cell.style = style;
}

/** Writes a date cell (null leaves it empty but styled). */
export function setDate(cell: Cell, value: Date | null, style: Partial<Style>): void {
  if (value !== null && !Number.isNaN(value.getTime())) cell.value = value;
  cell.style = style;
}
