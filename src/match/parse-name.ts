/** Splits a Vietnamese full name into surname, middle name and given name keys, with their reference shares. */
import type { Gender } from '../domain/index.js';
import type { NameFrequencies, NamePart } from './name-frequencies.js';
import type { PrepareCache } from './prepare-cache.js';
import { hasDiacritics, toneForm, wordTokens } from './text.js';
import { keyOf } from './text-keys.js';

/**
 * One part of a name (surname, middle or given name) with its tone form and reference shares: one object for
 * every name with that part, tone form and gender (a few thousand for a million names).
 */
export interface NamePartInfo {
  readonly key: string | null;
  readonly tone: string | null;
  readonly ref: number; // share among reference names by the tone form, else by the key
  readonly refKey: number; // share by the key
  readonly id: number; // the key's id among the keys of this part (−1: none)
}

/** The name-derived part of a prepared record; shared by every record with the same name and gender. */
export interface NameParts {
  readonly sur: NamePartInfo;
  readonly mid: NamePartInfo;
  readonly giv: NamePartInfo;
  readonly inputKey: string | null; // the nameKey it was parsed with
  /**
   * The same for every name whose key is the same without spaces ("Mỹ Tiên" / "MỹTiên"; see sameJoined), for
   * blocking; a number standing for that text, not its text (rarely, two texts share one: see joinedKey).
   */
  readonly joinedId: number;
  readonly surMidId: number; // surname + middle name, for blocking
}

/** No part (a name of one word has no surname): number 0 of every NameTable's parts. */
export const NO_PART: NamePartInfo = { key: null, tone: null, ref: 1, refKey: 1, id: -1 };

/** A name's key without spaces ("nguyenthimytien") from its parts. */
export const joinedOfParts = (sur: NamePartInfo, mid: NamePartInfo, giv: NamePartInfo): string =>
  `${sur.key ?? ''}${mid.key ?? ''}${giv.key ?? ''}`.replace(/ /g, '');

/**
 * Whether two names' keys are the same without spaces, from their joinedIds and parts (see NameParts): the
 * same parts are the same text; parts split elsewhere ("Mỹ Tiên" / "MỹTiên") are compared as texts.
 */
export function samePartsJoined(
  aJoined: number, aSur: NamePartInfo, aMid: NamePartInfo, aGiv: NamePartInfo,
  bJoined: number, bSur: NamePartInfo, bMid: NamePartInfo, bGiv: NamePartInfo,
): boolean {
  if (aJoined < 0 || aJoined !== bJoined) return false;
  if (aSur.key === bSur.key && aMid.key === bMid.key && aGiv.key === bGiv.key) return true;
  return joinedOfParts(aSur, aMid, aGiv) === joinedOfParts(bSur, bMid, bGiv);
}

/** The name's key without spaces ("nguyenthimytien"); null when the name has none. */
export function joinedText(name: NameParts): string | null {
  return name.joinedId < 0 ? null : joinedOfParts(name.sur, name.mid, name.giv);
}

/** Whether two names' keys are the same without spaces. */
export function sameJoined(a: NameParts, b: NameParts): boolean {
  return samePartsJoined(a.joinedId, a.sur, a.mid, a.giv, b.joinedId, b.sur, b.mid, b.giv);
}

/**
 * A number standing for a name key without its spaces (two 32-bit FNV-1a hashes over its characters, 53 bits
 * in all), for {@link NameParts.joinedId}. The texts themselves, a million-payout audit's names once more
 * without spaces, were some 50 MB with the map numbering them. Two texts sharing a number (about one pair in
 * 10^4 audits of a million distinct names) only share a block: the scorer compares the texts (sameJoined).
 */
function joinedKey(key: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 0x20) continue;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
  }
  return (h1 >>> 0) * 2097152 + ((h2 >>> 0) & 0x1fffff);
}

/** Name parts by part, then by tone form (or by key when written without tones), then by gender (none, M, F). */
export interface PartInfos {
  readonly byTone: Map<string, (NamePartInfo | undefined)[]>[];
  readonly byKey: Map<string, (NamePartInfo | undefined)[]>[];
}

export const newPartInfos = (): PartInfos => ({ byTone: [new Map(), new Map(), new Map()], byKey: [new Map(), new Map(), new Map()] });

const PARTS: readonly NamePart[] = ['surname', 'middle', 'given'];

/** The shared info of part `k` (0 surname, 1 middle, 2 given) with this key, tone form and gender. */
function partInfo(cache: PrepareCache, names: NameFrequencies, k: number, key: string | null, tone: string | null, gender: Gender | null): NamePartInfo {
  if (key === null) return NO_PART;
  const byText = tone === null ? cache.partInfos.byKey[k] : cache.partInfos.byTone[k];
  if (byText === undefined) return NO_PART;
  const g = gender === 'M' ? 1 : gender === 'F' ? 2 : 0;
  const text = tone ?? key;
  let slots = byText.get(text);
  const known = slots?.[g];
  if (known !== undefined && known.key === key) return known;
  const part = PARTS[k] ?? 'given';
  const interner = k === 0 ? cache.surnames : k === 1 ? cache.middles : cache.givens;
  const id = interner.id(key);
  const refKey = keyShare(names, part, key, gender);
  const info: NamePartInfo = { key: interner.value(id), tone, ref: toneShare(names, part, tone, refKey, gender), refKey, id };
  if (slots === undefined) {
    slots = [undefined, undefined, undefined];
    byText.set(text, slots);
  }
  // A tone form stands for one key; should another key ever share it, the latest is kept (and still correct).
  slots[g] = info;
  return info;
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
  return {
    sur: partInfo(cache, names, 0, surKey, cache.toneParts.canonical(surTone), nameGender),
    mid: partInfo(cache, names, 1, midKey, cache.toneParts.canonical(midTone), nameGender),
    giv: partInfo(cache, names, 2, givKey, cache.toneParts.canonical(givTone), nameGender),
    inputKey: nameKey,
    joinedId: key === null ? -1 : cache.joined.idOf(joinedKey(key)),
    surMidId: surKey === null ? -1 : cache.surMids.id(`${surKey}|${midKey ?? ''}`),
  };
}
