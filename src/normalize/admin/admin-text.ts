import { canonicalTones } from '../canonical-tones.js';
import { decodeLegacy, stripDiacritics } from '../fold-key.js';
import { hasDiacritics, keysOf, type AdminLevel, type UnitName } from './unit-name.js';

/** A unit named in free text: the level its keyword gives ("city" for "Thành phố", which can be either). */
export interface Mention {
  readonly level: AdminLevel | 'city' | 'any';
  /** Candidate names, longest first ("an bình năm 2020", "an bình năm", "an bình", "an"). */
  readonly names: readonly UnitName[];
  /** The name as written (first candidate). */
  readonly written: string;
}

interface Token {
  /** As written (case kept). */
  readonly original: string;
  readonly exact: string;
  readonly folded: string;
  readonly delimBefore: boolean;
  readonly dotAfter: boolean;
}

const KEYWORDS: ReadonlyArray<readonly [string, AdminLevel | 'city', string, boolean]> = [
  // folded words, level, type, needs a dot after (single letters)
  ['thi tran', 'commune', 'Thị trấn', false],
  ['thi xa', 'district', 'Thị xã', false],
  ['thanh pho', 'city', 'Thành phố', false],
  ['phuong', 'commune', 'Phường', false],
  ['xa', 'commune', 'Xã', false],
  ['tt', 'commune', 'Thị trấn', false],
  ['huyen', 'district', 'Huyện', false],
  ['quan', 'district', 'Quận', false],
  ['tx', 'district', 'Thị xã', false],
  ['tinh', 'province', 'Tỉnh', false],
  ['tp', 'city', 'Thành phố', false],
  ['p', 'commune', 'Phường', true],
  ['h', 'district', 'Huyện', true],
  ['q', 'district', 'Quận', true],
];
// Words after a keyword that make it no unit: "xã hội", "huyện ủy", "xã đội", "tỉnh lộ".
const NOT_A_NAME = new Set(['hoi', 'uy', 'doi', 'lo', 'bo', 'doan']);
const DELIMITER = /[,;:()[\]\-–—|/\n]/;
const MAX_NAME_WORDS = 6;

function tokenize(text: string): Token[] {
  const written = canonicalTones(decodeLegacy(text));
  const t = written.toLowerCase();
  const tokens: Token[] = [];
  let last = 0;
  for (const m of t.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = m.index ?? 0;
    const word = m[0];
    const original = t.length === written.length ? written.slice(start, start + word.length) : word;
    const gap = t.slice(last, start);
    const dotAfter = t[start + word.length] === '.';
    last = start + word.length;
    const glued = /^(q|p|tx|tt|tp)(\d+)$/.exec(word);
    if (glued) {
      const cut = (glued[1] ?? '').length;
      tokens.push({ original: original.slice(0, cut), exact: glued[1] ?? '', folded: glued[1] ?? '', delimBefore: DELIMITER.test(gap), dotAfter: true });
      tokens.push({ original: original.slice(cut), exact: glued[2] ?? '', folded: glued[2] ?? '', delimBefore: false, dotAfter });
      continue;
    }
    tokens.push({ original, exact: word, folded: stripDiacritics(word), delimBefore: DELIMITER.test(gap), dotAfter });
  }
  return tokens;
}

function keywordAt(tokens: readonly Token[], i: number): { length: number; level: AdminLevel | 'city'; type: string } | null {
  for (const [words, level, type, needsDot] of KEYWORDS) {
    const w = words.split(' ');
    if (!w.every((x, k) => tokens[i + k]?.folded === x)) continue;
    if (needsDot && !tokens[i + w.length - 1]?.dotAfter) continue;
    const next = tokens[i + w.length];
    if (!next || next.delimBefore || NOT_A_NAME.has(next.folded)) continue;
    return { length: w.length, level, type };
  }
  return null;
}

/**
 * Finds the units a title or address names: each type word ("xã", "huyện", "TP.", "Q.") followed by the
 * words up to the next type word or punctuation. A text with no type word is read as a comma-separated
 * address whose parts may be any level, last part first.
 */
export function extractMentions(text: string): Mention[] {
  const tokens = tokenize(text);
  const accented = hasDiacritics(text);
  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const kw = keywordAt(tokens, i);
    if (!kw) continue;
    const start = i + kw.length;
    let end = start;
    while (end < tokens.length && end - start < MAX_NAME_WORDS && (end === start || !tokens[end]?.delimBefore) && (end === start || !keywordAt(tokens, end))) end++;
    mentions.push(mention(tokens.slice(start, end), kw.level, kw.type, accented));
    i = end - 1;
  }
  if (mentions.length > 0) return mentions;
  // No type word: "Ấp 2, An Bình, Phú Giáo, Bình Dương".
  const segments: Token[][] = [];
  for (const tok of tokens) {
    const current = segments[segments.length - 1];
    if (!current || tok.delimBefore) segments.push([tok]);
    else current.push(tok);
  }
  return segments.reverse().filter((s) => s.length <= MAX_NAME_WORDS).map((s) => mention(s, 'any', null, accented));
}

function mention(tokens: readonly Token[], level: Mention['level'], type: string | null, accented: boolean): Mention {
  const names: UnitName[] = [];
  for (let k = tokens.length; k >= 1; k--) {
    const part = tokens.slice(0, k);
    names.push(keysOf(part.map((t) => t.exact), part.map((t) => t.folded), type, accented));
  }
  return { level, names, written: tokens.map((t) => t.original).join(' ') };
}
