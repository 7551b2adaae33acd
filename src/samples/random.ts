/**
 * A small seeded pseudo-random generator (mulberry32) with the helpers the sample generator needs.
 * Every draw goes through one instance so that the same seed always yields the same samples.
 */
export class Random {
  /** A float in [0, 1). */
  readonly next: () => number;

  constructor(seed: number) {
    // Mix the seed so that neighbouring seeds (1, 2, 3) start far apart.
    this.next = mulberry32((Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0);
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    const value = list[Math.floor(this.next() * list.length)];
    if (value === undefined) throw new Error('pick from an empty list');
    return value;
  }

  /** A digit string of the given length (leading zeros allowed). */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String(this.int(0, 9));
    return out;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(list: readonly T[]): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = a;
    }
    return copy;
  }
}

/** A list of items with weights, sampled by binary search over the cumulative weights. */
export class WeightedList<T> {
  private readonly items: readonly T[];
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(entries: readonly { readonly item: T; readonly weight: number }[]) {
    if (entries.length === 0) throw new Error('empty weighted list');
    this.items = entries.map((e) => e.item);
    let sum = 0;
    for (const e of entries) {
      sum += Math.max(0, e.weight);
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  draw(random: Random): T {
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    const item = this.items[lo];
    if (item === undefined) throw new Error('weighted draw out of range');
    return item;
  }
}

/** mulberry32: floats in [0, 1) from a 32-bit state, the same sequence for the same seed on every run. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
