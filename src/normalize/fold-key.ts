import { canonicalTones } from './canonical-tones.js';
import { detectLegacyEncoding } from './detect-legacy-encoding.js';
import { convertTcvn3, convertVni } from './legacy-encoding.js';

/** Unicode text, legacy TCVN3/VNI converted when detected. */
export function decodeLegacy(text: string): string {
  const nfc = text.normalize('NFC');
  const legacy = detectLegacyEncoding(nfc);
  if (legacy === 'TCVN3') return convertTcvn3(nfc).normalize('NFC');
  if (legacy === 'VNI') return convertVni(nfc).normalize('NFC');
  return nfc;
}

/**
 * Pure ASCII: no normalisation, legacy encoding or diacritic can apply, so the fast paths below give
 * exactly what the general code gives (most cells of a list — numbers, IDs, codes — are ASCII).
 */
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case without diacritics, "đ" → "d"; everything else kept. */
export function stripDiacritics(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/**
 * A key for matching headers and labels: lower case, no diacritics, "đ" → "d", anything that is not
 * a letter or digit becomes a space, spaces collapsed. Legacy-encoded text is decoded first.
 *
 * @example foldKey('Số CMND/CCCD') // 'so cmnd cccd'
 */
export function foldKey(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return stripDiacritics(decodeLegacy(text))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A key for matching people by name: like {@link foldKey} but letters only, single spaces.
 *
 * @example nameKey('NGUYỄN  Văn Hoà') // 'nguyen van hoa'
 */
export function nameKey(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  return stripDiacritics(decodeLegacy(text))
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

/**
 * A person's name for display: decoded, spacing cleaned, tones in one placement, every word capitalised
 * (also after "-" and "'": "H'Hen", "Y-Ngông").
 *
 * @example displayName('NGUYỄN  văn hoà') // 'Nguyễn Văn Hòa'
 */
export function displayName(text: string): string {
  const cleaned = canonicalTones(decodeLegacy(text))
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  // Only words made of letters (and inner hyphens/apostrophes) are re-cased; anything else — a
  // formula, an e-mail, a code — is shown exactly as written.
  return cleaned
    .split(' ')
    .map((word) =>
      /^[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*$/u.test(word)
        ? word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase())
        : word,
    )
    .join(' ');
}
