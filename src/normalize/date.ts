import { isCellError, type CellValue } from '../domain/index.js';
import { stripDiacritics } from './fold-key.js';

export interface ParseDateOptions {
  /** The column holds dates, so plain numbers 1..80000 are Excel serial dates (1900 date system). */
  readonly serial?: boolean;
  /**
   * Two-digit years up to this value are 20yy, above it 19yy. Default 20: the lists are from 2020, so
   * "15/03/45" is a birth in 1945 and "15/05/20" a payment in 2020.
   */
  readonly twoDigitYearPivot?: number;
}

export interface ParsedDate {
  /** `YYYY-MM-DD`, or null when only the year (or month and year) is known. */
  readonly date: string | null;
  readonly year: number | null;
}

const MIN_YEAR = 1850;
const MAX_YEAR = 2150;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A date or a bare year from a cell. Accepts Date cells (UTC parts), Excel serials when
 * `options.serial` (whole numbers 1900–2150 are always taken as years, never as 1905 serials),
 * "dd/mm/yyyy", "d/m/yyyy", "d-m-yy", "dd.mm.yyyy", "yyyy-mm-dd" (ISO, also with a time),
 * "ngày 5 tháng 3 năm 1980", "mm/yyyy" (year only) and a bare year ("1975" or 1975 →
 * {date: null, year: 1975}). Day-first is assumed; "03/25/1980" (second part > 12) is read month-first.
 * Impossible dates (31/02) and anything else give null, as do empty cells.
 *
 * @example parseDate('05/03/1980') // { date: '1980-03-05', year: 1980 }
 */
export function parseDate(value: CellValue, options: ParseDateOptions = {}): ParsedDate | null {
  if (value === null || value === undefined || isCellError(value) || typeof value === 'boolean') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return ymd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return fromNumber(value, options);
  const pivot = options.twoDigitYearPivot ?? 20;
  const t = stripDiacritics(String(value).normalize('NFC')).replace(/[\s\u00a0]+/g, ' ').trim();
  if (t === '') return null;
  if (/^\d+(?:\.0+)?$/.test(t) && t.length <= 4) return bareYear(Number(t));
  if (/^\d{5}(?:\.\d+)?$/.test(t) && options.serial) return fromNumber(Number(t), options);

  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/.exec(t);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));

  m = /^(\d{1,2}) ?[-/.] ?(\d{1,2}) ?[-/.] ?(\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?)?$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3] ?? '', pivot);
    if (b > 12 && a <= 12) return ymd(year, a, b);
    return ymd(year, b, a);
  }

  m = /^(?:ngay )?(\d{1,2}) thang (\d{1,2}),? nam (\d{4})$/.exec(t);
  if (m) return ymd(Number(m[3]), Number(m[2]), Number(m[1]));

  m = /^(?:thang )?(\d{1,2}) ?[-/.] ?(\d{4})$/.exec(t) ?? /^thang (\d{1,2}),? nam (\d{4})$/.exec(t);
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? bareYear(Number(m[2])) : null;
  }
  m = /^nam (\d{4})$/.exec(t);
  if (m) return bareYear(Number(m[1]));
  return null;
}

function fromNumber(n: number, options: ParseDateOptions): ParsedDate | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isInteger(n) && n >= 1900 && n <= MAX_YEAR) return bareYear(n);
  if (Number.isInteger(n) && n >= MIN_YEAR && n < 1900 && !options.serial) return bareYear(n);
  if (!options.serial || n < 1 || n > 80_000) return null;
  const day = Math.floor(n);
  if (day === 60) return null; // 29/02/1900, which Excel counts but never existed
  // Serials before 1900-03-01 are one day off because of Excel's fictitious 29/02/1900.
  const ms = EXCEL_EPOCH + (day < 60 ? day + 1 : day) * DAY_MS;
  const d = new Date(ms);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function bareYear(year: number): ParsedDate | null {
  return year >= MIN_YEAR && year <= MAX_YEAR ? { date: null, year } : null;
}

function fullYear(text: string, pivot: number): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y <= pivot ? 2000 + y : 1900 + y;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/**
 * Valid dates by `yyyymmdd`: a list repeats a few hundred payment and birth dates on a million rows.
 * Bounded by construction (years MIN_YEAR–MAX_YEAR), the results are frozen and so safe to share.
 */
const DATES = new Map<number, ParsedDate>();

function ymd(year: number, month: number, day: number): ParsedDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  const key = year * 10_000 + month * 100 + day;
  let parsed = DATES.get(key);
  if (parsed === undefined) {
    const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    parsed = Object.freeze({ date, year });
    DATES.set(key, parsed);
  }
  return parsed;
}
