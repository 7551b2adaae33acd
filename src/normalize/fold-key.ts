import { canonicalTones } from './canonical-tones.js';
import { detectLegacyEncoding, mayBeLegacyEncoded } from './detect-legacy-encoding.js';
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
  return nameKeyOfDecoded(decodeLegacy(text));
}

/** {@link nameKey} of a text already decoded (see decodeLegacy). */
function nameKeyOfDecoded(text: string): string {
  return stripDiacritics(text)
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
  return displayNameOfDecoded(decodeLegacy(text));
}

/** {@link displayName} of a text already decoded (see decodeLegacy). */
function displayNameOfDecoded(text: string): string {
  const cleaned = canonicalTones(text)
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

/** A name in its two forms: {@link displayName} and {@link nameKey}. */
export interface NameForms {
  readonly display: string;
  readonly key: string;
}

/** Letters and single ASCII spaces between words: what nearly every name cell holds. */
const PLAIN_NAME = /^\p{L}+(?: \p{L}+)*$/u;

/**
 * {@link displayName} and {@link nameKey} of a text together, word by word when that gives the same result:
 * a plain name (letters and single spaces, NFC, surely not legacy-encoded) is transformed one word at a
 * time, since neither form lets one word affect another. `word` returns the forms of one word and may be
 * memoised: a district's million names are made of a few thousand words, while most full names are rare.
 */
export function nameForms(text: string, word: (w: string) => NameForms = wordForms): NameForms {
  const nfc = text.normalize('NFC');
  if (!PLAIN_NAME.test(nfc) || mayBeLegacyEncoded(nfc)) return { display: displayName(text), key: nameKey(text) };
  const words = nfc.split(' ');
  if (words.length === 1) return word(nfc);
  let display = '';
  let key = '';
  for (const w of words) {
    const forms = word(w);
    display = display === '' ? forms.display : `${display} ${forms.display}`;
    if (forms.key !== '') key = key === '' ? forms.key : `${key} ${forms.key}`;
  }
  return { display, key };
}

/** The forms of one word of a text known not to be legacy-encoded (no decoding: see nameForms). */
export function wordForms(word: string): NameForms {
  return { display: displayNameOfDecoded(word), key: ASCII.test(word) ? word.toLowerCase() : nameKeyOfDecoded(word) };
}
