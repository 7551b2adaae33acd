import { isCellError, type CellValue } from '../domain/index.js';
import { plainNumber } from './clean-text.js';

/**
 * A bank account number as digits only. Text keeps its leading zeros ("0011 0023 4567" →
 * "001100234567"); a number cell has already lost them and is returned as its digits. Numbers of 16 or
 * more digits lost precision in Excel and give null, as do cells with letters or fewer than 4 digits.
 *
 * @example normalizeAccount('0011-0023-4567') // '001100234567'
 */
export function normalizeAccount(value: CellValue): string | null {
  if (value === null || value === undefined || isCellError(value) || typeof value === 'boolean' || value instanceof Date) return null;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value <= 0 || value >= 1e15) return null;
    const digits = plainNumber(value);
    return digits.length >= 4 ? digits : null;
  }
  const text = String(value).normalize('NFKC').trim().replace(/^'/, '');
  if (text === '') return null;
  const digits = text.replace(/[\s.\-_\u00a0]/g, '');
  if (!/^\d{4,30}$/.test(digits)) return null;
  return digits;
}
