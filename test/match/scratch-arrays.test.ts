import { describe, expect, it } from 'vitest';
import { forEachCandidate } from '../../src/match/blocking.js';
import { ScratchArrays, releaseScratchArrays } from '../../src/match/scratch-arrays.js';
import { person } from './person.js';
import { runRows } from './run-rows.js';

describe('ScratchArrays', () => {
  it('hands out arrays of the length asked for, filled, reusing the longest one kept under a name', () => {
    const scratch = new ScratchArrays();
    const a = scratch.int32('a', 10, -1);
    expect([...a]).toEqual(Array(10).fill(-1));
    a[3] = 42;
    const shorter = scratch.int32('a', 4, 0);
    expect(shorter.buffer).toBe(a.buffer); // the same memory, no new allocation
    expect([...shorter]).toEqual([0, 0, 0, 0]);
    const longer = scratch.int32('a', 20, 5);
    expect(longer.buffer).not.toBe(a.buffer);
    expect(longer.length).toBe(20);
    expect(scratch.int32('b', 10, 1).buffer).not.toBe(longer.buffer); // names do not share
    const bytes = scratch.uint8('c', 8);
    bytes.fill(9);
    expect([...scratch.uint8('c', 8)]).toEqual(Array(8).fill(0));
  });

  it('hands out an empty table under a name, the same one while it has room', () => {
    const scratch = new ScratchArrays();
    const t = scratch.table('t', 100);
    t.idOf(12345);
    const again = scratch.table('t', 50);
    expect(again).toBe(t);
    expect(again.size).toBe(0);
    expect(again.find(12345)).toBe(-1);
    expect(scratch.table('t', 100_000)).not.toBe(t);
  });
});

describe('blocking with reused arrays', () => {
  /** People with few names and years, so blocks overlap and some exceed the cap. */
  const crowd = (count: number, seed: number) =>
    Array.from({ length: count }, (_, i) => {
      const k = (i * 7919 + seed * 104729) % 991;
      return person({ fullName: `Trần ${['Văn', 'Thị'][k % 2] ?? ''} ${['Hùng', 'Lan', 'Mai', 'Tâm', 'Khuê'][k % 5] ?? ''}`, birthYear: 1970 + (k % 4), village: `Thôn ${k % 3}` });
    });
  const pairs = (count: number, seed: number, leftCount: number | null): string[] => {
    const out: string[] = [];
    forEachCandidate(runRows(crowd(count, seed), leftCount), { maxBlockSize: 30, window: 4 }, (i, j) => out.push(`${i}:${j}`));
    return out;
  };

  it('visits the same pairs in runs of any size and order as with fresh arrays', () => {
    const runs: [number, number, number | null][] = [[400, 1, null], [60, 2, 20], [500, 3, 250], [30, 4, null], [400, 1, null], [200, 5, 199]];
    const fresh = runs.map(([count, seed, left]) => {
      releaseScratchArrays();
      return pairs(count, seed, left);
    });
    releaseScratchArrays();
    const reused = runs.map(([count, seed, left]) => pairs(count, seed, left));
    expect(fresh[0]?.length).toBeGreaterThan(100);
    expect(reused).toEqual(fresh);
    expect(reused[4]).toEqual(reused[0]);
  });
});
