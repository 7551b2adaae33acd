import { analyseWord, toneIndexInRhyme } from './syllable.js';
import { joinTone, splitTone } from './vietnamese-letters.js';

/**
 * Puts every tone mark in one place, so that "hoà"/"hòa", "thuý"/"thúy" and "khoẻ"/"khỏe" become the
 * same text. The traditional placement is used (tone on the first vowel of an open "oa", "oe", "uy":
 * hòa, thúy, khỏe), which is what most keyboards type and what most GSO names use. Case is kept;
 * words that are no Vietnamese syllable (English, minority-language names, typos) are left alone.
 *
 * @example canonicalTones('Nguyễn Thị Thuý Hoà') // 'Nguyễn Thị Thúy Hòa'
 */
export function canonicalTones(text: string): string {
  return text.normalize('NFC').replace(/\p{L}+/gu, fixWord);
}

function fixWord(word: string): string {
  if (/^[\x00-\x7f]*$/.test(word)) return word;
  const a = analyseWord(word);
  if (!a?.syllable || a.toneCount !== 1) return word;
  const target = a.syllable.initial.length + toneIndexInRhyme(a.syllable.rhyme);
  if (target === a.toneAt) return word;
  const chars = [...word];
  const from = chars[a.toneAt];
  const to = chars[target];
  if (from === undefined || to === undefined) return word;
  chars[a.toneAt] = moveCase(from, joinTone(splitTone(from.toLowerCase())?.base ?? from, 0));
  chars[target] = moveCase(to, joinTone(splitTone(to.toLowerCase())?.base ?? to, a.tone));
  return chars.join('');
}

/** Gives `lower` the case of `like`. */
function moveCase(like: string, lower: string): string {
  return like !== like.toLowerCase() ? lower.toUpperCase() : lower;
}
