import { isCellError } from '../domain/index.js';
import type { CellValue } from '../domain/index.js';

/**
 * The text of a cell as the xlsx reader gives it, NFC and trimmed, or null when the cell is empty,
 * blank or an error. Review files come back from Excel, LibreOffice or WPS, so numbers and dates are
 * accepted as text too.
 * @example cellText('  Mới ') // 'Mới'
 */
export function cellText(value: CellValue | undefined): string | null {
  if (value === null || value === undefined || isCellError(value)) return null;
  const raw = value instanceof Date ? value.toISOString() : String(value);
  const text = raw.normalize('NFC').trim();
  return text.length === 0 ? null : text;
}
