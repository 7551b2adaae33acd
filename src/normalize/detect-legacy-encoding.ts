import { convertTcvn3, convertVni } from './legacy-encoding.js';
import { hasImpossibleStopTone, isVietnameseSyllable } from './syllable.js';

// Letters beyond Latin-1 that only Unicode Vietnamese (or another Unicode script) has, and combining marks.
// Not the letters of Windows-1252's 0x80–0x9F (Œ œ Š š Ž ž Ÿ ƒ): legacy bytes shown through that code page
// look like them ("Ÿµng ThÞ" is TCVN3 text with a 0x9F byte), so they say nothing against a legacy encoding.
const UNICODE_ONLY = /[\u0100-\u0151\u0154-\u015f\u0162-\u0177\u0179-\u017c\u017f-\u0191\u0193-\u024f\u0300-\u036f\u1e00-\u1eff]/;
const HIGH_LATIN1 = /[\u00a1-\u00ff]/;
const MIXED_CASE = /[a-z\u00df-\u00ff][\u00c0-\u00de]|(?<=\p{L})[\u00c0-\u00de](?=[a-z\u00df-\u00ff])/u;

interface Score {
  readonly invalid: number;
  readonly valid: number;
}

function score(text: string, onlyHigh: boolean): Score {
  let invalid = 0;
  let valid = 0;
  for (const token of text.split(/[\s\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+/)) {
    if (token === '' || /[0-9]/.test(token)) continue;
    if (onlyHigh ? !HIGH_LATIN1.test(token) : /^[\x00-\x7f]*$/.test(token)) continue;
    // A capital accented letter inside a lower-case word ("PhÊn") is no proper Unicode spelling.
    if (onlyHigh && MIXED_CASE.test(token)) invalid++;
    else if (isVietnameseSyllable(token)) valid++;
    else invalid++;
  }
  return { invalid, valid };
}

// Latin-1 characters that are no letter of Unicode Vietnamese: their presence means the text is not
// (only) Unicode Vietnamese. VNI uses a subset of them; the rest occur only in TCVN3.
const NOT_VIETNAMESE = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/;
const VNI_CHARS = /[øûïåäëüæöñîØÛÏÅÄËÜÆÖÑÎ]/;
// A vowel followed by a VNI mark that is itself a Unicode letter: "aù", "eâ", "oã", "uõ".
const VNI_PAIR = /[aeouy][ùõâêáàãéèú]|[AEOUY][ÙÕÂÊÁÀÃÉÈÚ]|[ôÔöÖ][ùÙõÕ]|[òóÒÓ]/;
// A capital accented Latin-1 letter right after a letter: TCVN3 codes for "ễ", "ề", "ế"… inside a word ("NguyÔn").
const MID_WORD_CAPITAL = /\p{L}[\u00c0-\u00de]/u;

/** Words whose case is neither lower, Title nor (in an all-capitals text) UPPER: "Danh LƯ Huy". */
function oddCase(text: string): number {
  const tokens = text.split(/[^\p{L}]+/u).filter((t) => t !== '');
  const allCaps = tokens.every((t) => t === t.toUpperCase());
  return tokens.filter((t) => {
    if (t === t.toLowerCase()) return false;
    if (allCaps) return false;
    const rest = [...t].slice(1).join('');
    return rest !== rest.toLowerCase();
  }).length;
}

/**
 * False when {@link detectLegacyEncoding} is sure to return null without looking further: the text has no
 * Latin-1 letter above ASCII, or it has a letter only Unicode Vietnamese has. True for most legacy texts
 * and for some Unicode ones ("Lê Hà" has only Latin-1 letters).
 */
export function mayBeLegacyEncoded(text: string): boolean {
  return HIGH_LATIN1.test(text) && !UNICODE_ONLY.test(text);
}

/**
 * Tells whether a text is TCVN3 or VNI mojibake rather than Unicode. An encoding is considered only when
 * the text shows its traces (characters that are no Vietnamese letter; for VNI also a vowel followed by
 * a VNI mark) and no Unicode-only Vietnamese letter, and it is chosen only when decoding strictly
 * reduces the number of words that are no well-formed Vietnamese syllable. Correct Unicode Vietnamese
 * and English text are therefore left alone. A single ambiguous word may stay undetected ("Tróc" is
 * both a Unicode word and TCVN3 for "Trúc"); whole names are nearly always decided.
 *
 * @example detectLegacyEncoding('NguyÔn V¨n Hïng') // 'TCVN3'
 */
export function detectLegacyEncoding(text: string): 'TCVN3' | 'VNI' | null {
  if (!mayBeLegacyEncoded(text)) return null;
  const tcvn3Possible =
    NOT_VIETNAMESE.test(text) || MID_WORD_CAPITAL.test(text) || text.split(/[^\p{L}]+/u).some(hasImpossibleStopTone);
  const vniPossible = VNI_CHARS.test(text) || VNI_PAIR.test(text);
  if (!tcvn3Possible && !vniPossible) return null;
  const before = score(text, true);
  if (before.invalid === 0) return null;
  const tcvn3 = tcvn3Possible ? score(convertTcvn3(text), false) : null;
  const vni = vniPossible ? score(convertVni(text), false) : null;
  const tcvn3Better = tcvn3 !== null && tcvn3.invalid < before.invalid;
  const vniBetter = vni !== null && vni.invalid < before.invalid;
  if (tcvn3Better && vniBetter && tcvn3 !== null && vni !== null) {
    if (tcvn3.invalid !== vni.invalid) return tcvn3.invalid < vni.invalid ? 'TCVN3' : 'VNI';
    const oddT = oddCase(convertTcvn3(text));
    const oddV = oddCase(convertVni(text));
    if (oddT !== oddV) return oddT < oddV ? 'TCVN3' : 'VNI';
    // Equally good: characters VNI never uses decide for TCVN3.
    return NOT_VIETNAMESE.test(text.replace(new RegExp(VNI_CHARS.source, 'g'), '')) ? 'TCVN3' : 'VNI';
  }
  if (tcvn3Better) return 'TCVN3';
  if (vniBetter) return 'VNI';
  return null;
}

/**
 * The legacy encoding of a whole sheet or column, from its cells: the encoding most cells are detected
 * in, when at least 3 cells are and they outnumber the cells written in Unicode Vietnamese 4 to 1.
 * Pass it to `cleanText(value, { legacy })` so that the few cells a single-cell test cannot decide
 * ("Lý Thanh Tróc") are converted too.
 *
 * @example detectDominantEncoding(['NguyÔn V¨n Hïng', 'Lý Thanh Tróc', 'Lª ThÞ Hoa', 'TrÇn V¨n An']) // 'TCVN3'
 */
export function detectDominantEncoding(texts: Iterable<string>): 'TCVN3' | 'VNI' | null {
  let tcvn3 = 0;
  let vni = 0;
  let unicode = 0;
  for (const text of texts) {
    if (UNICODE_ONLY.test(text)) {
      unicode++;
      continue;
    }
    const kind = detectLegacyEncoding(text);
    if (kind === 'TCVN3') tcvn3++;
    else if (kind === 'VNI') vni++;
  }
  const [kind, count, other] = tcvn3 >= vni ? (['TCVN3', tcvn3, vni] as const) : (['VNI', vni, tcvn3] as const);
  if (count < 3 || count <= 4 * (unicode + other)) return null;
  return kind;
}

/** True when the text could be legacy-encoded at all: Latin-1 letters and no Unicode-only Vietnamese letter. */
export function mayBeLegacy(text: string): boolean {
  return HIGH_LATIN1.test(text) && !UNICODE_ONLY.test(text);
}
