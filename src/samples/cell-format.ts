import type { Ymd } from './model.js';
import { formatDotted } from './amount-in-words.js';

/** A date as a UTC-midnight Date, the form exceljs writes as a date serial. */
export function toDate(d: Ymd): Date {
  return new Date(Date.UTC(d.y, d.m - 1, d.d));
}

/** "dd/mm/yyyy". */
export function dmy(d: Ymd): string {
  return `${String(d.d).padStart(2, '0')}/${String(d.m).padStart(2, '0')}/${d.y}`;
}

export type AmountFormat = 'number' | 'dotted' | 'dotted-d';

/** An amount as the list writes it: a number, "1.500.000" or "1.500.000 đ". */
export function formatAmount(amount: number, format: AmountFormat): number | string {
  if (format === 'number') return amount;
  return format === 'dotted' ? formatDotted(amount) : `${formatDotted(amount)} đ`;
}
