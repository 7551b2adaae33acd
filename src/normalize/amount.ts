import { isCellError, type CellValue } from '../domain/index.js';
import { stripDiacritics } from './fold-key.js';

// Multipliers written after a number: "1,5 triệu", "1.5tr", "500k", "500 nghìn".
const MULTIPLIERS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:ty|ti)$/, 1_000_000_000],
  [/^(?:trieu|tr)$/, 1_000_000],
  [/^(?:nghin|ngan|k)$/, 1_000],
];
const CURRENCY = /\s*(?:vnd|dong|d|₫)\.?$/;

/**
 * An amount of money in whole VND (rounded), or null when the cell holds none.
 *
 * Text may group thousands with "." (Vietnamese), "," (English) or spaces, and end with a currency
 * ("đ", "đồng", "VNĐ", "VND", "₫"). A separator followed by exactly three digits groups thousands, so
 * "1.500" and "1,500" are both 1500 (VND has no subunits in practice); a last separator followed by
 * one or two digits is a decimal mark ("1.500.000,00" → 1500000, "1,5 triệu" → 1500000). Multipliers
 * "tỷ", "triệu"/"tr", "nghìn"/"ngàn"/"k" are applied. Negatives: "-1.000" or "(1.000)".
 *
 * @example parseAmount('1.500.000 đ') // 1500000
 */
export function parseAmount(value: CellValue): number | null {
  if (value === null || value === undefined || isCellError(value)) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value) + 0 : null;
  if (typeof value !== 'string') return null;
  let t = stripDiacritics(value.normalize('NFC')).replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (t === '') return null;
  let sign = 1;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    sign = -1;
    t = (paren[1] ?? '').trim();
  }
  if (/^[-−–]/.test(t)) {
    sign = -sign;
    t = t.slice(1).trim();
  } else if (t.startsWith('+')) t = t.slice(1).trim();
  t = t.replace(/[.,]-$/, '').replace(CURRENCY, '').trim();
  let multiplier = 1;
  const unit = /^(.*\d)\s*([a-z]+)\.?$/.exec(t);
  if (unit) {
    const found = MULTIPLIERS.find(([re]) => re.test(unit[2] ?? ''));
    if (!found) return null;
    multiplier = found[1];
    t = (unit[1] ?? '').trim();
  }
  const n = parseGroupedNumber(t);
  if (n === null) return null;
  return Math.round(sign * n * multiplier) + 0;
}

/**
 * Parses "1.500.000", "1,500,000", "1 500 000", "1.500.000,50", "1,500,000.50", "1500", "1,5".
 * Returns null for anything else.
 */
export function parseGroupedNumber(text: string): number | null {
  const t = text.replace(/ (?=\d{3}(?:\D|$))/g, '');
  if (!/^\d[\d.,]*$/.test(t) || /[.,]$/.test(t)) return null;
  const seps = t.replace(/\d/g, '');
  if (seps === '') return Number(t);
  const last = Math.max(t.lastIndexOf('.'), t.lastIndexOf(','));
  const tail = t.length - last - 1;
  let intPart = t;
  let frac = '';
  if (new Set(seps).size === 2 || (tail !== 3 && seps.length === 1)) {
    // The last separator is a decimal mark; the others group thousands.
    intPart = t.slice(0, last);
    frac = t.slice(last + 1);
    if (intPart.includes(t[last] ?? '')) return null;
  } else if (tail !== 3) {
    return null;
  }
  const groups = intPart.split(/[.,]/);
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0] ?? '') || groups.slice(1).some((g) => g.length !== 3))) return null;
  const n = Number(groups.join('') + (frac !== '' ? '.' + frac : ''));
  return Number.isFinite(n) ? n : null;
}

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['mot', 1], ['hai', 2], ['ba', 3], ['bon', 4], ['tu', 4], ['nam', 5], ['sau', 6],
  ['bay', 7], ['tam', 8], ['chin', 9], ['muoi', 10],
]);

/**
 * A whole number from a cell: 3, "3", "03", "3 tháng", "1.200" (grouped), "ba tháng".
 * Non-integral numbers and other text give null.
 *
 * @example parseInteger('3 tháng') // 3
 */
export function parseInteger(value: CellValue): number | null {
  if (value === null || value === undefined || isCellError(value)) return null;
  if (typeof value === 'number') return Number.isInteger(value) ? value + 0 : null;
  if (typeof value !== 'string') return null;
  const t = stripDiacritics(value.normalize('NFC')).replace(/[\s\u00a0]+/g, ' ').trim();
  if (t === '') return null;
  const m = /^([-+]?)(\d[\d.,]*?)\s*(\p{L}[\p{L} ]*\.?)?$/u.exec(t);
  if (m) {
    const n = parseGroupedNumber(m[2] ?? '');
    if (n === null || !Number.isInteger(n)) return null;
    return (m[1] === '-' ? -n : n) + 0;
  }
  const w = /^(\p{L}+)(?: \p{L}+)*$/u.exec(t);
  if (w) return NUMBER_WORDS.get(w[1] ?? '') ?? null;
  return null;
}
