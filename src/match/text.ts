/**
 * Text keys for matching Vietnamese names and places: a diacritic-free key (`Nguyễn` → `nguyen`) and a
 * tone-normalised form (`Thuỳ` and `Thùy` → `thuy2`) so that tone-mark placement never counts as a difference.
 */

/** Combining tone marks: grave, acute, tilde, hook above, dot below; the digit each one becomes. */
const TONES: Readonly<Record<string, string>> = {
  '\u0300': '2',
  '\u0301': '1',
  '\u0303': '4',
  '\u0309': '3',
  '\u0323': '5',
};

const COMBINING = /[\u0300-\u036f]/g;

/**
 * Diacritic-free lowercase key with single spaces; `đ` → `d`, punctuation → space.
 * @example asciiKey('  Nguyễn  Thị Thuý ') // 'nguyen thi thuy'
 */
export function asciiKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * One syllable with its tone moved to a trailing digit, vowel marks (â, ă, ơ, ư, ê, ô, đ) kept; lowercase.
 * @example toneForm('Thuỳ') === toneForm('Thùy') // both 'thuy2'
 */
export function toneForm(token: string): string {
  let tone = '';
  let base = '';
  for (const ch of token.normalize('NFD').toLowerCase()) {
    const digit = TONES[ch];
    if (digit !== undefined) tone = digit;
    else base += ch;
  }
  return base.normalize('NFC') + tone;
}

/** True when the text carries any Vietnamese diacritic (so its tone form says more than its ASCII key). */
export function hasDiacritics(text: string): boolean {
  return /[^\u0000-\u007f]/.test(text);
}

/** Splits into tokens on whitespace and punctuation, keeping letters with their marks. */
export function wordTokens(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}
