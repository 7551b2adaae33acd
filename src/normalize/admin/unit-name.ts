import { canonicalTones } from '../canonical-tones.js';
import { decodeLegacy, stripDiacritics } from '../fold-key.js';

/** Administrative levels of 2020: tỉnh, huyện, xã. */
export type AdminLevel = 'province' | 'district' | 'commune';

/** A name split into words, with the unit type its prefix names (if any). */
export interface UnitName {
  /** Unit type named by the prefix: "Xã", "Phường", "Thị trấn", "Huyện", "Quận", "Thị xã", "Thành phố", "Tỉnh". */
  readonly type: string | null;
  /** Lower case, canonical tones, numbers without leading zeros: "phường 3" → "3". */
  readonly exact: string;
  /** {@link exact} without diacritics. */
  readonly folded: string;
  /** {@link folded} without spaces ("kontum", "ea hleo" → "eahleo"). */
  readonly compact: string;
  /** The text as written had diacritics somewhere (also in its prefix), so {@link exact} can be trusted. */
  readonly accented: boolean;
}

const PREFIXES: Readonly<Record<AdminLevel, ReadonlyArray<readonly [string, string]>>> = {
  province: [
    ['thanh pho truc thuoc trung uong', 'Thành phố'],
    ['thanh pho', 'Thành phố'],
    ['tinh', 'Tỉnh'],
    ['tp', 'Thành phố'],
    ['t p', 'Thành phố'],
  ],
  district: [
    ['thanh pho', 'Thành phố'],
    ['thi xa', 'Thị xã'],
    ['huyen', 'Huyện'],
    ['quan', 'Quận'],
    ['tp', 'Thành phố'],
    ['t p', 'Thành phố'],
    ['tx', 'Thị xã'],
    ['t x', 'Thị xã'],
    ['h', 'Huyện'],
    ['q', 'Quận'],
  ],
  commune: [
    ['thi tran', 'Thị trấn'],
    ['phuong', 'Phường'],
    ['xa', 'Xã'],
    ['tt', 'Thị trấn'],
    ['t t', 'Thị trấn'],
    ['p', 'Phường'],
    ['x', 'Xã'],
  ],
};

/** Lower-case words of a text (letters and digits), with their folded forms. */
export function words(text: string): { exact: string[]; folded: string[] } {
  const lower = canonicalTones(decodeLegacy(text)).toLowerCase();
  const exact = lower.match(/[\p{L}\p{N}]+/gu) ?? [];
  const spread: string[] = [];
  // "Q1", "P.3" glued to their number: split the letters from the digits.
  for (const w of exact) {
    const glued = /^(q|p|h|tx|tt|tp)(\d+)$/.exec(w);
    if (glued) spread.push(glued[1] ?? '', glued[2] ?? '');
    else spread.push(w);
  }
  return { exact: spread, folded: spread.map(stripDiacritics) };
}

/** Strips a known type prefix for the level and builds the matching keys. */
export function unitName(text: string, level: AdminLevel): UnitName {
  const w = words(text);
  let type: string | null = null;
  for (const [prefix, label] of PREFIXES[level]) {
    const p = prefix.split(' ');
    if (w.folded.length > p.length && p.every((x, i) => w.folded[i] === x)) {
      type = label;
      w.exact.splice(0, p.length);
      w.folded.splice(0, p.length);
      break;
    }
  }
  return keysOf(w.exact, w.folded, type, hasDiacritics(text));
}

/** True when the text has a letter outside ASCII (a Vietnamese diacritic or "đ"). */
export function hasDiacritics(text: string): boolean {
  return /[^\x00-\x7f]/.test(text.normalize('NFC').replace(/[^\p{L}]/gu, ''));
}

/** Keys for words already stripped of their prefix. */
export function keysOf(
  exactWords: readonly string[],
  foldedWords: readonly string[],
  type: string | null,
  accented: boolean,
): UnitName {
  const unpad = (x: string): string => (/^\d+$/.test(x) ? String(Number(x)) : x);
  const folded = foldedWords.map(unpad);
  return { type, exact: exactWords.map(unpad).join(' '), folded: folded.join(' '), compact: folded.join(''), accented };
}

/** The type prefix of a GSO name ("Thị Trấn …" written with a capital T included). */
export function typeOfGsoName(name: string, level: AdminLevel): string | null {
  return unitName(name, level).type;
}
