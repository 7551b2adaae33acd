/**
 * A cell value as the spreadsheet readers return it: formulas by their cached result,
 * rich text flattened to plain text, hyperlinks by their text, error cells as `#N/A`-style strings
 * wrapped in {@link CellError}, date-formatted numbers as `Date` (UTC midnight-based).
 */
export type CellValue = string | number | boolean | Date | CellError | null;

/** An Excel error cell such as `#N/A` or `#DIV/0!`. */
export interface CellError {
  readonly error: string;
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'error' in value;
}

/** One spreadsheet row: `row` is the 1-based row number as Excel shows it (CSV: line number, header = 1). */
export interface RawRow {
  readonly row: number;
  /** 0-based by column: cells[0] is column A. Missing cells are null; trailing nulls may be absent. */
  readonly cells: readonly CellValue[];
}

/** A merged range, 1-based inclusive rows and columns. */
export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Excel column letters for a 0-based column index: 0 → "A", 27 → "AB". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
