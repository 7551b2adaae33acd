import { splitTone, VOWELS, type Tone } from './vietnamese-letters.js';

/**
 * Vietnamese syllable structure (initial consonant + rhyme + tone). Used to put tone marks in one
 * place and to tell real Vietnamese words from legacy-encoded mojibake.
 */

const INITIALS = [
  'ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'th', 'tr', 'qu',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', '',
];

// Toneless rhymes of standard Vietnamese spelling (vowel nucleus with glides and final consonant).
const RHYME_LIST = `
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu
iêc iêm iên iêng iêp iêt iêu
o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oc oe oem oen oeo oet oi om on ong ooc oong op ot
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uân uâng uât uây uc uê uêch uênh ui um un ung uôc uôi uôm uôn uông uôt uơ up ut uy uya uych uyên uyêt uyn uynh uyp uyt uyu
ư ưa ưc ưi ưm ưn ưng ươc ươi ươm ươn ương ươp ươt ươu ưt ưu
y yêm yên yêng yêt yêu ych ynh yt
`;
const RHYMES = new Set(RHYME_LIST.split(/\s+/).filter((r) => r !== ''));
// After "gi" the "i" of "iê…" is not written: giếng, giền, giết.
const GI_RHYMES = new Set(['êc', 'êm', 'ên', 'êng', 'êp', 'êt', 'êu']);
const STOP_FINALS = /(?:p|t|c|ch)$/;
// Open rhymes whose tone newer spelling puts on the second vowel: hoà, khoẻ, thuý.
const NEW_STYLE_RHYMES = new Set(['oa', 'oe', 'uy']);

export interface Syllable {
  readonly initial: string;
  /** Toneless rhyme, e.g. "oa", "ương". */
  readonly rhyme: string;
}

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.includes(ch);
}

/** k, gh, ngh are written before i, e, ê, y only; c, g, ng never before e, ê (nor c, ng before i). */
function spellingFits(initial: string, first: string): boolean {
  if (initial === 'k' || initial === 'gh' || initial === 'ngh') return 'ieêy'.includes(first);
  if (initial === 'c' || initial === 'ng') return !'ieêy'.includes(first);
  if (initial === 'g') return !'eê'.includes(first);
  if (initial === 'qu') return !'ou'.includes(first);
  return true;
}

/** Splits a toneless lower-case word into initial and rhyme; null when it is no Vietnamese syllable. */
export function parseSyllable(toneless: string): Syllable | null {
  for (const initial of INITIALS) {
    if (!toneless.startsWith(initial)) continue;
    const rest = toneless.slice(initial.length);
    if ((initial === 'gi' || initial === 'qu') && !isVowel(rest[0])) continue;
    if (!RHYMES.has(rest) && !(initial === 'gi' && GI_RHYMES.has(rest))) continue;
    if (!spellingFits(initial, rest[0] ?? '')) continue;
    return { initial, rhyme: rest };
  }
  return null;
}

/**
 * Index within the rhyme of the vowel that carries the tone, in the traditional placement
 * ("hòa", "thúy", "khỏe"): a vowel with its own diacritic wins (the last one, for "ươ");
 * otherwise the last vowel when a consonant follows, the middle of three, the first of two.
 */
export function toneIndexInRhyme(rhyme: string): number {
  let vowels = 0;
  while (vowels < rhyme.length && isVowel(rhyme[vowels])) vowels++;
  let marked = -1;
  for (let i = 0; i < vowels; i++) if ('ăâêôơư'.includes(rhyme[i] ?? '')) marked = i;
  if (marked >= 0) return marked;
  if (vowels <= 1) return 0;
  if (vowels < rhyme.length) return vowels - 1;
  if (vowels === 3) return 1;
  return 0;
}

export interface WordAnalysis {
  /** Lower-case toneless letters of the word. */
  readonly toneless: string;
  readonly tone: Tone;
  /** Index (in the word) of the letter carrying the tone, or -1. */
  readonly toneAt: number;
  /** Number of tone marks found (more than one makes it no syllable). */
  readonly toneCount: number;
  readonly syllable: Syllable | null;
}

/** Analyses one word (letters only, any case). Returns null when it holds a character outside the Vietnamese alphabet. */
export function analyseWord(word: string): WordAnalysis | null {
  let toneless = '';
  let tone: Tone = 0;
  let toneAt = -1;
  let toneCount = 0;
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const split = splitTone((chars[i] ?? '').toLowerCase());
    if (!split) return null;
    toneless += split.base;
    if (split.tone !== 0) {
      tone = split.tone;
      toneAt = i;
      toneCount++;
    }
  }
  return { toneless, tone, toneAt, toneCount, syllable: toneCount <= 1 ? parseSyllable(toneless) : null };
}

/**
 * True when the word is a well-formed Vietnamese syllable: known initial and rhyme, at most one tone,
 * and only sắc or nặng on a syllable ending in p, t, c or ch.
 */
export function isVietnameseSyllable(word: string): boolean {
  const a = analyseWord(word);
  if (!a?.syllable) return false;
  const { initial, rhyme } = a.syllable;
  if (STOP_FINALS.test(rhyme) && (a.tone === 2 || a.tone === 3 || a.tone === 4)) return false;
  if (a.toneAt < 0) return true;
  // The tone sits on the vowel either placement style uses: "hòa" and "hoà", never "hoạ" for "hạo".
  const at = a.toneAt - initial.length;
  return at === toneIndexInRhyme(rhyme) || (at === 1 && NEW_STYLE_RHYMES.has(rhyme));
}

/** True for a syllable ending in p, t, c or ch that carries huyền, hỏi or ngã, which Vietnamese never writes ("Quèc"). */
export function hasImpossibleStopTone(word: string): boolean {
  const a = analyseWord(word);
  if (!a?.syllable) return false;
  return STOP_FINALS.test(a.syllable.rhyme) && (a.tone === 2 || a.tone === 3 || a.tone === 4);
}
