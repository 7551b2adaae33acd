import { isCellError, type CellValue } from '../domain/index.js';

// Mobile prefixes renumbered on 15/09/2018 (11 → 10 digits): old "01xx" → new "0xx".
const OLD_MOBILE: ReadonlyMap<string, string> = new Map([
  ['0120', '070'], ['0121', '079'], ['0122', '077'], ['0126', '076'], ['0128', '078'],
  ['0123', '083'], ['0124', '084'], ['0125', '085'], ['0127', '081'], ['0129', '082'],
  ['0162', '032'], ['0163', '033'], ['0164', '034'], ['0165', '035'], ['0166', '036'],
  ['0167', '037'], ['0168', '038'], ['0169', '039'], ['0186', '056'], ['0188', '058'], ['0199', '059'],
]);

/**
 * A Vietnamese phone number as national digits starting with 0: "+84 912 345 678", "0912.345.678"
 * and the number 912345678 (a cell that lost its 0) all give "0912345678". Old 11-digit mobile numbers
 * are renumbered to today's 10 digits (0168… → 038…) so that both spellings match; landlines keep
 * 11 digits (024…). When a cell holds several numbers ("0912… / 0987…") the first is used.
 * Anything that is no valid number gives null.
 *
 * @example normalizePhone('+84 912 345 678') // '0912345678'
 */
export function normalizePhone(value: CellValue): string | null {
  if (value === null || value === undefined || isCellError(value) || typeof value === 'boolean' || value instanceof Date) return null;
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? fromDigits(String(value)) : null;
  const text = String(value).normalize('NFKC').trim();
  if (text === '') return null;
  for (const part of text.split(/[/;,|]|\s-\s|\bho[ặa]c\b/i)) {
    if (/\p{L}/u.test(part.replace(/^\s*(?:đt|dt|sđt|sdt|tel|phone|di động|dđ)\s*[:.]?/i, ''))) continue;
    const digits = part.replace(/^\s*\D*?(?=[+\d])/, '').replace(/[\s.\-()\u00a0]/g, '');
    if (!/^\+?\d+$/.test(digits)) continue;
    const phone = fromDigits(digits);
    if (phone) return phone;
  }
  return null;
}

function fromDigits(raw: string): string | null {
  let d = raw.replace(/^\+/, '');
  if (d.startsWith('0084')) d = d.slice(4);
  else if (d.startsWith('84') && (d.length === 11 || d.length === 12)) d = d.slice(2);
  if (!d.startsWith('0')) d = '0' + d;
  if (d.length === 11 && d.startsWith('01')) {
    const renumbered = OLD_MOBILE.get(d.slice(0, 4));
    return renumbered ? renumbered + d.slice(4) : null;
  }
  if (d.length === 10 && /^0[35789]/.test(d)) return d;
  if (d.length === 11 && d.startsWith('02')) return d;
  return null;
}
