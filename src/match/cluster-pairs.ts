import type { MatchPair } from './match-pair.js';

/**
 * Groups of duplicates: the connected components (union–find) of the 'match' pairs over records 0..n−1.
 * Only groups of two or more are returned, each sorted, ordered by their first index.
 * @example clusterPairs(4, dedupe(list)) // [[0, 2, 3]] when 0~2 and 2~3 match
 */
export function clusterPairs(n: number, pairs: readonly MatchPair[]): number[][] {
  const parent = new Int32Array(n).map((_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while ((parent[r] ?? r) !== r) r = parent[r] ?? r;
    let c = x;
    while ((parent[c] ?? c) !== r) {
      const next = parent[c] ?? c;
      parent[c] = r;
      c = next;
    }
    return r;
  };
  for (const p of pairs) {
    if (p.decision !== 'match' || p.a < 0 || p.b < 0 || p.a >= n || p.b >= n) continue;
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g === undefined) groups.set(r, [i]);
    else g.push(i);
  }
  return [...groups.values()].filter((g) => g.length > 1).sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
}
