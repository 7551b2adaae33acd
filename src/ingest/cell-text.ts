import { isCellError, type CellValue, type NormalizeFlag } from '../domain/index.js';
import { cleanText, isCleanAscii, plainNumber } from '../normalize/index.js';

/**
 * The cleaned text of a cell for classification and header matching (NFC, legacy encodings
 * converted, spaces collapsed), or null when empty. Dates become ISO dates, numbers plain decimals.
 */
export function cellText(value: CellValue | undefined): string | null {
  if (value === undefined || value === null || isCellError(value)) return null;
  const text = cleanText(value).text;
  return text === null || text.trim() === '' ? null : text.trim();
}

/** Texts of a row by column, null where empty. */
export function rowTexts(cells: readonly CellValue[]): (string | null)[] {
  return cells.map((c) => cellText(c));
}

/**
 * A row cleaned once: texts by column (see {@link cellText}) and the flags cleaning raised per column,
 * or null for the whole row when no cell raised any (the usual case: no array to allocate).
 */
export interface CleanRow {
  texts: (string | null)[];
  flags: (readonly NormalizeFlag[] | null)[] | null;
}

/**
 * Cleans a text cell: see {@link cellText}; flags null when cleaning raised none. `legacy`: the sheet's
 * legacy encoding (SheetPlan.legacy), applied to every cell that may be legacy text.
 */
export function cleanTextCell(raw: string, legacy: 'TCVN3' | 'VNI' | null = null): { text: string | null; flags: readonly NormalizeFlag[] | null } {
  const cleaned = cleanText(raw, { legacy });
  const text = cleaned.text === null ? null : cleaned.text.trim();
  return { text: text === '' ? null : text, flags: cleaned.flags.length > 0 ? cleaned.flags : null };
}

/** Cleans a row; `clean` turns a text cell into its text and flags (pass a memoised {@link cleanTextCell}). */
export function cleanRow(cells: readonly CellValue[], clean = cleanTextCell): CleanRow {
  const texts: (string | null)[] = new Array<string | null>(cells.length);
  let flags: (readonly NormalizeFlag[] | null)[] | null = null;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (typeof v === 'string') {
      if (isCleanAscii(v)) {
        // Already clean (most numbers-as-text, IDs, codes): no cleaning and no allocation.
        texts[i] = v;
        continue;
      }
      const cleaned = clean(v);
      texts[i] = cleaned.text;
      if (cleaned.flags !== null) {
        flags ??= new Array<readonly NormalizeFlag[] | null>(cells.length).fill(null);
        flags[i] = cleaned.flags;
      }
    } else if (typeof v === 'number') {
      // cellText without the intermediate object: a row has several number cells.
      texts[i] = Number.isFinite(v) ? plainNumber(v) : null;
    } else {
      texts[i] = cellText(v);
    }
  }
  return { texts, flags };
}

/** The distinct non-empty texts of a row, in column order (merged cells repeat one text). */
export function distinctTexts(texts: readonly (string | null)[]): string[] {
  const out: string[] = [];
  // Rows are short: a linear scan of the few texts kept so far beats building a Set per row.
  for (const t of texts) {
    if (t !== null && !out.includes(t)) out.push(t);
  }
  return out;
}
