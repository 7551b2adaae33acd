import { describe, expect, it } from 'vitest';
import { bestMatches, BestMatches, DEFAULT_MATCH_CONFIG, link, type MatchConfig, type MatchInput, type MatchPair } from '../../src/match/index.js';
import { person } from './person.js';

const GIVEN = ['Hùng', 'Lan', 'Mai', 'Tâm', 'Khuê', 'Sơn', 'Hải', 'Yến', 'Tuấn', 'Hoa', 'Nam', 'Dung'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Đức', 'Ngọc'];
const SURNAME = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Vũ', 'Đỗ'];

/** A valid CCCD of Thái Bình (034), born in the 1960s, numbered k. */
const cccd = (k: number, year: number): string => `0340${String(year % 100).padStart(2, '0')}${String(k).padStart(6, '0')}`;

/**
 * Payees and beneficiaries of one commune drawn from few names, most with the ID of someone on the
 * other list: some IDs are shared by several beneficiaries (a typing error copied down), one by more
 * people than the block cap, a few typed as another kind of ID, others missing.
 */
function lists(seed: number): { left: MatchInput[]; right: MatchInput[] } {
  const make = (k: number, withId: boolean, kind: 'CCCD' | 'CMND' = 'CCCD'): MatchInput => {
    const h = (k * 7919 + seed * 104729) % 9973;
    const year = 1960 + (h % 6);
    return person({
      fullName: `${SURNAME[h % 6] ?? ''} ${MIDDLE[(h >> 3) % 5] ?? ''} ${GIVEN[(h >> 6) % 12] ?? ''}`,
      birthYear: year,
      gender: h % 2 === 0 ? 'M' : 'F',
      village: `Thôn ${h % 3}`,
      ...(withId ? { idNumber: cccd(k % 240, year), idKind: kind } : {}),
    });
  };
  const right = Array.from({ length: 300 }, (_, k) => make(k, k % 5 !== 0));
  const left = Array.from({ length: 360 }, (_, k) => {
    if (k % 9 === 0) return make(k + 1000, true); // an ID no beneficiary has
    if (k % 13 === 0) return make(k, true, 'CMND'); // the same digits, typed as another kind of ID
    if (k % 7 === 0) return make(k, false);
    return make(k % 300, true);
  });
  // One ID held by more rows than the block cap: compared by window, as in the whole link.
  for (let k = 0; k < 5; k++) right.push({ ...make(7, true), idNumber: cccd(7, 1960 + ((7 * 7919 + seed * 104729) % 9973 % 6)) });
  return { left, right };
}

/** Each left row's best pair as bestMatches defines it, from every pair of the whole link. */
function bestOfWholeLink(left: MatchInput[], right: MatchInput[], config: MatchConfig, active?: Uint8Array): (MatchPair | null)[] {
  const best: (MatchPair | null)[] = left.map(() => null);
  for (const pair of link(left, right, config, undefined, active)) {
    const current = best[pair.a] ?? null;
    if (current === null || (pair.byId && !current.byId) || (pair.byId === current.byId && pair.weight > current.weight)) best[pair.a] = pair;
  }
  return best;
}

const summary = (best: readonly (MatchPair | null)[]): string[] =>
  best.map((p, i) => (p === null ? `${i}: none` : `${i}: ${p.b} ${p.decision} ${p.byId ? 'id' : 'score'} ${p.weight.toFixed(6)}`));

describe('bestMatches', () => {
  it.each([1, 2])('pairs rows by their valid ID first and gives every row the best pair of the whole link (seed %i)', (seed) => {
    const { left, right } = lists(seed);
    const expected = bestOfWholeLink(left, right, DEFAULT_MATCH_CONFIG);
    const actual = bestMatches(left, right, DEFAULT_MATCH_CONFIG).toArray();
    expect(actual.filter((p) => p?.byId === true).length).toBeGreaterThan(left.length / 2);
    expect(actual.filter((p) => p !== null && !p.byId).length).toBeGreaterThan(50);
    expect(summary(actual)).toEqual(summary(expected));
    // Explanations are built from the same evidence.
    const i = actual.findIndex((p) => p?.byId === true);
    expect(actual[i]?.comparisons).toEqual(expected[i]?.comparisons);
  });

  it('with blocks over the cap, pairs by ID as the whole link and finds the others no worse', () => {
    // Rows paired by ID leave the other blocks: a block over the cap may then be compared all-pairs or by
    // a window over fewer rows, which compares more pairs, never fewer.
    const { left, right } = lists(3);
    const config: MatchConfig = { ...DEFAULT_MATCH_CONFIG, blocking: { maxBlockSize: 6, window: 3 } };
    const expected = bestOfWholeLink(left, right, config);
    const actual = bestMatches(left, right, config).toArray();
    const byId = summary(expected).filter((_, i) => expected[i]?.byId === true);
    expect(byId.length).toBeGreaterThan(left.length / 2);
    expect(summary(actual).filter((_, i) => expected[i]?.byId === true)).toEqual(byId);
    // The ID held by more rows than the cap is compared by window, as in the whole link.
    expect(actual.filter((p) => p?.byId === true).length).toBe(byId.length);
    actual.forEach((p, i) => expect(p?.weight ?? -Infinity).toBeGreaterThanOrEqual(expected[i]?.weight ?? -Infinity));
  });

  it('keeps to the marked left rows', () => {
    const { left, right } = lists(4);
    const active = new Uint8Array(left.length);
    for (let i = 0; i < left.length; i += 4) active[i] = 1;
    const expected = bestOfWholeLink(left, right, DEFAULT_MATCH_CONFIG, active);
    const actual = bestMatches(left, right, DEFAULT_MATCH_CONFIG, undefined, active).toArray();
    expect(actual.filter((p, i) => p !== null && active[i] === 0)).toEqual([]);
    expect(summary(actual)).toEqual(summary(expected));
  });
});

describe('BestMatches', () => {
  /** A scored pair of left row a and right row b. */
  const pair = (a: number, b: number, weight: number, byId = false): MatchPair =>
    ({ a, b, weight, probability: 0.5, decision: weight >= 8 ? 'match' : 'possible', byId, comparisons: [], prior: 0, matchThreshold: 8, possibleThreshold: 4 }) as MatchPair;
  /** Makes a held pair again, as a run does. */
  const make = (a: number, b: number, weight: number, _decision: string, byId: boolean): MatchPair => pair(a, b, weight, byId);

  it('reads a row paired by ID as a pair by ID, scored only when its weight is read', () => {
    const scored: string[] = [];
    const byId = new Int32Array([-1, 7, -1]);
    const best = new BestMatches(3, byId, (a, b) => {
      scored.push(`${a}-${b}`);
      return pair(a, b, 30, true);
    });
    const p = best.at(1);
    expect([p?.a, p?.b, p?.byId, p?.decision]).toEqual([1, 7, true, 'match']);
    expect(scored).toEqual([]);
    expect(p?.weight).toBe(30);
    expect(scored).toEqual(['1-7']);
    expect([best.at(0), best.at(2), best.at(3)]).toEqual([null, null, null]);
  });

  it('keeps the pair by ID over any score, then the higher weight, and forgets a dropped row', () => {
    const best = new BestMatches(2, null, null, make);
    best.offer(pair(0, 3, 9));
    best.offer(pair(0, 4, 12));
    best.offer(pair(0, 5, 10));
    expect(best.at(0)?.b).toBe(4);
    best.offer(pair(0, 6, 2, true));
    expect(best.at(0)?.b).toBe(6);
    best.offer(pair(0, 7, 40));
    expect(best.at(0)?.b).toBe(6);
    best.offer(pair(1, 1, 5));
    best.drop(0);
    expect(best.toArray().map((p) => p?.b ?? null)).toEqual([null, 1]);
  });

  it('holds few pairs by ID (a register against a long list) as it holds many', () => {
    const run = (length: number): (string | null)[] => {
      const byId = new Int32Array(length).fill(-1);
      byId[1] = 7;
      byId[length - 1] = 9;
      const best = new BestMatches(length, byId, (a, b) => pair(a, b, 30, true), make);
      best.offer(pair(1, 2, 40)); // a scored pair never beats the pair by ID
      best.offer(pair(0, 3, 9));
      best.offer(pair(0, 4, 12));
      best.drop(length - 1);
      best.offer(pair(length - 1, 5, 6));
      return [0, 1, 2, length - 1].map((i) => {
        const p = best.at(i);
        return p === null ? null : `${p.b} ${p.byId ? 'id' : 'score'} ${p.weight}`;
      });
    };
    const expected = ['4 score 12', '7 id 30', null, '5 score 6'];
    expect(run(4)).toEqual(expected); // a partner per row
    expect(run(1000)).toEqual(expected); // two rows of a thousand: held by row
  });
});
