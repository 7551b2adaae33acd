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
});
