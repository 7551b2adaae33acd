/** Per-run caches and value numbering used while preparing records. */
import { KeyTable } from './key-table.js';
import { NameIndex, NameTable } from './name-table.js';
import type { PartInfos } from './parse-name.js';
import { newPartInfos } from './parse-name.js';
import type { MatchInput, PreparedList } from './prepare.js';
import { keyOf } from './text-keys.js';

/** Numbers the distinct values of one kind within a run. */
export class Interner {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];
  get size(): number {
    return this.ids.size;
  }
  id(value: string | null): number {
    if (value === null) return -1;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
  /** The first string seen equal to `value`: one copy kept for all equal ones. */
  canonical(value: string | null): string | null {
    return this.value(this.id(value));
  }
  /** The first string seen with id `id` (one copy for all records holding an equal one); null for −1. */
  value(id: number): string | null {
    return this.values[id] ?? null;
  }
}

/** Per-run caches: names and villages repeat a lot, and parsing them is most of the preparation cost. */
export interface PrepareCache {
  /**
   * Prepared rows of whole lists, by list: an audit matches its payouts against the approved list and
   * each register in turn, and preparing the same million rows again for each run was most of a run with
   * a small register. Neither the rows nor a list's value counts depend on the run: a run adds up its
   * lists' counts (ValueCounts). A strong map, dropped with the cache (a run's): V8 marks a WeakMap's
   * values only once it has marked their keys, and the full collections of a million-payout audit, with
   * the prepared rows behind one, did 0.3–1.4 s of marking in their pauses in that step.
   */
  readonly lists: Map<readonly MatchInput[], PreparedList>;
  /** Numbers of parsed names (see nameTable) by full name and gender; a new index once forgotten. */
  names: NameIndex;
  /** The parsed names the prepared rows refer to, by number. */
  readonly nameTable: NameTable;
  readonly villages: Map<string, string | null>;
  readonly keys: Map<string, string | null>;
  readonly tones: Map<string, string>;
  readonly surnames: Interner;
  readonly middles: Interner;
  readonly givens: Interner;
  /** Names' keys without spaces, by number (see NameParts.joinedId). */
  readonly joined: KeyTable;
  /** Tone forms of name parts (see NamePartInfo.tone). */
  readonly toneParts: Interner;
  readonly partInfos: PartInfos;
  readonly surMids: Interner;
  readonly dates: Interner;
  /** Each date id's date as yyyymmdd (see dates): one number per distinct date, not one per row. */
  readonly dateYmd: number[];
  readonly places: Interner;
  readonly villageIds: Interner;
  /** A village within its commune (commune id and village id as one number). */
  readonly communeVillages: KeyTable;
  readonly addresses: Interner;
  readonly idTexts: Interner;
  readonly idHeads: Interner;
  readonly idTails: Interner;
}

export function newPrepareCache(): PrepareCache {
  return {
    lists: new Map(),
    names: new NameIndex(),
    nameTable: new NameTable(),
    villages: new Map(),
    keys: new Map(),
    tones: new Map(),
    surnames: new Interner(),
    middles: new Interner(),
    givens: new Interner(),
    joined: new KeyTable(),
    toneParts: new Interner(),
    partInfos: newPartInfos(),
    surMids: new Interner(),
    dates: new Interner(),
    dateYmd: [],
    places: new Interner(),
    villageIds: new Interner(),
    communeVillages: new KeyTable(),
    addresses: new Interner(),
    idTexts: new Interner(),
    idHeads: new Interner(),
    idTails: new Interner(),
  };
}

/**
 * Lets go of what only spares later preparations work (names parsed by full name, keys and tone forms of
 * texts), keeping the numbering the prepared rows refer to: preparing another list afterwards gives the same
 * rows, only slower.
 */
export function forgetPreparationLookups(cache: PrepareCache): void {
  cache.names = new NameIndex();
  cache.villages.clear();
  cache.keys.clear();
  cache.tones.clear();
}

/** {@link keyOf} remembered per run (household heads and parents' names repeat). */
export function cachedKey(cache: PrepareCache, text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  let k = cache.keys.get(text);
  if (k === undefined) {
    k = keyOf(text);
    cache.keys.set(text, k);
  }
  return k;
}
