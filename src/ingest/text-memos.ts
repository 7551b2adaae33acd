import type { Gender, NormalizeFlag } from '../domain/index.js';
import { foldKey, nameForms, parseGender, wordForms } from '../normalize/index.js';
import { boundedMemo } from './bounded-memo.js';
import { cleanTextCell } from './cell-text.js';

/** A text cell cleaned (see cleanText) and trimmed; null when empty. */
export interface CleanedText {
  readonly text: string | null;
  readonly flags: readonly NormalizeFlag[] | null;
}

/** A person's name in its two normalised forms (see displayName and nameKey). */
export interface NameForms {
  readonly display: string | null;
  readonly key: string | null;
}

/**
 * The per-cell text normalisations of one file, each memoised by its input text: they are pure and
 * the same texts recur on many rows, so each distinct text is normalised once per file.
 */
export interface TextMemos {
  clean(raw: string): CleanedText;
  fold(text: string): string;
  name(text: string): NameForms;
  gender(text: string): Gender | null;
}

/**
 * A name's forms built word by word from a per-file memo of words (see normalize's nameForms): full names
 * are too many to memoise (most of a district's are rare), the words they are made of are a few thousand.
 */
function memoNameForms(): (text: string) => NameForms {
  const word = boundedMemo(wordForms);
  return (text) => {
    const forms = nameForms(text, word);
    return { display: forms.display || null, key: forms.key || null };
  };
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Memoises `fn` for non-ASCII texts only: on ASCII (numbers, IDs, codes — mostly distinct) the
 * normalisations take a fast path that costs less than a cache lookup, and caching them would
 * only churn the cache.
 */
function memoNonAscii<T>(fn: (text: string) => T): (text: string) => T {
  const memo = boundedMemo(fn);
  return (text) => (ASCII.test(text) ? fn(text) : memo(text));
}

export function createTextMemos(): TextMemos {
  return {
    clean: memoNonAscii(cleanTextCell),
    fold: memoNonAscii(foldKey),
    name: memoNameForms(),
    gender: memoNonAscii(parseGender),
  };
}
