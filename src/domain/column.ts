/** What a {@link ColumnarRecords} reads a row's field from. */
export interface RecordColumn {
  push(value: unknown): void;
  get(i: number): unknown;
  seal(): void;
}

/**
 * `codes` with room for `code` at index `length`: the array itself while it has both, else a copy twice as
 * long (at least 256, zeros past what it held) — in 16 bits once a code needs more than a byte. For a caller
 * that checks `length === codes.length || code > 0xff` first (the common case allocates nothing).
 */
export function withRoomForCode(codes: Uint8Array | Uint16Array, length: number, code: number): Uint8Array | Uint16Array {
  const wide = code > 0xff || codes instanceof Uint16Array;
  if (length < codes.length && wide === codes instanceof Uint16Array) return codes;
  const size = length < codes.length ? codes.length : Math.max(256, length * 2);
  const grown = wide ? new Uint16Array(size) : new Uint8Array(size);
  grown.set(codes);
  return grown;
}

/** `values` with room for one more at index `length`: itself, or a copy twice as long (at least 256) when full. */
export function withRoomForInt32(values: Int32Array, length: number): Int32Array {
  if (length < values.length) return values;
  const grown = new Int32Array(Math.max(256, length * 2));
  grown.set(values);
  return grown;
}

/** Distinct values a coded column holds at most (codes are 16-bit, 0 standing for null). */
const CODE_LIMIT = 0xffff;

/**
 * One field's values for the rows of a {@link ColumnarRecords}. A coded column keeps each distinct value once
 * and a code per row (a commune's name, a group, a year: a few values over thousands of rows), a byte while
 * it has at most 255 values, 16 bits up to 65,535; a plain
 * column one slot per row (names, IDs). Neither holds anything per row while every value is null (a field
 * the list lacks). A coded column that meets more distinct values than its codes can number turns plain.
 */
/** No codes yet: what a column grows its first codes from. */
const NO_CODES = new Uint8Array(0);

export class Column implements RecordColumn {
  private coded: boolean;
  /** A coded column's codes (0 for null): bytes up to 255 values, then 16 bits; null while all are null. */
  private codes: Uint8Array | Uint16Array | null = null;
  private values: unknown[] = [null];
  private index: Map<unknown, number> | null = null;
  /** A plain column's values; null while all are null. */
  private plain: unknown[] | null = null;
  private length = 0;
  // The last value coded, and its code: the rows of a sheet mostly repeat the row above (its commune, group).
  private lastValue: unknown = null;
  private lastCode = 0;

  constructor(coded: boolean) {
    this.coded = coded;
  }

  push(value: unknown): void {
    if (!this.coded) {
      if (this.plain !== null) this.plain.push(value);
      else if (value !== null) {
        this.plain = new Array<unknown>(this.length).fill(null);
        this.plain.push(value);
      }
      this.length++;
      return;
    }
    let code = 0;
    if (value === this.lastValue) code = this.lastCode;
    else if (value !== null) {
      const index = this.index ?? this.reindex();
      code = index.get(value) ?? 0;
      if (code === 0) {
        if (this.values.length > CODE_LIMIT) {
          this.toPlain();
          this.push(value);
          return;
        }
        code = this.values.length;
        this.values.push(value);
        index.set(value, code);
      }
      this.lastValue = value;
      this.lastCode = code;
    }
    let codes = this.codes;
    if (codes === null) {
      if (code === 0) {
        this.length++;
        return;
      }
      codes = this.codes = withRoomForCode(NO_CODES, this.length, code);
    } else if (this.length === codes.length || code > 0xff) {
      // Bytes while the column has at most 255 distinct values (most: a commune, a group, a year), then 16 bits.
      codes = this.codes = withRoomForCode(codes, this.length, code);
    }
    codes[this.length++] = code;
  }

  get(i: number): unknown {
    if (this.coded) {
      const codes = this.codes;
      return codes === null ? null : this.values[codes[i] as number];
    }
    const plain = this.plain;
    return plain === null ? null : plain[i];
  }

  /** Rows are no longer added for now: the lookup of a coded column and its spare room are let go. */
  seal(): void {
    this.index = null;
    if (this.codes !== null && this.codes.length > this.length) this.codes = this.codes.slice(0, this.length);
    // An array grown by push keeps up to half its length again in spare room: a copy holds just its values.
    if (this.plain !== null) this.plain = this.plain.slice();
  }

  private reindex(): Map<unknown, number> {
    const index = new Map<unknown, number>();
    for (let code = 1; code < this.values.length; code++) index.set(this.values[code], code);
    this.index = index;
    return index;
  }

  private toPlain(): void {
    if (this.codes !== null) {
      const plain = new Array<unknown>(this.length);
      for (let i = 0; i < this.length; i++) plain[i] = this.values[this.codes[i] as number];
      this.plain = plain;
    }
    this.coded = false;
    this.codes = null;
    this.index = null;
    this.values = [null];
    this.lastValue = null;
    this.lastCode = 0;
  }
}
