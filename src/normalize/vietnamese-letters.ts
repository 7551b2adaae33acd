/**
 * Vietnamese letters split into a toneless letter and a tone, and back. Everything else in the
 * normaliser (tone placement, legacy-encoding detection, folding) builds on these two tables.
 */

/** 0 = no tone (ngang), 1 = sắc, 2 = huyền, 3 = hỏi, 4 = ngã, 5 = nặng. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

const TONE_MARKS: readonly string[] = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

/** Toneless vowels of the Vietnamese alphabet (lower case). */
export const VOWELS = 'aăâeêioôơuưy';
const TONE_BASES = VOWELS + VOWELS.toUpperCase();

interface Split {
  readonly base: string;
  readonly tone: Tone;
}

let splitTable: Map<string, Split> | undefined;
let joinTable: Map<string, string> | undefined;

function tables(): { split: Map<string, Split>; join: Map<string, string> } {
  if (splitTable && joinTable) return { split: splitTable, join: joinTable };
  const split = new Map<string, Split>();
  const join = new Map<string, string>();
  for (const base of TONE_BASES) {
    for (let t = 0; t < TONE_MARKS.length; t++) {
      const composed = (base + (TONE_MARKS[t] ?? '')).normalize('NFC');
      split.set(composed, { base, tone: t as Tone });
      join.set(`${base}${t}`, composed);
    }
  }
  for (const c of 'đĐbcdghklmnpqrstvxfjwzBCDGHKLMNPQRSTVXFJWZ') split.set(c, { base: c, tone: 0 });
  splitTable = split;
  joinTable = join;
  return { split, join };
}

/** The toneless letter and tone of one Vietnamese letter, or null for anything else: "ệ" → {base "ê", tone 5}. */
export function splitTone(ch: string): Split | null {
  return tables().split.get(ch) ?? null;
}

/** A toneless vowel with a tone put on it: ("ê", 5) → "ệ". Non-vowels are returned unchanged. */
export function joinTone(base: string, tone: Tone): string {
  return tables().join.get(`${base}${tone}`) ?? base;
}

/** True for a letter of the Vietnamese alphabet (any case, any tone) or an ASCII letter. */
export function isVietnameseLetter(ch: string): boolean {
  return tables().split.has(ch);
}
