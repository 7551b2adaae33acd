/**
 * Columns of a {@link ColumnarRecords} that hold their rows more compactly than a coded Column: whole
 * numbers in 32 bits ({@link IntColumn}), and fields that change together as one code ({@link TupleColumns}).
 */
import { Column, withRoomForCode, withRoomForInt32, type RecordColumn } from './column.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * Whole numbers (a row's number on its sheet) in 32 bits a row, where a plain column held a slot of 8:
 * 9.5 MB less for a million-payout audit's 2.4 million rows. Turns plain at the first value that is not a
 * 32-bit whole number (null included), keeping every earlier one.
 */
export class IntColumn implements RecordColumn {
  private values: Int32Array = new Int32Array(256);
  private plain: unknown[] | null = null;
  private length = 0;

  push(value: unknown): void {
    if (this.plain !== null) {
      this.plain.push(value);
      this.length++;
      return;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX || Object.is(value, -0)) {
      this.plain = Array.from(this.values.subarray(0, this.length));
      this.values = new Int32Array(0);
      this.push(value);
      return;
    }
    if (this.length === this.values.length) this.values = withRoomForInt32(this.values, this.length);
    this.values[this.length++] = value;
  }

  get(i: number): unknown {
    return this.plain === null ? (i < this.length ? this.values[i] : undefined) : this.plain[i];
  }

  seal(): void {
    if (this.plain === null && this.values.length > this.length) this.values = this.values.slice(0, this.length);
    else if (this.plain !== null) this.plain = this.plain.slice();
  }
}

/** Distinct tuples a {@link TupleColumns} codes at most (16-bit codes); past it, each field gets its own column. */
const TUPLE_LIMIT = 0xffff;

/**
 * Fields that change together, sheet by sheet (the list, file and sheet a row sits on, its village and
 * commune), as one code a row for all of them: a byte while the table has at most 255 distinct
 * combinations (a file has a few dozen sheets), where a coded column per field took a byte each — some
 * 17 MB less for a million-payout audit. Read through {@link member}s, one per field. Past 65,535
 * combinations each field turns into a coded column of its own, keeping every earlier row.
 */
export class TupleColumns {
  private codes: Uint8Array | Uint16Array = new Uint8Array(256);
  private readonly tuples: (readonly unknown[])[] = [];
  private index: Map<string, number> | null = new Map();
  private last: readonly unknown[] | null = null;
  private lastCode = 0;
  /** Each field's own column once the combinations outnumber the codes; null until then. */
  private split: Column[] | null = null;
  private length = 0;

  constructor(readonly width: number) {}

  /** Adds a row: its fields' values, `width` of them (copied: `values` may be reused). */
  push(values: readonly unknown[]): void {
    if (this.split !== null) {
      for (let k = 0; k < this.width; k++) (this.split[k] as Column).push(values[k] ?? null);
      this.length++;
      return;
    }
    let code = this.lastCode;
    if (this.last === null || !sameValues(this.last, values, this.width)) {
      const tuple = values.slice(0, this.width).map((v) => v ?? null);
      const key = JSON.stringify(tuple);
      const index = this.index ?? this.reindex();
      const known = index.get(key);
      if (known === undefined) {
        if (this.tuples.length >= TUPLE_LIMIT) {
          this.splitUp();
          this.push(values);
          return;
        }
        code = this.tuples.length;
        this.tuples.push(tuple);
        index.set(key, code);
      } else code = known;
      this.last = this.tuples[code] as readonly unknown[];
      this.lastCode = code;
    }
    let codes = this.codes;
    if (this.length === codes.length || code > 0xff) codes = this.codes = withRoomForCode(codes, this.length, code);
    codes[this.length++] = code;
  }

  /** Field `k` of row `i`. */
  get(i: number, k: number): unknown {
    if (this.split !== null) return (this.split[k] as Column).get(i);
    return i < this.length ? (this.tuples[this.codes[i] as number] as readonly unknown[])[k] : undefined;
  }

  /** The column through which field `k` is read (its pushes go through {@link push}, for all fields at once). */
  member(k: number): RecordColumn {
    return new TupleMember(this, k);
  }

  /** Rows are no longer added for now: the lookup and the spare room of the codes are let go. */
  seal(): void {
    this.index = null;
    if (this.split !== null) for (const column of this.split) column.seal();
    else if (this.codes.length > this.length) this.codes = this.codes.slice(0, this.length);
  }

  private reindex(): Map<string, number> {
    const index = new Map<string, number>();
    this.tuples.forEach((tuple, code) => index.set(JSON.stringify(tuple), code));
    this.index = index;
    return index;
  }

  private splitUp(): void {
    const split = Array.from({ length: this.width }, () => new Column(true));
    for (let i = 0; i < this.length; i++) {
      const tuple = this.tuples[this.codes[i] as number] as readonly unknown[];
      for (let k = 0; k < this.width; k++) (split[k] as Column).push(tuple[k]);
    }
    this.split = split;
    this.codes = new Uint8Array(0);
    this.tuples.length = 0;
    this.index = null;
    this.last = null;
  }
}

function sameValues(a: readonly unknown[], b: readonly unknown[], width: number): boolean {
  for (let k = 0; k < width; k++) if (a[k] !== (b[k] ?? null)) return false;
  return true;
}

/** One field of a {@link TupleColumns}: read alone, pushed with the others by the table. */
class TupleMember implements RecordColumn {
  constructor(
    private readonly tuples: TupleColumns,
    private readonly k: number,
  ) {}

  push(): void {
    throw new Error('a field of a TupleColumns is pushed with the others (TupleColumns.push)');
  }

  get(i: number): unknown {
    return this.tuples.get(i, this.k);
  }

  seal(): void {}
}
