import { isCellError, type CellValue, type NormalizeFlag } from '../domain/index.js';
import { detectLegacyEncoding, mayBeLegacy } from './detect-legacy-encoding.js';
import { convertTcvn3, convertVni } from './legacy-encoding.js';

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const CLEAN_ASCII = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
const WIDE_SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

export interface CleanTextOptions {
  /**
   * The encoding of the whole sheet, from {@link detectDominantEncoding}: every cell that may be legacy
   * text (Latin-1 letters, no Unicode-only Vietnamese letter) is converted, even when the cell alone
   * is ambiguous. Null or absent: each cell is judged on its own.
   */
  readonly legacy?: 'TCVN3' | 'VNI' | null;
}

/**
 * A cell as clean text: NFC, legacy TCVN3/VNI text converted (and flagged), invisible characters
 * removed, whitespace collapsed and trimmed. Numbers become plain decimals (never "1e+21"), dates
 * `YYYY-MM-DD` (UTC), booleans `TRUE`/`FALSE`; empty text and error cells become null.
 *
 * @example cleanText(' NguyÔn  V¨n Hïng ') // { text: 'Nguyễn Văn Hùng', flags: ['LEGACY_ENCODING_TCVN3'] }
 */
export function cleanText(value: CellValue, options: CleanTextOptions = {}): { text: string | null; flags: NormalizeFlag[] } {
  if (value === null || value === undefined || isCellError(value)) return { text: null, flags: [] };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', flags: [] };
  if (typeof value === 'number') return { text: Number.isFinite(value) ? plainNumber(value) : null, flags: [] };
  if (value instanceof Date) {
    return { text: Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10), flags: [] };
  }
  return cleanString(String(value), options.legacy ?? null);
}

/** Whether a text is printable ASCII, single-spaced and trimmed: {@link cleanText} returns it unchanged, unflagged. */
export function isCleanAscii(text: string): boolean {
  return CLEAN_ASCII.test(text);
}

function cleanString(raw: string, sheetLegacy: 'TCVN3' | 'VNI' | null): { text: string | null; flags: NormalizeFlag[] } {
  // Printable ASCII, single-spaced and trimmed is already clean: the general path would return it unchanged.
  if (CLEAN_ASCII.test(raw)) return { text: raw, flags: [] };
  let text = raw.normalize('NFC');
  const flags: NormalizeFlag[] = [];
  const legacy = sheetLegacy !== null ? (mayBeLegacy(text) ? sheetLegacy : null) : detectLegacyEncoding(text);
  if (legacy === 'TCVN3') {
    text = convertTcvn3(text).normalize('NFC');
    flags.push('LEGACY_ENCODING_TCVN3');
  } else if (legacy === 'VNI') {
    text = convertVni(text).normalize('NFC');
    flags.push('LEGACY_ENCODING_VNI');
  }
  text = text.replace(INVISIBLE, '').replace(WIDE_SPACE, ' ').trim();
  return { text: text === '' ? null : text, flags };
}

/**
 * A number as a plain decimal string without exponent: 1e21 → "1000000000000000000000", 1e-7 → "0.0000001".
 */
export function plainNumber(n: number): string {
  const s = String(n);
  if (!s.includes('e')) return s;
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const point = 1 + Number(m[4]); // position of the decimal point within `digits`
  let body: string;
  if (point <= 0) body = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) body = digits + '0'.repeat(point - digits.length);
  else body = digits.slice(0, point) + '.' + digits.slice(point);
  return (m[1] ?? '') + body;
}
