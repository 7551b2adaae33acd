import { describe, expect, it } from 'vitest';
import { KeyTable } from '../../src/match/key-table.js';

describe('KeyTable', () => {
  it('numbers distinct large keys in order of first sight, across growth', () => {
    const table = new KeyTable(4);
    const keys = Array.from({ length: 5000 }, (_, i) => (i % 2500) * 16777216 * 4096 + i); // up to ~2^48
    const ids = keys.map((k) => table.idOf(k));
    expect(ids.slice(0, 3)).toEqual([0, 1, 2]);
    expect(table.size).toBe(5000);
    expect(keys.map((k) => table.idOf(k))).toEqual(ids);
    expect(table.idOf(0)).toBe(0);
    expect(table.idOf(2 ** 52 + 1)).toBe(5000);
  });

  it('forgets every key when cleared, numbers from 0 again and keeps its room', () => {
    const table = new KeyTable(100);
    for (let k = 0; k < 150; k++) table.idOf(k * 1e9);
    expect(table.fits(150)).toBe(true);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.find(0)).toBe(-1);
    expect(table.find(149e9)).toBe(-1);
    expect(table.idOf(7)).toBe(0);
    expect(table.idOf(149e9)).toBe(1);
    expect(table.fits(150)).toBe(true);
    expect(new KeyTable(10).fits(5000)).toBe(false);
  });
});
