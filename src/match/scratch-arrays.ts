import { KeyTable } from './key-table.js';

/**
 * Typed arrays the matcher (blocking, pairing by ID, clustering) reuses from one link or within-list matching
 * of a run to the next: each needs the same few arrays of about a list's length. Typed arrays live outside
 * V8's heap, and every 64 MB of them allocated since the last full collection starts another one, which
 * marks the whole audit again: a million-payout audit allocated 2.1 GB of them in its checks, and six to ten
 * of its ten or eleven full collections of a 2.3 GB heap (0.2–1.4 s of pause each) were started by them.
 * Arrays are handed out by name, each a view of the longest one asked for under that name so far: a caller
 * must not use two of one name at once, nor keep one past its call. The steps that run one after another
 * (counting a list's values, pairing by ID, finding the linked rows, blocking, clustering) share their names: key tables 'keys' and
 * 'compact' (four tables of a million-row list's size were some 100 MB held side by side), and arrays
 * 'step.a' to 'step.e' (some 60 MB under names of their own, 24 MB shared).
 */
export class ScratchArrays {
  private readonly int32s = new Map<string, Int32Array>();
  private readonly uint8s = new Map<string, Uint8Array>();
  private readonly tables = new Map<string, KeyTable>();

  /** An Int32Array of length `n` under `name`, every entry `value`. */
  int32(name: string, n: number, value: number): Int32Array {
    let kept = this.int32s.get(name);
    if (kept === undefined || kept.length < n) {
      kept = new Int32Array(n);
      this.int32s.set(name, kept);
    }
    return kept.subarray(0, n).fill(value);
  }

  /** A Uint8Array of length `n` under `name`, all zeros. */
  uint8(name: string, n: number): Uint8Array {
    let kept = this.uint8s.get(name);
    if (kept === undefined || kept.length < n) {
      kept = new Uint8Array(n);
      this.uint8s.set(name, kept);
    }
    return kept.subarray(0, n).fill(0);
  }

  /** An empty KeyTable under `name`, with room for about `expected` keys before it grows. */
  table(name: string, expected = 0): KeyTable {
    let kept = this.tables.get(name);
    if (kept === undefined || !kept.fits(expected)) {
      kept = new KeyTable(expected);
      this.tables.set(name, kept);
    } else kept.clear();
    return kept;
  }
}

let shared = new ScratchArrays();

/** The arrays this thread's matcher reuses until {@link releaseScratchArrays}. */
export function scratchArrays(): ScratchArrays {
  return shared;
}

/** Lets go of the kept arrays (once a run's last matching is done: each as long as the longest list it served). */
export function releaseScratchArrays(): void {
  shared = new ScratchArrays();
}
