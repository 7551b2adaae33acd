const DIGITS = /^[0-9]+$/;

/** The share of a KeyTable's slots it fills before it grows. */
const MAX_LOAD = 5 / 8;

/**
 * An all-digit ID of up to 13 digits as one exact number for a {@link KeyTable} (its value × 16 + its length,
 * so "012345678" ≠ "12345678"); −1 for any other text.
 */
export function numericIdKey(id: string): number {
  return id.length > 0 && id.length <= 13 && DIGITS.test(id) ? Number(id) * 16 + id.length : -1;
}

/**
 * Numbers distinct non-negative integer keys (below 2^53) 0, 1, 2, … in order of first sight. An open-addressing
 * table on typed arrays: a Map with keys above 2^31 boxes every key, which dominated blocking a million records.
 * Filled to at most 5/8 of its slots (at most half, a table for 1.05 million keys took 4 million slots, 48 MB).
 */
export class KeyTable {
  private keys: Float64Array;
  private ids: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap * MAX_LOAD < expected) cap *= 2;
    this.keys = new Float64Array(cap).fill(-1);
    this.ids = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(key: number): number {
    const lo = key >>> 0;
    const hi = Math.floor(key / 4294967296) | 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** Whether about `expected` keys fit without growing (as a table made for them). */
  fits(expected: number): boolean {
    return this.keys.length * MAX_LOAD >= expected;
  }

  /**
   * Forgets every key and starts numbering at 0 again, keeping the capacity (see ScratchArrays).
   */
  clear(): void {
    if (this.size === 0) return;
    this.keys.fill(-1);
    this.size = 0;
  }

  /** The id of `key`, or −1 when it has none (nothing is assigned). */
  find(key: number): number {
    let s = this.slot(key);
    for (;;) {
      const k = this.keys[s] ?? -1;
      if (k === key) return this.ids[s] ?? -1;
      if (k === -1) return -1;
      s = (s + 1) & this.mask;
    }
  }

  /** The id of `key`, assigning the next one when it is new. */
  idOf(key: number): number {
    let s = this.slot(key);
    for (;;) {
      const k = this.keys[s] ?? -1;
      if (k === key) return this.ids[s] ?? -1;
      if (k === -1) break;
      s = (s + 1) & this.mask;
    }
    const id = this.size++;
    this.keys[s] = key;
    this.ids[s] = id;
    if (this.size > this.keys.length * MAX_LOAD) this.grow();
    return id;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldIds = this.ids;
    this.keys = new Float64Array(oldKeys.length * 2).fill(-1);
    this.ids = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i] ?? -1;
      if (k === -1) continue;
      let s = this.slot(k);
      while ((this.keys[s] ?? -1) !== -1) s = (s + 1) & this.mask;
      this.keys[s] = k;
      this.ids[s] = oldIds[i] ?? 0;
    }
  }
}
