import { pushTo } from './helpers.js';
import type { PersonRecord } from '../domain/index.js';
import type { MatchPair } from '../match/index.js';
import { paidInDifferentMonths, paymentsOverlap } from './period.js';
import { textKey } from './text.js';
import type { CheckContext } from './types.js';

/** Rows of one list that pay one person twice for one group. */
export interface DuplicateSet {
  readonly rows: readonly PersonRecord[];
  /** The matcher pairs linking them (empty when linked by equal ID and name alone). */
  readonly pairs: readonly MatchPair[];
  /** Lowest probability among the links (1 when linked by ID). */
  readonly score: number;
  readonly decision: 'match' | 'possible';
  /** Some rows do not say which months they pay and were paid in different months: perhaps instalments. */
  readonly periodUnknown: boolean;
}

function groupKey(r: PersonRecord): string {
  return r.groupCode ?? `label:${textKey(r.groupLabel)}`;
}

/**
 * Duplicate payments in one list: rows of one person (a cluster of {@link MatchService.clusters}) in one
 * group whose months overlap, joined into connected sets. With `withPossible`, also 'possible' pairs across
 * clusters (reported with a lower severity).
 */
export function duplicateSets(ctx: CheckContext, side: 'payouts' | 'beneficiaries', withPossible: boolean): DuplicateSet[] {
  const rows = ctx.matches.records(side);
  const clusters = ctx.matches.clusters(side);
  const out: DuplicateSet[] = [];
  const relation = (a: PersonRecord, b: PersonRecord) =>
    groupKey(a) !== groupKey(b) ? 'no' : paymentsOverlap(a, b, a.groupCode ? ctx.rules.groups[a.groupCode] : undefined, ctx.rules);
  const overlap = (a: PersonRecord, b: PersonRecord) => relation(a, b) !== 'no';
  const uncertain = (set: readonly PersonRecord[]) =>
    set.some((a, x) => set.some((b, y) => x < y && relation(a, b) === 'unknown' && paidInDifferentMonths(a, b)));
  for (const members of clusters.members) {
    if (members.length < 2) continue;
    const byGroup = new Map<string, number[]>();
    for (const i of members) {
      const r = rows[i];
      if (r === undefined) continue;
      const k = groupKey(r);
      pushTo(byGroup, k, i);
    }
    for (const idx of byGroup.values()) {
      if (idx.length < 2) continue;
      // connected components of the overlap graph
      const comp = new Map<number, number>();
      idx.forEach((i) => comp.set(i, i));
      const root = (i: number): number => {
        let r = i;
        while (comp.get(r) !== r) r = comp.get(r) ?? r;
        return r;
      };
      for (let x = 0; x < idx.length; x++) {
        for (let y = x + 1; y < idx.length; y++) {
          const i = idx[x] ?? 0;
          const j = idx[y] ?? 0;
          const a = rows[i];
          const b = rows[j];
          if (a && b && overlap(a, b)) comp.set(root(j), root(i));
        }
      }
      const sets = new Map<number, number[]>();
      for (const i of idx) {
        const r = root(i);
        pushTo(sets, r, i);
      }
      for (const set of sets.values()) {
        if (set.length < 2) continue;
        const pairs: MatchPair[] = [];
        for (let x = 0; x < set.length; x++) {
          for (let y = x + 1; y < set.length; y++) {
            const p = clusters.pair(set[x] ?? 0, set[y] ?? 0);
            if (p) pairs.push(p);
          }
        }
        const matched = pairs.filter((p) => p.decision === 'match');
        const score = matched.length === 0 ? 1 : Math.min(...matched.map((p) => p.probability));
        const setRows = set.map((i) => rows[i]).filter((r): r is PersonRecord => r !== undefined);
        out.push({ rows: setRows, pairs, score, decision: 'match', periodUnknown: uncertain(setRows) });
      }
    }
  }
  if (withPossible) {
    for (const p of clusters.possible) {
      const a = rows[p.a];
      const b = rows[p.b];
      if (a && b && overlap(a, b)) out.push({ rows: [a, b], pairs: [p], score: p.probability, decision: 'possible', periodUnknown: uncertain([a, b]) });
    }
  }
  return out;
}
