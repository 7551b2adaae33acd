/**
 * Candidate pairs by blocking: records are compared only when they share a key of at least one rule
 * (given name + place, full name + birth year, ID fragments, …), so the cost grows with the block sizes,
 * not with all pairs. Family names are never a key on their own: Nguyễn, Trần and Lê cover half the people.
 * A block larger than `maxBlockSize` is compared by a sorted window instead of all pairs.
 */
import type { BlockingSettings } from './match-config.js';
import { KeyTable } from './key-table.js';
import type { PreparedRows, RunRows } from './prepared-rows.js';
import { scratchArrays } from './scratch-arrays.js';

/**
 * The blocking fields of all records as typed columns (−1: absent), read once from the prepared records so
 * that each rule scans flat arrays instead of a million objects.
 */
export interface BlockingColumns {
  readonly idKey: Float64Array; // ID keys can exceed 2^31
  readonly idUse: Uint8Array; // VALID_ID: blocked by the valid ID; ANY_ID: by the ID (four characters or more); HALVES: by the halves of an untrusted ID
  readonly idHead: ReadonlyMap<number, number>; // the halves of IDs that are not trusted, by row (idUse HALVES)
  readonly idTail: ReadonlyMap<number, number>;
  readonly joined: Int32Array;
  readonly given: Int32Array;
  readonly surMid: Int32Array;
  readonly birthYear: Int32Array; // the prepared rows' years (0: unknown): see yearOf
  readonly date: Int32Array;
  readonly communeId: Int32Array; // with villageId, the prepared rows' own: see locOf
  readonly villageId: Int32Array;
}

/** Record i's birth year as a key (−1: unknown, or beyond 12 bits). */
function yearOf(c: BlockingColumns, i: number): number {
  const year = c.birthYear[i] ?? 0;
  return year > 0 && year < 4096 ? year : -1;
}

/** Record i's place as a key: the commune (even numbers), else the village (odd numbers); −1 without either. */
function locOf(c: BlockingColumns, i: number): number {
  const commune = c.communeId[i] ?? -1;
  if (commune >= 0) return commune * 2;
  const village = c.villageId[i] ?? -1;
  return village >= 0 ? village * 2 + 1 : -1;
}

/**
 * The blocking columns of a list's prepared rows, remembered for the same rows: an audit blocks its payouts
 * against the approved list, each register and themselves. The rows must not change once their columns are read.
 */
export function listColumns(rows: PreparedRows): BlockingColumns {
  let cols = remembered.get(rows);
  if (cols === undefined) {
    cols = columnsOf(rows);
    remembered.set(rows, cols);
  }
  return cols;
}

const remembered = new WeakMap<PreparedRows, BlockingColumns>();

/** Bits of BlockingColumns.idUse. */
const VALID_ID = 1;
const ANY_ID = 2;
const HALVES = 4;

/** Rows `at` (ascending) of a link only, in that order: left ones below `c.leftCount`, right ones above. */
function pickColumns(c: LinkColumns, at: Int32Array): LinkColumns {
  let split = 0;
  while (split < at.length && (at[split] ?? 0) < c.leftCount) split++;
  const side = (cols: BlockingColumns, rows: Int32Array, offset: number): BlockingColumns => {
    const pick = <T extends Int32Array | Float64Array | Uint8Array>(x: T): T => {
      const out = new (x.constructor as new (n: number) => T)(rows.length);
      for (let k = 0; k < rows.length; k++) out[k] = x[(rows[k] ?? 0) - offset] ?? 0;
      return out;
    };
    const pickMap = (x: ReadonlyMap<number, number>): Map<number, number> => {
      const out = new Map<number, number>();
      for (let k = 0; k < rows.length && x.size > 0; k++) {
        const v = x.get((rows[k] ?? 0) - offset);
        if (v !== undefined) out.set(k, v);
      }
      return out;
    };
    return {
      idKey: pick(cols.idKey), idUse: pick(cols.idUse), idHead: pickMap(cols.idHead), idTail: pickMap(cols.idTail),
      joined: pick(cols.joined), given: pick(cols.given), surMid: pick(cols.surMid), birthYear: pick(cols.birthYear), date: pick(cols.date),
      communeId: pick(cols.communeId), villageId: pick(cols.villageId),
    };
  };
  return { left: side(c.left, at.subarray(0, split), 0), right: side(c.right, at.subarray(split), c.leftCount), leftCount: split };
}

/**
 * The columns of a link's two lists side by side, not copied into one: a link of a register of a few dozen
 * rows with a million payouts joined ten columns of a million rows (some 56 MB) only to read the few rows
 * they share keys with, and those allocations set off full collections of the whole heap.
 */
export interface LinkColumns {
  readonly left: BlockingColumns;
  readonly right: BlockingColumns;
  readonly leftCount: number;
}

/** The columns of a list; those the prepared rows hold as they are (ID keys and halves, years, dates, places) are shared, not copied. */
function columnsOf(rows: PreparedRows): BlockingColumns {
  const n = rows.length;
  const col = (): Int32Array => new Int32Array(n).fill(-1);
  const c = {
    idKey: rows.idKey, idUse: new Uint8Array(n), idHead: rows.idHead, idTail: rows.idTail,
    joined: col(), given: col(), surMid: col(), birthYear: rows.year, date: rows.dateId, communeId: rows.communeId, villageId: rows.villageId,
  };
  for (const i of rows.idHead.keys()) c.idUse[i] = HALVES;
  for (let i = 0; i < n; i++) {
    if ((rows.idKey[i] ?? -1) >= 0) {
      c.idUse[i] = (c.idUse[i] ?? 0) | (rows.trustedKind[i] !== 0 ? VALID_ID : 0) | (rows.idLength(i) >= 4 ? ANY_ID : 0);
    }
    const name = rows.nameId[i] ?? 0;
    c.joined[i] = rows.names.joinedIdOf(name);
    c.given[i] = rows.names.givOf(name).id;
    c.surMid[i] = rows.names.surMidIdOf(name);
  }
  return c;
}

/** A rule's key of record i as a number (−1: the record is not blocked by this rule). */
type KeyFn = (c: BlockingColumns, i: number, intern: (n: number) => number) => number;

const P24 = 16777216;
const P12 = 4096;
/** Two ids as one exact number (both below 2^24). */
const pair = (x: number, y: number): number => (x < 0 || y < 0 ? -1 : x * P24 + y);
/** An id, a year (< 4096) and a place as one number; ids too large for the bit budget go through `intern`. */
function triple(x: number, year: number, place: number, intern: (n: number) => number): number {
  if (x < 0 || year < 0 || place < 0) return -1;
  const xy = x * P12 + year;
  return xy < P24 ? xy * P24 + place : pair(intern(xy), place);
}

/** Blocking rules in order; a pair is scored by the first rule whose (not oversized) block holds both. */
export const BLOCKING_RULES: readonly (readonly [string, KeyFn])[] = [
  ['valid ID', (c, i) => ((c.idUse[i] ?? 0) & VALID_ID ? (c.idKey[i] ?? -1) : -1)],
  ['ID', (c, i) => ((c.idUse[i] ?? 0) & ANY_ID ? (c.idKey[i] ?? -1) : -1)],
  ['ID first half', (c, i) => ((c.idUse[i] ?? 0) & HALVES ? (c.idHead.get(i) ?? -1) : -1)],
  ['ID second half', (c, i) => ((c.idUse[i] ?? 0) & HALVES ? (c.idTail.get(i) ?? -1) : -1)],
  ['full name + birth year', (c, i) => pair(c.joined[i] ?? -1, yearOf(c, i))],
  [
    'given name + birth year + commune/village',
    (c, i, intern) => {
      const year = yearOf(c, i);
      const given = c.given[i] ?? -1;
      const loc = locOf(c, i);
      return year >= 0 ? triple(given, year, loc, intern) : pair(given, loc);
    },
  ],
  ['full name + commune/village', (c, i) => pair(c.joined[i] ?? -1, locOf(c, i))],
  ['given name + birth date', (c, i) => pair(c.given[i] ?? -1, c.date[i] ?? -1)],
  [
    'surname + middle name + birth year + commune/village',
    (c, i, intern) => triple(c.surMid[i] ?? -1, yearOf(c, i), locOf(c, i), intern),
  ],
  ['birth date + commune/village', (c, i) => pair(c.date[i] ?? -1, locOf(c, i))],
];

/**
 * Calls `visit(i, j)` (i < j) once for every candidate pair of the run's rows. In a link (two lists), only
 * pairs across the two lists are visited. With `leftActive`, only the left records i with
 * `leftActive[i] === 1` take part (the others get no block): a check that needs partners for a few rows of
 * a long list does not block all of them.
 */
export function forEachCandidate(
  recs: RunRows,
  settings: BlockingSettings,
  visit: (i: number, j: number) => void,
  leftActive?: Uint8Array,
): void {
  const sortKey = (i: number): string => recs.sortKey(i);
  if (recs.right === null) {
    blockRecords(recs.length, sortKey, listColumns(recs.left), settings, visit, leftActive);
    return;
  }
  const leftCount = recs.leftCount;
  const sides = { left: listColumns(recs.left), right: listColumns(recs.right), leftCount };
  const subset = linkedRowsOf(sides, leftActive);
  if (subset === null) {
    blockRecords(recs.length, sortKey, sides, settings, visit, leftActive);
    return;
  }
  // Only the rows that share a key with the other list: the same blocks, in the same order, so the same pairs.
  const picked = pickColumns(sides, subset);
  const subLeft = picked.leftCount;
  const subActive = leftActive === undefined ? undefined : Uint8Array.from(subset.subarray(0, subLeft), (i) => leftActive[i] ?? 0);
  const subKey = (k: number): string => recs.sortKey(subset[k] ?? 0);
  blockRecords(subset.length, subKey, picked, settings, (i, j) => visit(subset[i] ?? 0, subset[j] ?? 0), subActive);
}

/**
 * For a link: the rows (ascending) of either list that share the key of some blocking rule with a row of the
 * other list (marked left rows only, see forEachCandidate), or null when they are most rows. A row outside
 * them is in no block with a row of the other list, so blocking only them gives the same blocks: a register
 * of a few dozen people linked with a million payouts then allocates a few dozen rows' worth of blocks, not
 * a million (those allocations, and the full collections they set off in a large heap, were seconds a link).
 */
export function linkedRows(left: PreparedRows, right: PreparedRows, leftActive?: Uint8Array): Int32Array | null {
  return linkedRowsOf({ left: listColumns(left), right: listColumns(right), leftCount: left.length }, leftActive);
}

function linkedRowsOf(sides: LinkColumns, leftActive?: Uint8Array): Int32Array | null {
  const leftCount = sides.leftCount;
  const n = leftCount + sides.right.birthYear.length;
  const takesPart = (i: number): boolean => i >= leftCount || leftActive === undefined || leftActive[i] === 1;
  let activeLeft = leftCount;
  if (leftActive !== undefined) {
    activeLeft = 0;
    for (let i = 0; i < leftCount; i++) if (leftActive[i] === 1) activeLeft++;
  }
  // Each rule numbers the shorter list's keys and looks the longer list's up, as the blocking does.
  const leftShorter = activeLeft <= n - leftCount;
  const [shortCols, shortFrom, shortTo] = leftShorter ? [sides.left, 0, leftCount] : [sides.right, leftCount, n];
  const [longCols, longFrom, longTo] = leftShorter ? [sides.right, leftCount, n] : [sides.left, 0, leftCount];
  const scratch = scratchArrays();
  const linked = scratch.uint8('step.a', n);
  const keyOf = scratch.int32('step.a', shortTo - shortFrom, -1);
  let count = 0;
  for (const [, keyFn] of BLOCKING_RULES) {
    const compact = scratch.table('compact');
    const intern = (v: number): number => compact.idOf(v);
    const lookup = (v: number): number => compact.find(v);
    // Room for the shorter list's rows that take part (a few poor-group payouts of a million), not for all of them.
    const keys = scratch.table('keys', Math.min(activeLeft, n - leftCount));
    const hit = scratch.uint8('step.b', shortTo - shortFrom);
    for (let i = shortFrom; i < shortTo; i++) {
      const k = takesPart(i) ? keyFn(shortCols, i - shortFrom, intern) : -1;
      keyOf[i - shortFrom] = k >= 0 ? keys.idOf(k) : -1;
    }
    // A rule the shorter list has no key for links nothing (registers without IDs or birth dates): the longer
    // list's million rows are not read for it.
    if (keys.size === 0) continue;
    for (let i = longFrom; i < longTo; i++) {
      if (!takesPart(i)) continue;
      const k = keyFn(longCols, i - longFrom, lookup);
      const id = k >= 0 ? keys.find(k) : -1;
      if (id < 0) continue;
      if (linked[i] === 0) count++;
      linked[i] = 1;
      hit[id] = 1;
    }
    for (let i = shortFrom; i < shortTo; i++) {
      const id = keyOf[i - shortFrom] ?? -1;
      if (id >= 0 && hit[id] === 1 && linked[i] === 0) {
        linked[i] = 1;
        count++;
      }
    }
    // Rows once linked stay linked: past half the rows, the other rules cannot make the answer a subset.
    if (count * 2 > n) return null;
  }
  const out = new Int32Array(count);
  let at = 0;
  for (let i = 0; i < n; i++) if (linked[i] === 1) out[at++] = i;
  return out;
}

/**
 * forEachCandidate on `n` records whose blocking columns are `cols`: one list's, or a link's two lists side
 * by side (joined into one, a million-payout link copied ten columns of two million rows each time, ~100 MB).
 * `sortKey` orders an oversized block.
 */
function blockRecords(
  n: number,
  sortKey: (i: number) => string,
  cols: BlockingColumns | LinkColumns,
  settings: BlockingSettings,
  visit: (i: number, j: number) => void,
  leftActive?: Uint8Array,
): void {
  const leftCount = 'leftCount' in cols ? cols.leftCount : null;
  const leftEnd = leftCount ?? n;
  const takesPart = (i: number): boolean => leftActive === undefined || i >= leftEnd || leftActive[i] === 1;
  let activeLeft = leftEnd;
  if (leftActive !== undefined) {
    activeLeft = 0;
    for (let i = 0; i < leftEnd; i++) if (leftActive[i] === 1) activeLeft++;
  }
  // A byte per record and rule standing for the record's block under every rule so far, the rules of a
  // record side by side (0: none, or an oversized block): checking whether an earlier rule already paired i
  // and j reads two short runs of memory, and only equal bytes are confirmed by computing both keys again.
  // A block id per record and rule (Int32) was 80 MB for the link of a million payouts with a million approved rows.
  const R = BLOCKING_RULES.length;
  const scratch = scratchArrays();
  const cover = scratch.uint8('block.cover', n * R);
  // Each rule's numbers for keys too large to pack (see triple), kept until the end to compute keys again.
  const interns: (KeyTable | null)[] = BLOCKING_RULES.map(() => null);
  let sortKeys: string[] | null = null;
  const cross = leftCount !== null;
  const side = (i: number): number => (leftCount !== null && i >= leftCount ? 1 : 0);
  const keyAt = (q: number, i: number): number => {
    const keyFn = (BLOCKING_RULES[q] as (typeof BLOCKING_RULES)[number])[1];
    const find = (v: number): number => interns[q]?.find(v) ?? -1;
    if (!('leftCount' in cols)) return keyFn(cols, i, find);
    return i < cols.leftCount ? keyFn(cols.left, i, find) : keyFn(cols.right, i - cols.leftCount, find);
  };

  const covered = (upTo: number, i: number, j: number): boolean => {
    const ci = i * R;
    const cj = j * R;
    for (let q = 0; q < upTo; q++) {
      const b = cover[ci + q] ?? 0;
      if (b !== 0 && b === cover[cj + q]) {
        const k = keyAt(q, i);
        if (k >= 0 && k === keyAt(q, j)) return true;
      }
    }
    return false;
  };
  // Pairs already visited inside an oversized block's window: `covered` cannot see them.
  const windowed = new Set<number>();
  const emit = (r: number, i: number, j: number, inWindow: boolean): void => {
    if (cross && side(i) === side(j)) return;
    const lo = i < j ? i : j;
    const hi = i < j ? j : i;
    if (covered(r, lo, hi)) return;
    if (windowed.size > 0 || inWindow) {
      const key = lo * n + hi;
      if (windowed.has(key)) return;
      if (inWindow) windowed.add(key);
    }
    visit(lo, hi);
  };

  BLOCKING_RULES.forEach(([, keyFn], r) => {
    // Each rule's arrays are the same reused ones (see ScratchArrays): fresh ones per rule and run were
    // 1.5 GB of typed arrays in a million-payout audit, and set off a full collection every 64 MB.
    const ids = scratch.int32('step.a', n, -1);
    const intern = (v: number): number => (interns[r] ??= new KeyTable()).idOf(v);
    // The longer list of a link only looks its keys up: a value the shorter list never interned is in no
    // block of it (−1), and numbering it would cost a table entry per row.
    const lookup = (v: number): number => interns[r]?.find(v) ?? -1;
    const table = scratch.table('keys', leftCount === null ? n : Math.min(activeLeft, n - leftCount));
    const sizes = scratch.int32('step.b', n, 0);
    const add = (i: number, id: number): void => {
      ids[i] = id;
      sizes[id] = (sizes[id] ?? 0) + 1;
    };
    if (!('leftCount' in cols)) {
      for (let i = 0; i < n; i++) {
        if (!takesPart(i)) continue;
        const k = keyFn(cols, i, intern);
        if (k >= 0) add(i, table.idOf(k));
      }
    } else {
      // Linking: a block yields pairs only if both lists have its key, so the keys of the shorter list are
      // numbered and the longer list's rows only looked up (a register of a hundred rows against a million
      // payouts no longer numbers a million keys per rule).
      const split = cols.leftCount;
      const leftShorter = activeLeft <= n - split;
      const [shortCols, shortFrom, shortTo] = leftShorter ? [cols.left, 0, split] : [cols.right, split, n];
      const [longCols, longFrom, longTo] = leftShorter ? [cols.right, split, n] : [cols.left, 0, split];
      for (let i = shortFrom; i < shortTo; i++) {
        if (!takesPart(i)) continue;
        const k = keyFn(shortCols, i - shortFrom, intern);
        if (k >= 0) add(i, table.idOf(k));
      }
      // No key on the shorter side: no block of this rule holds both lists (see linkedRowsOf).
      for (let i = longFrom; i < longTo && table.size > 0; i++) {
        if (!takesPart(i)) continue;
        const k = keyFn(longCols, i - longFrom, lookup);
        const id = k >= 0 ? table.find(k) : -1;
        if (id >= 0) add(i, id);
      }
    }
    const blocks = table.size;
    const over = scratch.uint8('step.a', blocks);
    // Counting sort of record indexes by block.
    const start = scratch.int32('step.c', blocks + 1, 0);
    for (let b = 0; b < blocks; b++) start[b + 1] = (start[b] ?? 0) + (sizes[b] ?? 0);
    const fill = scratch.int32('step.d', blocks, 0);
    fill.set(start.subarray(0, blocks));
    const members = scratch.int32('step.e', start[blocks] ?? 0, 0);
    for (let i = 0; i < n; i++) {
      const b = ids[i] ?? -1;
      if (b < 0) continue;
      const at = fill[b] ?? 0;
      members[at] = i;
      fill[b] = at + 1;
    }
    for (let b = 0; b < blocks; b++) {
      const from = start[b] ?? 0;
      const to = start[b + 1] ?? 0;
      const size = to - from;
      if (size < 2) continue;
      if (size <= settings.maxBlockSize && leftCount !== null) {
        // Members are in index order, so the left list's come first: only pairs across the split are
        // visited (walking all pairs and dropping same-side ones was half the blocking time of a link).
        let split = from;
        while (split < to && (members[split] ?? 0) < leftCount) split++;
        for (let x = from; x < split; x++) {
          const i = members[x] ?? 0;
          for (let y = split; y < to; y++) emit(r, i, members[y] ?? 0, false);
        }
        continue;
      }
      if (size <= settings.maxBlockSize) {
        for (let x = from; x < to; x++) {
          const i = members[x] ?? 0;
          for (let y = x + 1; y < to; y++) emit(r, i, members[y] ?? 0, false);
        }
        continue;
      }
      over[b] = 1;
      sortKeys ??= Array.from({ length: n }, (_, i) => sortKey(i));
      const keys = sortKeys;
      const sorted = Array.from(members.subarray(from, to)).sort((i, j) => {
        const ki = keys[i] ?? '';
        const kj = keys[j] ?? '';
        return ki < kj ? -1 : ki > kj ? 1 : i - j;
      });
      for (let x = 0; x < sorted.length; x++) {
        const i = sorted[x] ?? 0;
        const end = Math.min(sorted.length, x + 1 + settings.window);
        for (let y = x + 1; y < end; y++) emit(r, i, sorted[y] ?? 0, true);
      }
    }
    for (let i = 0; i < n; i++) {
      const b = ids[i] ?? -1;
      if (b >= 0 && over[b] === 0) cover[i * R + r] = (b % 255) + 1;
    }
  });
}
