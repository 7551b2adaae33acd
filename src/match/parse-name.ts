/** Splits a Vietnamese full name into surname, middle name and given name keys, with their reference shares. */
import type { Gender } from '../domain/index.js';
import type { NameFrequencies, NamePart } from './name-frequencies.js';
import type { PrepareCache } from './prepare-cache.js';
import { hasDiacritics, toneForm, wordTokens } from './text.js';
import { keyOf } from './text-keys.js';

/** The name-derived part of a prepared record; shared by every record with the same name and gender. */
export interface NameParts {
  readonly surKey: string | null;
  readonly surTone: string | null;
  readonly midKey: string | null;
  readonly midTone: string | null;
  readonly givKey: string | null;
  readonly givTone: string | null;
  readonly surRef: number;
  readonly midRef: number;
  readonly givRef: number;
  readonly surRefKey: number;
  readonly midRefKey: number;
  readonly givRefKey: number;
  readonly inputKey: string | null; // the nameKey it was parsed with
  readonly surId: number;
  readonly midId: number;
  readonly givId: number;
  readonly joinedId: number;
  readonly surMidId: number; // surname + middle name, for blocking
}

function slice(tokens: readonly string[] | null, from: number, to: number): string | null {
  return tokens === null || to <= from ? null : tokens.slice(from, to).join(' ');
}

/**
 * A name part's share among reference names by its diacritic-free key (1 when absent). Module functions, not
 * closures in parseName: tsx keeps function names, so each closure made per name cost a defineProperty call.
 */
function keyShare(names: NameFrequencies, part: NamePart, key: string | null, gender: Gender | null): number {
  return key === null ? 1 : names.share(part, key, false, gender);
}

/** A name part's share by its tone form, else by its key's share. */
function toneShare(names: NameFrequencies, part: NamePart, tone: string | null, byKey: number, gender: Gender | null): number {
  return tone === null ? byKey : names.share(part, tone, true, gender);
}

export function parseName(
  full: string | null,
  nameKey: string | null,
  gender: Gender | null,
  names: NameFrequencies,
  cache: PrepareCache,
): NameParts {
  const key = keyOf(nameKey) ?? keyOf(full);
  const keyTokens = key === null ? [] : key.split(' ');
  let toneTokens: string[] | null = null;
  if (full !== null && hasDiacritics(full)) {
    const t = wordTokens(full).map((w) => {
      let f = cache.tones.get(w);
      if (f === undefined) {
        f = toneForm(w);
        cache.tones.set(w, f);
      }
      return f;
    });
    if (t.length === keyTokens.length) toneTokens = t;
  }
  const n = keyTokens.length;
  // One token: a given name only; two: surname + given; more: surname, middle name(s), given.
  const surTo = n >= 2 ? 1 : 0;
  const midTo = n >= 3 ? n - 1 : surTo;
  const surKey = slice(keyTokens, 0, surTo);
  const midKey = slice(keyTokens, surTo, midTo);
  const givKey = slice(keyTokens, n - 1, n);
  const surTone = slice(toneTokens, 0, surTo);
  const midTone = slice(toneTokens, surTo, midTo);
  const givTone = slice(toneTokens, n - 1, n);
  const midFirst = keyTokens[1];
  const nameGender: Gender | null =
    gender ?? (n >= 3 && midFirst === 'thi' ? 'F' : n >= 3 && midFirst === 'van' ? 'M' : null);
  const surRefKey = keyShare(names, 'surname', surKey, nameGender);
  const midRefKey = keyShare(names, 'middle', midKey, nameGender);
  const givRefKey = keyShare(names, 'given', givKey, nameGender);
  const nameJoined = key === null ? null : key.replace(/ /g, '');
  const surId = cache.surnames.id(surKey);
  const midId = cache.middles.id(midKey);
  const givId = cache.givens.id(givKey);
  // Texts as the caches keep them, one copy for all names that share a part (a million names, a few
  // thousand parts).
  return {
    surKey: cache.surnames.value(surId),
    surTone: cache.toneParts.canonical(surTone),
    midKey: cache.middles.value(midId),
    midTone: cache.toneParts.canonical(midTone),
    givKey: cache.givens.value(givId),
    givTone: cache.toneParts.canonical(givTone),
    surRef: toneShare(names, 'surname', surTone, surRefKey, nameGender),
    midRef: toneShare(names, 'middle', midTone, midRefKey, nameGender),
    givRef: toneShare(names, 'given', givTone, givRefKey, nameGender),
    surRefKey,
    midRefKey,
    givRefKey,
    inputKey: nameKey,
    surId,
    midId,
    givId,
    joinedId: cache.joined.id(nameJoined),
    surMidId: surKey === null ? -1 : cache.surMids.id(`${surKey}|${midKey ?? ''}`),
  };
}
