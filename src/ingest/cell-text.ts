import { isCellError, type CellValue, type NormalizeFlag } from '../domain/index.js';
import { cleanText } from '../normalize/index.js';

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

/** A row cleaned once: texts by column (see {@link cellText}) and the flags cleaning raised per column. */
export interface CleanRow {
  texts: (string | null)[];
  flags: (readonly NormalizeFlag[] | null)[];
}

export function cleanRow(cells: readonly CellValue[]): CleanRow {
  const texts: (string | null)[] = [];
  const flags: (readonly NormalizeFlag[] | null)[] = [];
  for (const v of cells) {
    if (typeof v === 'string') {
      const cleaned = cleanText(v);
      const t = cleaned.text === null ? null : cleaned.text.trim();
      texts.push(t === '' ? null : t);
      flags.push(cleaned.flags.length > 0 ? cleaned.flags : null);
    } else {
      texts.push(cellText(v));
      flags.push(null);
    }
  }
  return { texts, flags };
}

/** The distinct non-empty texts of a row, in column order (merged cells repeat one text). */
export function distinctTexts(texts: readonly (string | null)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of texts) {
    if (t === null || seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out;
}
