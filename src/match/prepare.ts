/**
 * Turns match inputs into precomputed keys once per run (name parts, tone forms, dates, IDs, places) and
 * counts how often each value occurs, so that comparing a pair is plain lookups and arithmetic.
 */
import type { Gender, IdKind, PersonRecord } from '../domain/index.js';
import type { NameFrequencies } from './name-frequencies.js';
import { KeyTable, numericIdKey } from './key-table.js';
import { parseName } from './parse-name.js';
import type { NameParts } from './parse-name.js';
import type { PrepareCache } from './prepare-cache.js';
import { cachedKey, newPrepareCache } from './prepare-cache.js';
import { clean, keyOf } from './text-keys.js';

export { newPrepareCache } from './prepare-cache.js';
export type { PrepareCache } from './prepare-cache.js';

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

/** A record's precomputed keys; how often each value occurs is counted per list ({@link countValues}). */
export interface Prepared {
  /** Name parts, keys, tone forms, reference shares and ids; shared by all records with the same name. */
  readonly name: NameParts;
  readonly gender: Gender | null;
  readonly year: number; // 0 when unknown
  readonly date: string | null; // full ISO date only
  readonly ymd: number; // that date as yyyymmdd; 0 without one
  readonly idTrusted: string | null; // valid CMND/CCCD digits (idMode 'trusted')
  readonly idKind: IdKind | null;
  readonly idLoose: string | null; // any other ID text, compared loosely
  readonly household: string | null;
  readonly head: string | null;
  readonly father: string | null;
  readonly mother: string | null;
  // Integer ids of the values in the cache (−1 when absent), for blocking keys and frequency counts; the
  // commune code, the village key and the address are compared by these (their texts: cache.places etc.).
  readonly dateId: number;
  readonly communeId: number;
  readonly villageId: number;
  readonly communeVillageId: number; // the village within its commune; -1 unless both are known
  readonly addressId: number;
  readonly idKey: number; // a number standing for the ID text, trusted or not (see idKeyOf)
  readonly idHead: number; // first half of an untrusted ID
  readonly idTail: number; // second half of an untrusted ID
}

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
  readonly idKeys: KeyTable;
  readonly ids: Int32Array;
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

  sur(p: Prepared): number {
    return this.sum((c) => c.sur, p.name.surId);
  }
  mid(p: Prepared): number {
    return this.sum((c) => c.mid, p.name.midId);
  }
  giv(p: Prepared): number {
    return this.sum((c) => c.giv, p.name.givId);
  }
  year(p: Prepared): number {
    return this.sum((c) => c.year, countedYear(p));
  }
  date(p: Prepared): number {
    return this.sum((c) => c.date, p.dateId);
  }
  commune(p: Prepared): number {
    return this.sum((c) => c.commune, p.communeId);
  }
  village(p: Prepared): number {
    return this.sum((c) => c.village, p.villageId);
  }
  communeVillage(p: Prepared): number {
    return this.sum((c) => c.communeVillage, p.communeVillageId);
  }
  address(p: Prepared): number {
    return this.sum((c) => c.address, p.addressId);
  }
  id(p: Prepared): number {
    if (p.idKey < 0) return 0;
    let n = 0;
    for (const c of this.lists) {
      const dense = c.idKeys.find(p.idKey);
      if (dense >= 0) n += c.ids[dense] ?? 0;
    }
    return n;
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
  return numeric >= 0 ? numeric : 2 ** 52 + cache.idTexts.id(text);
}

const VILLAGE_PREFIX = /^(?:thon|ap|to dan pho|to|xom|ban|buon|khu pho|khom|khu|lang|doi|so)\s+(?=\S)/;

export function prepareRecord(
  r: MatchInput,
  idMode: 'trusted' | 'compared',
  names: NameFrequencies,
  cache: PrepareCache = newPrepareCache(),
): Prepared {
  const full = clean(r.fullName);
  const g = r.gender === 'M' ? 1 : r.gender === 'F' ? 2 : 0;
  const byName = cache.names.get(full ?? r.nameKey ?? '');
  let np = byName?.[g];
  if (np === undefined || np.inputKey !== r.nameKey) {
    np = parseName(full, r.nameKey, r.gender, names, cache);
    if (byName === undefined) {
      const slot: (NameParts | undefined)[] = [undefined, undefined, undefined];
      slot[g] = np;
      cache.names.set(full ?? r.nameKey ?? '', slot);
    } else byName[g] = np;
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
  const addressId = cache.addresses.id(keyOf(r.address));
  const dateId = cache.dates.id(m && iso !== null ? iso.slice(0, 10) : null);
  const household = compact(r.householdCode);
  const commune = clean(r.communeCode);
  const idLoose = trusted ? null : idText;
  // Halves of an untrusted ID catch one keying slip (FEBRL's soc_sec_id, IDs flagged invalid). Valid IDs get
  // none: the first half of a CCCD (province, sex, year) is shared by thousands, and halving a million valid IDs
  // would cost more than the rare slip between a valid and an invalid copy, which the name keys still catch.
  const half = idLoose !== null && idLoose.length >= 6 ? Math.ceil(idLoose.length / 2) : 0;
  const communeId = cache.places.id(commune);
  const villageId = cache.villageIds.id(village ?? null);
  return {
    name: np,
    gender: r.gender,
    year,
    date: cache.dates.value(dateId),
    ymd: m ? dY * 10000 + dM * 100 + dD : 0,
    idTrusted: trusted ? idText : null,
    idKind: trusted ? r.idKind : null,
    idLoose,
    household,
    head: cachedKey(cache, r.householdHead),
    father: cachedKey(cache, r.fatherName),
    mother: cachedKey(cache, r.motherName),
    dateId,
    communeId,
    villageId,
    communeVillageId: communeId >= 0 && villageId >= 0 ? cache.communeVillages.idOf(communeId * 2 ** 26 + villageId) : -1,
    addressId,
    idKey: idKeyOf(idText, cache),
    idHead: half > 0 && idLoose !== null ? cache.idHeads.id(idLoose.slice(0, half)) : -1,
    idTail: half > 0 && idLoose !== null ? cache.idTails.id(idLoose.slice(half)) : -1,
  };
}

/**
 * {@link prepareRecord} of every row of a list and how often each value occurs in it, remembered in the
 * cache for the same list, mode and names.
 */
export function preparedList(
  list: readonly MatchInput[],
  idMode: 'trusted' | 'compared',
  names: NameFrequencies,
  cache: PrepareCache,
): PreparedList {
  const known = cache.lists.get(list);
  if (known !== undefined && known.idMode === idMode && known.names === names && known.rows.length === list.length) return known;
  const rows = list.map((r) => prepareRecord(r, idMode, names, cache));
  const prepared = { idMode, names, rows, counts: countValues(rows) };
  cache.lists.set(list, prepared);
  return prepared;
}

/** A list's prepared rows and value counts, with the settings they were made with. */
export interface PreparedList {
  readonly idMode: 'trusted' | 'compared';
  readonly names: NameFrequencies;
  readonly rows: Prepared[];
  readonly counts: ListCounts;
}

/** The year a record is counted under in {@link ListCounts.year}; −1 when it has none. */
const countedYear = (p: Prepared): number => (p.year > 0 && p.year < 10000 ? p.year : -1);

/** Adds one to `counts[id]` for an id that is present (≥ 0). */
function countId(counts: Int32Array, id: number): void {
  if (id >= 0) counts[id] = (counts[id] ?? 0) + 1;
}

/**
 * How many records of one list share each value (see ListCounts). Two passes over the rows, every field at
 * once: a pass per field through a getter was 2.4 s of a million-payout audit.
 */
export function countValues(recs: readonly Prepared[]): ListCounts {
  const idKeys = new KeyTable(recs.length);
  const dense = new Int32Array(recs.length).fill(-1);
  let sur = -1, mid = -1, giv = -1, year = -1, date = -1, commune = -1, village = -1, communeVillage = -1, address = -1;
  for (let i = 0; i < recs.length; i++) {
    const p = recs[i] as Prepared;
    if (p.idKey >= 0) dense[i] = idKeys.idOf(p.idKey);
    sur = Math.max(sur, p.name.surId);
    mid = Math.max(mid, p.name.midId);
    giv = Math.max(giv, p.name.givId);
    year = Math.max(year, countedYear(p));
    date = Math.max(date, p.dateId);
    commune = Math.max(commune, p.communeId);
    village = Math.max(village, p.villageId);
    communeVillage = Math.max(communeVillage, p.communeVillageId);
    address = Math.max(address, p.addressId);
  }
  const ids = new Int32Array(idKeys.size);
  for (const d of dense) if (d >= 0) ids[d] = (ids[d] ?? 0) + 1;
  const counts = {
    sur: new Int32Array(sur + 1),
    mid: new Int32Array(mid + 1),
    giv: new Int32Array(giv + 1),
    year: new Int32Array(year + 1),
    date: new Int32Array(date + 1),
    commune: new Int32Array(commune + 1),
    village: new Int32Array(village + 1),
    communeVillage: new Int32Array(communeVillage + 1),
    address: new Int32Array(address + 1),
    idKeys,
    ids,
  };
  for (const p of recs) {
    countId(counts.sur, p.name.surId);
    countId(counts.mid, p.name.midId);
    countId(counts.giv, p.name.givId);
    countId(counts.year, countedYear(p));
    countId(counts.date, p.dateId);
    countId(counts.commune, p.communeId);
    countId(counts.village, p.villageId);
    countId(counts.communeVillage, p.communeVillageId);
    countId(counts.address, p.addressId);
  }
  return counts;
}
