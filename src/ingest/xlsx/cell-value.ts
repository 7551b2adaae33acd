/**
 * Converts the raw text of one cell into its value exactly as exceljs does: by cell type (`t`), with numbers
 * in date styles turned into Dates.
 */
import type { CellValue } from '../../domain/index.js';
import { parseIndex, parseNumber } from './byte-scan.js';
import { excelToDate } from './date-styles.js';
import { textFromBytes } from './xml-text.js';

/** What the scanner needs to turn raw cell text into values. */
export interface CellDecoding {
  readonly sharedStrings: readonly string[];
  /** 1 at the index of every cell style that formats numbers as dates. */
  readonly dateStyles: Uint8Array;
  readonly date1904: boolean;
}

/** The cell types of the `t` attribute. */
export const CellType = { Number: 0, Shared: 1, Str: 2, Inline: 3, Bool: 4, Error: 5, IsoDate: 6 } as const;
export type CellType = (typeof CellType)[keyof typeof CellType];

/** The type of a cell from the bytes of its `t` attribute. */
export function cellType(buf: Buffer, start: number, end: number): CellType {
  const len = end - start;
  const c = buf[start];
  if (len === 1) {
    if (c === 0x73) return CellType.Shared; // s
    if (c === 0x62) return CellType.Bool; // b
    if (c === 0x65) return CellType.Error; // e
    if (c === 0x64) return CellType.IsoDate; // d
    return CellType.Number;
  }
  if (len === 3 && c === 0x73) return CellType.Str; // str
  if (len === 9 && c === 0x69) return CellType.Inline; // inlineStr
  return CellType.Number;
}

/**
 * Parses an ISO 8601 `t="d"` cell value. A value without a zone is taken as UTC, like the serial dates.
 * (exceljs 4.4 parseFloat()s these into the year number; a Date is the value Excel shows.)
 */
function isoDate(text: string): Date | string {
  const trimmed = text.trim();
  const hasZone = /(?:Z|[+-]\d\d:?\d\d)$/.test(trimmed) || !trimmed.includes('T');
  const date = new Date(hasZone ? trimmed : `${trimmed}Z`);
  return Number.isNaN(date.getTime()) ? text : date;
}

/**
 * The value of a cell whose `<v>` text is in [vStart, vEnd) (vStart < 0 when absent) and whose inline string
 * (`<is>`) text is `inline`; null for an empty cell.
 */
export function cellValue(buf: Buffer, vStart: number, vEnd: number, type: CellType, style: number, inline: string | undefined, decoding: CellDecoding): CellValue {
    const hasV = vStart >= 0 && vEnd > vStart;
    let value: CellValue = null;
    switch (type) {
      case CellType.Shared:
        if (hasV) value = decoding.sharedStrings[parseIndex(buf, vStart, vEnd)] ?? null;
        break;
      case CellType.Str:
        if (hasV) value = textFromBytes(buf, vStart, vEnd);
        break;
      case CellType.Inline:
        value = inline ?? (hasV ? textFromBytes(buf, vStart, vEnd) : null);
        break;
      case CellType.Bool:
        if (hasV) value = parseInt(buf.toString('latin1', vStart, vEnd), 10) !== 0;
        break;
      case CellType.Error:
        if (hasV) value = { error: textFromBytes(buf, vStart, vEnd) };
        break;
      case CellType.IsoDate:
        if (hasV) value = isoDate(textFromBytes(buf, vStart, vEnd));
        break;
      default: {
        if (!hasV) break;
        const number = parseNumber(buf, vStart, vEnd);
        value = style >= 0 && decoding.dateStyles[style] === 1 ? excelToDate(number, decoding.date1904) : number;
      }
    }
  return value;
}
