import { isCellError, type CellValue, type NormalizeFlag, type ParsedId } from '../domain/index.js';
import { plainNumber } from './clean-text.js';
import { isCccdProvinceCode } from './cccd-provinces.js';

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;

/**
 * Parses a CMND (9 digits) or CCCD (12 digits `PPP G YY NNNNNN`) number and decodes what a CCCD holds.
 *
 * Separators (spaces, dots, dashes) and an Excel text apostrophe are ignored. Text keeps its zeros.
 * Digits that lost their leading zeros (a number cell, or a CSV written from one) are padded only where
 * the length makes it certain: 11 digits → 12 (a CCCD always starts with 0), 10 digits → 12 when the
 * padded province code is valid (else `ID_AMBIGUOUS_LENGTH`), 8 digits → 9 (CMND); each is flagged
 * `ID_LEADING_ZERO_RESTORED`. Scientific notation ("1,23457E+11", numbers ≥ 1e15) lost digits:
 * kind INVALID with `ID_SCIENTIFIC_NOTATION`. For INVALID kinds `value` is the text as written without
 * spaces. Empty cells give null.
 *
 * @example parseIdNumber('001 0 84 000999').birthYear // 1984
 */
export function parseIdNumber(value: CellValue): ParsedId | null {
  if (value === null || value === undefined || isCellError(value)) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return invalid(String(value), ['ID_INVALID']);
    if (Math.abs(value) >= 1e15) return invalid(plainNumber(value), ['ID_SCIENTIFIC_NOTATION']);
    if (!Number.isInteger(value) || value < 0) return invalid(plainNumber(value), ['ID_INVALID']);
    return fromDigits(plainNumber(value), true);
  }
  if (typeof value === 'boolean' || value instanceof Date) {
    return invalid(value instanceof Date ? value.toISOString().slice(0, 10) : String(value).toUpperCase(), ['ID_INVALID']);
  }
  // Plain digits, the commonest cell by far: what the general path below gives, without its copies.
  if (typeof value === 'string' && isAsciiDigits(value)) return fromDigits(value, value.charCodeAt(0) !== 0x30);
  const text = String(value).normalize('NFKC').replace(/[\s\u00a0\u200b\ufeff]+/g, '').replace(/^'/, '');
  if (text === '') return null;
  if (SCIENTIFIC.test(text)) return invalid(text, ['ID_SCIENTIFIC_NOTATION']);
  const digits = text.replace(/[.\-–_/]/g, '');
  if (!/^\d+$/.test(digits)) return invalid(text, ['ID_INVALID']);
  // A text that starts with 0 was typed as text and keeps its length; one that does not may be a
  // number exported as text (CSV), so it gets the same padding as a number.
  return fromDigits(digits, !digits.startsWith('0'));
}

function isAsciiDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function fromDigits(digits: string, mayHaveLostZeros: boolean): ParsedId {
  if (digits.length === 12) return cccd(digits, []);
  if (digits.length === 9) return cmnd(digits, []);
  if (mayHaveLostZeros) {
    if (digits.length === 11) return cccd('0' + digits, ['ID_LEADING_ZERO_RESTORED']);
    if (digits.length === 10) {
      const padded = '00' + digits;
      return isCccdProvinceCode(padded.slice(0, 3))
        ? cccd(padded, ['ID_LEADING_ZERO_RESTORED'])
        : invalid(digits, ['ID_AMBIGUOUS_LENGTH']);
    }
    if (digits.length === 8) return cmnd('0' + digits, ['ID_LEADING_ZERO_RESTORED']);
  }
  return invalid(digits, ['ID_INVALID']);
}

function cccd(digits: string, flags: NormalizeFlag[]): ParsedId {
  const provinceCode = digits.slice(0, 3);
  const g = Number(digits[3]);
  const century = 1900 + 100 * Math.floor(g / 2);
  const out: NormalizeFlag[] = [...flags];
  if (!isCccdProvinceCode(provinceCode)) out.push('ID_UNKNOWN_PROVINCE');
  return {
    value: digits,
    kind: 'CCCD',
    provinceCode,
    gender: g % 2 === 1 ? 'F' : 'M',
    century,
    birthYear: century + Number(digits.slice(4, 6)),
    flags: out,
  };
}

function cmnd(digits: string, flags: NormalizeFlag[]): ParsedId {
  return { value: digits, kind: 'CMND', provinceCode: null, gender: null, century: null, birthYear: null, flags };
}

function invalid(value: string, flags: NormalizeFlag[]): ParsedId {
  return { value, kind: 'INVALID', provinceCode: null, gender: null, century: null, birthYear: null, flags };
}
