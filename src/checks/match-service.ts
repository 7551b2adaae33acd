import { toPlainRecord, type PersonRecord, type RegisterKind } from '../domain/index.js';
import { BestMatches, DEFAULT_MATCH_CONFIG, forgetPreparationLookups, numericIdKey, bestMatches, dedupe, newPrepareCache, releaseScratchArrays, scratchArrays, type MatchConfig, type BestPairs, type MatchInput, type MatchPair } from '../match/index.js';
import type { PackageRules } from '../rules/index.js';
import { hasProxy, hasTrustedId } from './person-key.js';
import { notSamePersonReason } from './same-person.js';
import { nameKeyOf } from './text.js';
import type { AuditData } from './types.js';

/** A list the matcher can be run on. */
export type MatchSide = 'payouts' | 'beneficiaries' | RegisterKind;

/**
 * People of one list: `of[i]` is the cluster (person) of row i; `members` the rows of each cluster of two
 * rows or more, the only ones the checks look into (a list of a million people, nearly all of one row,
 * held a million one-row arrays).
 */
export interface PersonClusters {
  readonly of: Int32Array;
  readonly members: readonly (readonly number[])[];
  /** The matcher's pair for rows i and j when it compared them (either order). */
  pair(i: number, j: number): MatchPair | undefined;
  /** 'possible' pairs between different clusters (not vetoed), for checks that report them. */
  readonly possible: readonly MatchPair[];
}

/** Memoised matcher results shared by the checks of one run. */
export interface MatchService {
  readonly config: MatchConfig;
  records(side: MatchSide): readonly PersonRecord[];
  /** `dedupe` of one list, without pairs that {@link notSamePersonReason} rules out. */
  dedupe(side: 'payouts' | 'beneficiaries'): readonly MatchPair[];
  /** For each row of `left`, its best partner in `right` (null when none, or ruled out). */
  bestMatches(left: 'payouts' | 'beneficiaries', right: MatchSide): BestPairs;
  /**
   * As {@link bestMatches}, for the rows `rows` of `left` only (null elsewhere): for a check that needs
   * partners of a few rows of a long list. Not remembered.
   */
  bestMatchesOf(left: 'payouts' | 'beneficiaries', right: MatchSide, rows: readonly number[]): BestPairs;
  /** One person per cluster: equal trusted IDs with equal names, or a 'match' pair. */
  clusters(side: 'payouts' | 'beneficiaries'): PersonClusters;
  /** Forgets every remembered result and prepared row (to free memory); asked again, they are rebuilt. */
  release(): void;
  /**
   * Lets go of the arrays the matcher reuses from one run to the next (see ScratchArrays), each as long as the
   * longest list it served so far: the next run allocates its own, as long as its lists.
   */
  trim(): void;
  /**
   * Whether the service let go of a large part of its memory since last asked (a list prepared for one
   * check only): a process holding a large audit may collect then rather than build the next check on it.
   */
  takeLetGo(): boolean;
}

/**
 * The input the matcher sees for a row. A proxy row's ID is withheld because it is often the proxy's,
 * not the person's.
 */
export function matchInput(r: PersonRecord): MatchInput {
  return hasProxy(r) ? { ...toPlainRecord(r), idNumber: null, idKind: null } : r;
}

/** The matcher settings of a package: the matcher's defaults with the package's thresholds. */
export function matchConfigOf(rules: PackageRules): MatchConfig {
  return { ...DEFAULT_MATCH_CONFIG, matchThreshold: rules.matching.matchThreshold, possibleThreshold: rules.matching.possibleThreshold };
}

/** A pair of rows of a list of `n` as one number (exact below 2^53: lists of up to 94 million rows). */
function pairKey(i: number, j: number, n: number): number {
  return i < j ? i * n + j : j * n + i;
}

/** Builds the memoising service over one audit's data. */
export function createMatchService(data: AuditData, rules: PackageRules): MatchService {
  const config = matchConfigOf(rules);
  const inputs = new Map<MatchSide, readonly MatchInput[]>();
  const dedupeMemo = new Map<MatchSide, MatchPair[]>();
  const bestMemo = new Map<string, BestPairs>();
  const clusterMemo = new Map<MatchSide, PersonClusters>();
  // One preparation cache for every matcher run of the audit: the same payouts are matched against the
  // approved list and each register, and parsing their names again each time was a third of the checks.
  let cache = newPrepareCache();
  let letGo = false;

  const records = (side: MatchSide): readonly PersonRecord[] => {
    if (side === 'payouts') return data.payouts;
    if (side === 'beneficiaries') return data.beneficiaries;
    return data.registers[side] ?? [];
  };
  const inputOf = (side: MatchSide): readonly MatchInput[] => {
    let list = inputs.get(side);
    if (list === undefined) {
      // The records themselves unless a row has a proxy: a copy of a million-row list is 8 MB of pointers.
      const rows = records(side);
      list = rows.some(hasProxy) ? rows.map(matchInput) : rows;
      inputs.set(side, list);
    }
    return list;
  };

  const bestOf = (left: 'payouts' | 'beneficiaries', right: MatchSide, active?: Uint8Array): BestPairs => {
    const l = records(left);
    const r = records(right);
    if (r.length === 0) return new BestMatches(l.length, null, null);
    const best = bestMatches(inputOf(left), inputOf(right), config, cache, active);
    for (let i = 0; i < best.length; i++) {
      const p = best.at(i);
      if (p === null) continue;
      const a = l[p.a];
      const b = r[p.b];
      if (a === undefined || b === undefined || notSamePersonReason(a, b) !== null) best.drop(i);
    }
    return best;
  };

  const service: MatchService = {
    config,
    records,
    dedupe(side) {
      let pairs = dedupeMemo.get(side);
      if (pairs === undefined) {
        const rows = records(side);
        // Pairs of two different valid IDs of one kind are ruled out below (notSamePersonReason): not scored at all.
        pairs = dedupe(inputOf(side), config, cache, { dropIdConflicts: true }).filter((p) => {
          const a = rows[p.a];
          const b = rows[p.b];
          return a !== undefined && b !== undefined && notSamePersonReason(a, b) === null;
        });
        dedupeMemo.set(side, pairs);
      }
      return pairs;
    },
    bestMatches(left, right) {
      const key = `${left}>${right}`;
      let best = bestMemo.get(key);
      if (best === undefined) {
        best = bestOf(left, right);
        bestMemo.set(key, best);
      }
      return best;
    },
    bestMatchesOf(left, right, rows) {
      const memo = bestMemo.get(`${left}>${right}`);
      if (memo !== undefined) return memo;
      const active = new Uint8Array(records(left).length);
      for (const i of rows) active[i] = 1;
      // Not remembered, and neither is the preparation of a list first prepared for it (the poor households'
      // register: some 30 MB of prepared rows for a million-payout district, held until the matcher's last check),
      // nor what spares later preparations work: lists come first to the checks that match them whole.
      const rightInput = inputOf(right);
      const prepared = cache.lists.has(rightInput);
      const best = bestOf(left, right, active);
      if (!prepared && cache.lists.delete(rightInput)) {
        forgetPreparationLookups(cache);
        letGo = true;
      }
      return best;
    },
    release() {
      inputs.clear();
      dedupeMemo.clear();
      bestMemo.clear();
      clusterMemo.clear();
      cache = newPrepareCache();
      releaseScratchArrays();
    },
    trim() {
      releaseScratchArrays();
    },
    takeLetGo() {
      const was = letGo;
      letGo = false;
      return was;
    },
    clusters(side) {
      let clusters = clusterMemo.get(side);
      if (clusters === undefined) {
        clusters = buildClusters(records(side), service.dedupe(side));
        clusterMemo.set(side, clusters);
      }
      return clusters;
    },
  };
  return service;
}

function buildClusters(rows: readonly PersonRecord[], pairs: readonly MatchPair[]): PersonClusters {
  const n = rows.length;
  // Arrays of this function only, reused (see ScratchArrays).
  const scratch = scratchArrays();
  const parent = scratch.int32('step.a', n, 0);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    let cur = i;
    while (parent[cur] !== root) {
      const next = parent[cur] ?? root;
      parent[cur] = root;
      cur = next;
    }
    return root;
  };
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  // Equal trusted IDs with the same name are one person even if the matcher skipped the pair: each row
  // joins the first row of its ID and name. Rows are looked up by ID first (a key string per row was a
  // million strings), as a number when the ID is all digits (a Map of a million ID strings was 1.3 s);
  // only an ID seen with another name goes through the ID-and-name key.
  const numericIds = scratch.table('keys', n);
  const firstOfNumericId = scratch.int32('step.e', n, -1);
  const firstById = new Map<string, number>();
  const firstByIdName = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = rows[i] as PersonRecord;
    if (!hasTrustedId(r)) continue;
    const id = r.idNumber ?? '';
    const name = nameKeyOf(r);
    const numeric = numericIdKey(id);
    let first: number | undefined;
    if (numeric >= 0) {
      const dense = numericIds.idOf(numeric);
      first = firstOfNumericId[dense] ?? -1;
      if (first < 0) {
        firstOfNumericId[dense] = i;
        continue;
      }
    } else {
      first = firstById.get(id);
      if (first === undefined) {
        firstById.set(id, i);
        continue;
      }
    }
    if (nameKeyOf(rows[first] as PersonRecord) !== name) {
      const key = `${id}|${name}`;
      first = firstByIdName.get(key);
      if (first === undefined) {
        firstByIdName.set(key, i);
        continue;
      }
    }
    const a = rows[first];
    if (a !== undefined && notSamePersonReason(a, r) === null) union(first, i);
  }
  const lookup = new Map<number, MatchPair>();
  for (const p of pairs) {
    lookup.set(pairKey(p.a, p.b, n), p);
    if (p.decision === 'match') union(p.a, p.b);
  }
  const size = scratch.int32('step.b', n, 0);
  for (let i = 0; i < n; i++) {
    const root = find(i);
    size[root] = (size[root] ?? 0) + 1;
  }
  // Clusters numbered in the order of their first row; the rows of those of two rows or more listed too.
  const clusterOfRoot = scratch.int32('step.c', n, -1);
  const listOfRoot = scratch.int32('step.d', n, -1);
  const members: number[][] = [];
  const of = new Int32Array(n);
  let clusters = 0;
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let c = clusterOfRoot[root] ?? -1;
    if (c < 0) {
      c = clusters++;
      clusterOfRoot[root] = c;
      if ((size[root] ?? 0) >= 2) {
        listOfRoot[root] = members.length;
        members.push([]);
      }
    }
    const list = listOfRoot[root] ?? -1;
    if (list >= 0) members[list]?.push(i);
    of[i] = c;
  }
  const possible = pairs.filter((p) => p.decision === 'possible' && of[p.a] !== of[p.b]);
  return { of, members, possible, pair: (i, j) => lookup.get(pairKey(i, j, n)) };
}
