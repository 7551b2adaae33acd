/**
 * Turns match inputs into precomputed keys once per run (name parts, tone forms, dates, IDs, places) and
 * counts how often each value occurs, so that comparing a pair is plain lookups and arithmetic.
 */
import type { PersonRecord } from '../domain/index.js';
import type { NameFrequencies } from './name-frequencies.js';
import { numericIdKey } from './key-table.js';
import { scratchArrays } from './scratch-arrays.js';
import { parseName } from './parse-name.js';
import type { PrepareCache } from './prepare-cache.js';
import { cachedKey, newPrepareCache } from './prepare-cache.js';
import { ID_TEXT_KEYS, PreparedRows, trustedKindCode } from './prepared-rows.js';
import { clean, keyOf } from './text-keys.js';

export { newPrepareCache } from './prepare-cache.js';
export type { PrepareCache } from './prepare-cache.js';
export { PreparedRows, RunRows } from './prepared-rows.js';

/** The fields of a person the matcher reads. */
export type MatchInput = Pick<
  PersonRecord,
  | 'fullName'
  | 'nameKey'
  | 'birthDate'
  | 'birthYear'
  | 'gender'
  | 'idNumber'
  | 'idKind'
  | 'flags'
  | 'householdCode'
  | 'householdHead'
  | 'communeCode'
  | 'village'
  | 'address'
> & { fatherName?: string | null; motherName?: string | null };

/** How many rows of one list hold each value of a field: by the value's id (years by the year, IDs by key). */
export interface ListCounts {
  readonly sur: Int32Array;
  readonly mid: Int32Array;
  readonly giv: Int32Array;
  readonly year: Int32Array;
  readonly date: Int32Array;
  readonly commune: Int32Array;
  readonly village: Int32Array;
  readonly communeVillage: Int32Array;
  readonly address: Int32Array;
  /** By row: how many rows of the list have the row's ID (0 without one). A pair agrees on an ID only when both rows have it. */
  readonly idCount: Int32Array;
}

/**
 * How many records of a run (one list, or the two linked) share a record's value of a field: the sum of
 * the lists' counts, each counted once per audit (see preparedList). 0 when the record has no value.
 */
export class ValueCounts {
  constructor(private readonly lists: readonly ListCounts[]) {}

  private sum(pick: (c: ListCounts) => Int32Array, id: number): number {
    if (id < 0) return 0;
    let n = 0;
    for (const c of this.lists) n += pick(c)[id] ?? 0;
    return n;
  }

  sur(surId: number): number {
    return this.sum((c) => c.sur, surId);
  }
  mid(midId: number): number {
    return this.sum((c) => c.mid, midId);
  }
  giv(givId: number): number {
    return this.sum((c) => c.giv, givId);
  }
  year(year: number): number {
    return this.sum((c) => c.year, countedYear(year));
  }
  date(dateId: number): number {
    return this.sum((c) => c.date, dateId);
  }
  commune(communeId: number): number {
    return this.sum((c) => c.commune, communeId);
  }
  village(villageId: number): number {
    return this.sum((c) => c.village, villageId);
  }
  communeVillage(communeVillageId: number): number {
    return this.sum((c) => c.communeVillage, communeVillageId);
  }
  address(addressId: number): number {
    return this.sum((c) => c.address, addressId);
  }
  /**
   * How many rows of the run have the ID that row `a` of list `aList` and row `b` of list `bList` share (lists
   * numbered as given: 0 and 1 in a link, both 0 within one list): each list's count read off its own row.
   */
  id(aList: number, a: number, bList: number, b: number): number {
    const own = this.lists[aList]?.idCount[a] ?? 0;
    return bList === aList ? own : own + (this.lists[bList]?.idCount[b] ?? 0);
  }
}

/** A code without spaces, upper-case (IDs, household codes); null when empty. Plain codes are returned as they are. */
function compact(text: string | null): string | null {
  if (text === null || text === '') return null;
  if (PLAIN_CODE.test(text)) return text;
  const t = text.replace(/\s+/g, '').toUpperCase();
  return t === '' ? null : t;
}
const PLAIN_CODE = /^[0-9A-Z\-./]+$/;

/**
 * A number standing for an ID text without a string map (a million distinct IDs made that the slowest step):
 * {@link numericIdKey} for all-digit IDs of up to 13 digits, else an interned id above 2^52. −1 when absent.
 */
function idKeyOf(text: string | null, cache: PrepareCache): number {
  if (text === null) return -1;
  const numeric = numericIdKey(text);
  return numeric >= 0 ? numeric : ID_TEXT_KEYS + cache.idTexts.id(text);
}

const VILLAGE_PREFIX = /^(?:thon|ap|to dan pho|to|xom|ban|buon|khu pho|khom|khu|lang|doi|so)\s+(?=\S)/;

/** Prepares input `r` into row `i` of `rows`. */
function prepareInto(
  rows: PreparedRows,
  i: number,
  r: MatchInput,
  idMode: 'trusted' | 'compared',
  names: NameFrequencies,
  cache: PrepareCache,
): void {
  const full = clean(r.fullName);
  const g = r.gender === 'M' ? 1 : r.gender === 'F' ? 2 : 0;
  const lookup = full ?? r.nameKey ?? '';
  let np = cache.names.find(lookup, g);
  if (np < 0 || cache.nameTable.inputKeyOf(np) !== r.nameKey) {
    // Parsed once per text and gender; a row whose name came with another key (rare) is parsed on its own.
    const known = np >= 0;
    np = cache.nameTable.add(parseName(full, r.nameKey, r.gender, names, cache));
    if (!known) cache.names.add(lookup, g, np);
  }

  const iso = clean(r.birthDate);
  const full10 = iso !== null && iso.length >= 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45;
  const dY = full10 ? Number(iso.slice(0, 4)) : 0;
  const dM = full10 ? Number(iso.slice(5, 7)) : 0;
  const dD = full10 ? Number(iso.slice(8, 10)) : 0;
  const m = full10 && dY > 0 && dM > 0 && dD > 0;
  const year = r.birthYear ?? (dY > 0 ? dY : iso !== null && /^\d{4}$/.test(iso) ? Number(iso) : 0);

  const idText = compact(r.idNumber);
  const trusted =
    idMode === 'trusted' &&
    idText !== null &&
    (r.idKind === 'CMND' || r.idKind === 'CCCD') &&
    !r.flags.includes('ID_INVALID') &&
    !r.flags.includes('ID_SCIENTIFIC_NOTATION');

  let village = r.village === null ? null : cache.villages.get(r.village);
  if (village === undefined && r.village !== null) {
    const k = keyOf(r.village);
    village = k === null ? null : k.replace(VILLAGE_PREFIX, '');
    cache.villages.set(r.village, village);
  }
  const idLoose = trusted ? null : idText;
  // Halves of an untrusted ID catch one keying slip (FEBRL's soc_sec_id, IDs flagged invalid). Valid IDs get
  // none: the first half of a CCCD (province, sex, year) is shared by thousands, and halving a million valid IDs
  // would cost more than the rare slip between a valid and an invalid copy, which the name keys still catch.
  const half = idLoose !== null && idLoose.length >= 6 ? Math.ceil(idLoose.length / 2) : 0;
  const communeId = cache.places.id(clean(r.communeCode));
  const villageId = cache.villageIds.id(village ?? null);
  rows.nameId[i] = np;
  rows.gender[i] = g;
  // Years beyond an Int32 are typing errors like any other unknown year.
  rows.year[i] = Math.abs(year) < 2 ** 31 ? year : 0;
  const dateId = cache.dates.id(m && iso !== null ? iso.slice(0, 10) : null);
  if (dateId >= 0 && cache.dateYmd[dateId] === undefined) cache.dateYmd[dateId] = dY * 10000 + dM * 100 + dD;
  rows.dateId[i] = dateId;
  rows.trustedKind[i] = trusted ? trustedKindCode(r.idKind) : 0;
  rows.idKey[i] = idKeyOf(idText, cache);
  if (half > 0 && idLoose !== null) {
    rows.idHead.set(i, cache.idHeads.id(idLoose.slice(0, half)));
    rows.idTail.set(i, cache.idTails.id(idLoose.slice(half)));
  }
  rows.communeId[i] = communeId;
  rows.villageId[i] = villageId;
  rows.communeVillageId[i] = communeId >= 0 && villageId >= 0 ? cache.communeVillages.idOf(communeId * 2 ** 26 + villageId) : -1;
  rows.addressId[i] = cache.addresses.id(keyOf(r.address));
  rows.household.set(i, compact(r.householdCode));
  rows.head.set(i, cachedKey(cache, r.householdHead));
  rows.father.set(i, cachedKey(cache, r.fatherName));
  rows.mother.set(i, cachedKey(cache, r.motherName));
}

/**
 * The precomputed keys of every row of a list (name parts, tone forms, dates, IDs, places), with the
 * values' texts numbered in `cache`.
 */
export function prepareRows(
  list: readonly MatchInput[],
  idMode: 'trusted' | 'compared',
  names: NameFrequencies,
  cache: PrepareCache = newPrepareCache(),
): PreparedRows {
  const rows = new PreparedRows(list.length, cache.idTexts, cache.nameTable);
  for (let i = 0; i < list.length; i++) prepareInto(rows, i, list[i] as MatchInput, idMode, names, cache);
  return rows;
}

/**
 * {@link prepareRows} of a list and how often each value occurs in it, remembered in the cache for the
 * same list, mode and names.
 */
export function preparedList(
  list: readonly MatchInput[],
  idMode: 'trusted' | 'compared',
  names: NameFrequencies,
  cache: PrepareCache,
): PreparedList {
  const known = cache.lists.get(list);
  if (known !== undefined && known.idMode === idMode && known.names === names && known.rows.length === list.length) return known;
  const rows = prepareRows(list, idMode, names, cache);
  const prepared = { idMode, names, rows, counts: countValues(rows) };
  cache.lists.set(list, prepared);
  return prepared;
}

/** A list's prepared rows and value counts, with the settings they were made with. */
export interface PreparedList {
  readonly idMode: 'trusted' | 'compared';
  readonly names: NameFrequencies;
  readonly rows: PreparedRows;
  readonly counts: ListCounts;
}

/** The year a record is counted under in {@link ListCounts.year}; −1 when it has none. */
const countedYear = (year: number): number => (year > 0 && year < 10000 ? year : -1);

/** Adds one to `counts[id]` for an id that is present (≥ 0). */
function countId(counts: Int32Array, id: number): void {
  if (id >= 0) counts[id] = (counts[id] ?? 0) + 1;
}

/**
 * How many records of one list share each value (see ListCounts). Two passes over the rows, every field at
 * once: a pass per field through a getter was 2.4 s of a million-payout audit.
 */
export function countValues(rows: PreparedRows): ListCounts {
  const n = rows.length;
  const names = rows.names;
  // Reused arrays (see ScratchArrays): fresh ones were some 30 MB of garbage per million rows prepared.
  const scratch = scratchArrays();
  const idKeys = scratch.table('keys', n);
  const dense = scratch.int32('step.a', n, -1);
  let sur = -1, mid = -1, giv = -1, year = -1;
  for (let i = 0; i < n; i++) {
    const key = rows.idKey[i] ?? -1;
    if (key >= 0) dense[i] = idKeys.idOf(key);
    const name = rows.nameId[i] ?? 0;
    sur = Math.max(sur, names.surOf(name).id);
    mid = Math.max(mid, names.midOf(name).id);
    giv = Math.max(giv, names.givOf(name).id);
    year = Math.max(year, countedYear(rows.year[i] ?? 0));
  }
  const ids = new Int32Array(idKeys.size);
  for (const d of dense) if (d >= 0) ids[d] = (ids[d] ?? 0) + 1;
  const idCount = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const d = dense[i] ?? -1;
    if (d >= 0) idCount[i] = ids[d] ?? 0;
  }
  const counts = {
    sur: new Int32Array(sur + 1),
    mid: new Int32Array(mid + 1),
    giv: new Int32Array(giv + 1),
    year: new Int32Array(year + 1),
    date: countIds(rows.dateId),
    commune: countIds(rows.communeId),
    village: countIds(rows.villageId),
    communeVillage: countIds(rows.communeVillageId),
    address: countIds(rows.addressId),
    idCount,
  };
  for (let i = 0; i < n; i++) {
    const name = rows.nameId[i] ?? 0;
    countId(counts.sur, names.surOf(name).id);
    countId(counts.mid, names.midOf(name).id);
    countId(counts.giv, names.givOf(name).id);
    countId(counts.year, countedYear(rows.year[i] ?? 0));
  }
  return counts;
}

/** How many rows hold each id of a column (−1: none). */
function countIds(column: Int32Array): Int32Array {
  let max = -1;
  for (const id of column) if (id > max) max = id;
  const counts = new Int32Array(max + 1);
  for (const id of column) countId(counts, id);
  return counts;
}
