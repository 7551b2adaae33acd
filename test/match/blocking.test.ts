import { describe, expect, it } from 'vitest';
import { BLOCKING_RULES, forEachCandidate, linkedRows, listColumns } from '../../src/match/blocking.js';
import { KeyTable } from '../../src/match/key-table.js';
import { defaultNameFrequencies } from '../../src/match/name-frequencies.js';
import { newPrepareCache, prepareRows, RunRows } from '../../src/match/prepare.js';
import type { MatchInput } from '../../src/match/prepare.js';
import { runRows } from './run-rows.js';
import { person } from './person.js';

/** A crowd with few given names and years, so blocks hold both lists and some grow past the size cap. */
function crowd(count: number, seed: number) {
  const given = ['Hùng', 'Lan', 'Mai', 'Tâm'];
  const middle = ['Văn', 'Thị', 'Minh'];
  return Array.from({ length: count }, (_, i) => {
    const k = (i * 7919 + seed * 104729) % 997;
    return person({
      fullName: `Nguyễn ${middle[k % 3] ?? ''} ${given[(k >> 2) % 4] ?? ''}`,
      birthYear: 1960 + (k % 5),
      village: `Thôn ${k % 3}`,
      ...(k % 11 === 0 ? { idNumber: `0360${String(60 + (k % 5))}00${String(k % 97).padStart(4, '0')}`, idKind: 'CCCD' as const } : {}),
    });
  });
}

function visited(leftCount: number | null, maxBlockSize: number, leftActive?: Uint8Array, inputs = [...crowd(300, 1), ...crowd(250, 2)]): Set<string> {
  const out = new Set<string>();
  forEachCandidate(runRows(inputs, leftCount), { maxBlockSize, window: 5 }, (i, j) => {
    const key = `${i}:${j}`;
    expect(out.has(key)).toBe(false); // each pair once
    out.add(key);
  }, leftActive);
  return out;
}

describe('forEachCandidate', () => {
  it.each([
    [400, 300],
    [40, 300],
    [400, 120],
    [40, 20],
  ])('visits, when linking, exactly the cross-list pairs the whole list would visit (block cap %i, %i rows on the left)', (cap, left) => {
    const all = visited(null, cap);
    const cross = visited(left, cap);
    const expected = [...all].filter((key) => {
      const [i = 0, j = 0] = key.split(':').map(Number);
      return i < left !== j < left;
    });
    expect(cross.size).toBeGreaterThan(left * 2);
    expect([...cross].sort()).toEqual(expected.sort());
  });

  it.each([
    [300, 3],
    [120, 2],
  ])('visits, for the marked left rows only, exactly their pairs of the whole link (%i rows on the left, every %i-th marked)', (left, every) => {
    const active = new Uint8Array(left);
    for (let i = 0; i < left; i += every) active[i] = 1;
    const whole = visited(left, 400);
    const some = visited(left, 400, active);
    const expected = [...whole].filter((key) => active[Number(key.split(':')[0])] === 1);
    expect(some.size).toBeGreaterThan(left / every);
    expect([...some].sort()).toEqual(expected.sort());
  });

  it.each([
    ['a register of four before the list', 4, true, false],
    ['a register of four after the list', 550, false, false],
    ['a register of four without IDs after the list', 550, false, true],
  ])('visits, linking %s, exactly the cross-list pairs the whole list would visit, blocking only the rows that share a key', (_, left, registerFirst, noIds) => {
    const list = crowd(550, 3);
    // Two of the crowd's people (one of them with a CCCD) and two strangers.
    const register = [list[11], list[22], person({ fullName: 'Lò Văn Khoan', birthYear: 1950 }), person({ fullName: 'Hà Thị Xuân', birthYear: 1971, village: 'Thôn 2' })]
      .map((r) => r!)
      .map((r) => (noIds ? { ...r, idNumber: null, idKind: null } : r));
    const inputs = registerFirst ? [...register, ...list] : [...list, ...register];
    for (const cap of [400, 40]) {
      const whole = visited(null, cap, undefined, inputs);
      const cross = visited(left, cap, undefined, inputs);
      const expected = [...whole].filter((key) => {
        const [i = 0, j = 0] = key.split(':').map(Number);
        return i < left !== j < left;
      });
      expect(cross.size).toBeGreaterThan(10);
      expect([...cross].sort()).toEqual(expected.sort());
    }
    const recs = runRows(inputs, left);
    const rows = linkedRows(recs.left, recs.right!);
    expect(rows).not.toBeNull();
    expect(rows!.length).toBeLessThan(inputs.length / 3);
  });

  it('visits the same pairs with the remembered columns of its lists as with columns read afresh', () => {
    const names = defaultNameFrequencies();
    const cache = newPrepareCache();
    const left = crowd(300, 1);
    const right = crowd(250, 2);
    const leftRows = prepareRows(left, 'trusted', names, cache);
    const rightRows = prepareRows(right, 'trusted', names, cache);
    expect(listColumns(leftRows)).toBe(listColumns(leftRows)); // remembered for the same rows
    const pairs = (leftCount: number | null, register: readonly MatchInput[], active?: Uint8Array): string[] => {
      const out: string[] = [];
      forEachCandidate(runRows([...left, ...register], leftCount), { maxBlockSize: 40, window: 5 }, (i, j) => out.push(`${i}:${j}`), active);
      return out;
    };
    const few = right.slice(0, 12);
    const fewRows = prepareRows(few, 'trusted', names, cache);
    for (const [register, rows, active] of [
      [right, rightRows, undefined],
      [right, rightRows, Uint8Array.from(left, (_, i) => (i % 7 === 0 ? 1 : 0))],
      [few, fewRows, undefined], // few rows linked: blocked as a subset
    ] as const) {
      const remembered: string[] = [];
      forEachCandidate(new RunRows(leftRows, rows, cache), { maxBlockSize: 40, window: 5 }, (i, j) => remembered.push(`${i}:${j}`), active);
      expect(remembered.length).toBeGreaterThan(20);
      expect(remembered).toEqual(pairs(left.length, register, active));
    }
    const alone: string[] = [];
    forEachCandidate(new RunRows(leftRows, null, cache), { maxBlockSize: 40, window: 5 }, (i, j) => alone.push(`${i}:${j}`));
    expect(alone).toEqual(pairs(null, []));
  });

  it('visits exactly the pairs that share a key of some rule, in lists with far more blocks than a byte can tell apart', () => {
    // Many given names, years and villages: hundreds of blocks per rule, so the byte kept per record and rule
    // for its block repeats across blocks, and only the keys computed again tell covered pairs from others.
    const given = ['Hùng', 'Lan', 'Mai', 'Tâm', 'Khuê', 'Sơn', 'Hải', 'Yến', 'Tuấn', 'Hoa', 'Nam', 'Dung', 'Bình', 'Cúc', 'Đào', 'Giang'];
    const middle = ['Văn', 'Thị', 'Minh', 'Đức', 'Ngọc'];
    const inputs = Array.from({ length: 700 }, (_, i) => {
      const k = (i * 7919 + 104729) % 9973;
      return person({
        fullName: `${['Nguyễn', 'Trần', 'Lê'][k % 3] ?? ''} ${middle[(k >> 2) % 5] ?? ''} ${given[(k >> 4) % 16] ?? ''}`,
        birthYear: 1940 + (k % 40),
        ...(k % 4 === 0 ? { birthDate: `${1940 + (k % 40)}-0${1 + (k % 9)}-1${k % 10}` } : {}),
        village: `Thôn ${k % 9}`,
        ...(k % 5 === 0 ? { idNumber: `0360${String(k % 100).padStart(2, '0')}00${String(k % 211).padStart(4, '0')}`, idKind: 'CCCD' as const } : {}),
      });
    });
    const recs = runRows(inputs, null);
    const cols = listColumns(recs.left);
    const keys = BLOCKING_RULES.map(([, keyFn]) => {
      const intern = new KeyTable();
      return inputs.map((_, i) => keyFn(cols, i, (v) => intern.idOf(v)));
    });
    expect(Math.max(...keys.map((k) => new Set(k.filter((x) => x >= 0)).size))).toBeGreaterThan(600);
    const expected: string[] = [];
    for (let i = 0; i < inputs.length; i++) {
      for (let j = i + 1; j < inputs.length; j++) {
        if (keys.some((k) => (k[i] ?? -1) >= 0 && k[i] === k[j])) expected.push(`${i}:${j}`);
      }
    }
    const seen: string[] = [];
    // No block over the cap: every pair of a block is visited, once.
    forEachCandidate(recs, { maxBlockSize: 10_000, window: 5 }, (i, j) => seen.push(`${i}:${j}`));
    expect(new Set(seen).size).toBe(seen.length);
    expect(expected.length).toBeGreaterThan(1000);
    expect(seen.sort()).toEqual(expected.sort());
  });
});
