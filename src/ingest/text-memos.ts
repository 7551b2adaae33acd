import type { Gender, NormalizeFlag } from '../domain/index.js';
import { displayName, foldKey, nameKey, parseGender } from '../normalize/index.js';
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

function nameForms(text: string): NameForms {
  return { display: displayName(text) || null, key: nameKey(text) || null };
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
    name: memoNonAscii(nameForms),
    gender: memoNonAscii(parseGender),
  };
}
