import { isCellError, type CellValue } from '../domain/index.js';
import { parseDate } from './date.js';
import { stripDiacritics } from './fold-key.js';

const QUARTER: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * Support months as "YYYY-MM,YYYY-MM,…" (ascending, no repeats): "4,5,6/2020", "T4-T6/2020",
 * "04/2020", "Tháng 4, 5, 6 năm 2020", "từ tháng 4 đến tháng 6/2020", "4/2020-6/2020", "Quý II/2020",
 * a Date cell (its month). A text without a year uses `defaultYear`; without either it gives null
 * ("4-6" → null, but with 2020 → "2020-04,2020-05,2020-06"). Anything unreadable gives null.
 *
 * @example parsePeriod('T4-T6/2020') // '2020-04,2020-05,2020-06'
 */
export function parsePeriod(value: CellValue, defaultYear?: number): string | null {
  if (value === null || value === undefined || isCellError(value) || typeof value === 'boolean') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return format([[value.getUTCFullYear(), value.getUTCMonth() + 1]]);
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 12 || defaultYear === undefined) return null;
    return format([[defaultYear, value]]);
  }
  const t = stripDiacritics(value.normalize('NFC'))
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[–—]/g, '-')
    .trim();
  if (t === '') return null;

  // A full date (dd/mm/yyyy) names its month.
  if (/^\d{1,2}([/.-])\d{1,2}\1\d{4}$/.test(t)) {
    const d = parseDate(t);
    return d?.date ? format([[d.year ?? 0, Number(d.date.slice(5, 7))]]) : null;
  }

  // Ranges with a year on both ends: "4/2020-6/2020", "12/2020 đến 2/2021".
  const span = /^(?:tu )?(?:thang |t)?(\d{1,2}) ?[/.-] ?(\d{4}) ?(?:-|den) ?(?:thang |t)?(\d{1,2}) ?[/.-] ?(\d{4})$/.exec(t);
  if (span) return monthRange(Number(span[2]), Number(span[1]), Number(span[4]), Number(span[3]));

  const years = [...t.matchAll(/\b(19\d\d|20\d\d)\b/g)].map((m) => Number(m[1]));
  if (new Set(years).size > 1) return null;
  const year = years[0] ?? defaultYear;
  if (year === undefined) return null;
  let rest = t
    .replace(/\b(19\d\d|20\d\d)\b/g, ' ')
    .replace(/\bnam\b/g, ' ')
    .replace(/\b(?:tu|thang|den het|den|va|tháng)\b/g, (w) => (w === 'den' || w === 'den het' ? '-' : w === 'va' ? ',' : ' '))
    .replace(/\bt(?=\d)/g, ' ');

  const quarter = /^\W*quy ?(iv|iii|ii|i|[1-4])\W*$/.exec(rest.trim());
  if (quarter) {
    const q = QUARTER[quarter[1] ?? ''] ?? 0;
    return q ? format([1, 2, 3].map((k) => [year, (q - 1) * 3 + k] as [number, number])) : null;
  }

  rest = rest.replace(/[/.]\s*$/, '').replace(/\s*[/]\s*/g, ',').replace(/\s+/g, ' ').trim();
  if (!/^[\d\s,;+&-]+$/.test(rest)) return null;
  const months: number[] = [];
  for (const item of rest.split(/[,;+&]|\s(?=\d)(?<=\d\s)/)) {
    const part = item.trim();
    if (part === '') continue;
    const range = /^(\d{1,2}) ?- ?(\d{1,2})$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from < 1 || to > 12 || from > to) return null;
      for (let m = from; m <= to; m++) months.push(m);
      continue;
    }
    if (!/^\d{1,2}$/.test(part)) return null;
    const m = Number(part);
    if (m < 1 || m > 12) return null;
    months.push(m);
  }
  if (months.length === 0) return null;
  return format(months.map((m) => [year, m] as [number, number]));
}

function monthRange(y1: number, m1: number, y2: number, m2: number): string | null {
  if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12) return null;
  const start = y1 * 12 + m1 - 1;
  const end = y2 * 12 + m2 - 1;
  if (end < start || end - start > 36) return null;
  const out: [number, number][] = [];
  for (let k = start; k <= end; k++) out.push([Math.floor(k / 12), (k % 12) + 1]);
  return format(out);
}

function format(months: readonly (readonly [number, number])[]): string {
  const keys = months.map(([y, m]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
  return [...new Set(keys)].sort().join(',');
}
