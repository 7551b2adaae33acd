import type { Role } from './roles.js';
import {
  PERSON_FIELD_COUNT,
  personFieldValuesInto,
  personRecordFrom,
  type Gender,
  type IdKind,
  type NormalizeFlag,
  type PersonRecord,
  type PersonRecordHead,
} from './record.js';
import { DictionaryColumn, TextDictionary } from './text-dictionary.js';

/** Distinct values a coded column holds at most (codes are 16-bit, 0 standing for null). */
const CODE_LIMIT = 0xffff;

/**
 * One field's values for the rows of a {@link ColumnarRecords}. A coded column keeps each distinct value once
 * and a code per row (a commune's name, a group, a year: a few values over thousands of rows), a byte while
 * it has at most 255 values, 16 bits up to 65,535; a plain
 * column one slot per row (names, IDs). Neither holds anything per row while every value is null (a field
 * the list lacks). A coded column that meets more distinct values than its codes can number turns plain.
 */
export class Column {
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
      codes = this.codes = code > 0xff ? new Uint16Array(Math.max(256, this.length * 2)) : new Uint8Array(Math.max(256, this.length * 2));
    } else if (this.length === codes.length || (code > 0xff && codes instanceof Uint8Array)) {
      // Bytes while the column has at most 255 distinct values (most: a commune, a group, a year), then 16 bits.
      const size = this.length === codes.length ? Math.max(256, codes.length * 2) : codes.length;
      const grown = code > 0xff || codes instanceof Uint16Array ? new Uint16Array(size) : new Uint8Array(size);
      grown.set(codes);
      codes = this.codes = grown;
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

/** What a {@link ColumnarRecords} reads a row's field from. */
interface RecordColumn {
  push(value: unknown): void;
  get(i: number): unknown;
  seal(): void;
}

/** How a person field is held: coded ({@link Column}), a slot per row (plain), or through a shared dictionary. */
export type FieldColumnKind = boolean | TextDictionary;

/** Where a record's head sits among a table's columns; its person fields follow, in PersonRecord order. */
const HEAD = { role: 0, file: 1, sheet: 2, row: 3, raw: 4, flags: 5 } as const;
const FIRST_PERSON_COLUMN = 6;

/**
 * Records of one list in columns (see {@link Column}), read through {@link ColumnarRecord}s. A million rows held
 * as objects took some 470 bytes each: 41 slots of 8 bytes whatever they held, most of them the same few
 * values or null.
 */
export class ColumnarRecords {
  readonly columns: readonly RecordColumn[];
  private count = 0;

  /**
   * `kinds[k]`: whether person field k (in personFieldValuesInto's order) repeats enough to be coded; the
   * others (names, IDs) get a slot per row, or the codes of a text dictionary (which other tables may share).
   * The head's fields are coded but the row number.
   */
  constructor(kinds: readonly FieldColumnKind[]) {
    const columns: RecordColumn[] = [];
    for (let c = 0; c < FIRST_PERSON_COLUMN; c++) columns.push(new Column(c !== HEAD.row));
    for (let k = 0; k < PERSON_FIELD_COUNT; k++) {
      const kind = kinds[k];
      columns.push(kind instanceof TextDictionary ? new DictionaryColumn(kind) : new Column(kind === true));
    }
    this.columns = columns;
  }

  get length(): number {
    return this.count;
  }

  /** Adds a row: its head, and its person fields at `values[offset…]` in personFieldValuesInto's order. Returns its index. */
  push(head: PersonRecordHead, values: readonly unknown[], offset: number): number {
    const c = this.columns;
    (c[HEAD.role] as RecordColumn).push(head.role);
    (c[HEAD.file] as RecordColumn).push(head.file);
    (c[HEAD.sheet] as RecordColumn).push(head.sheet);
    (c[HEAD.row] as RecordColumn).push(head.row);
    (c[HEAD.raw] as RecordColumn).push(head.raw);
    (c[HEAD.flags] as RecordColumn).push(head.flags);
    for (let k = 0; k < PERSON_FIELD_COUNT; k++) (c[FIRST_PERSON_COLUMN + k] as RecordColumn).push(values[offset + k] ?? null);
    return this.count++;
  }

  /** Done adding rows (more may still come): lets go of what only adding needs. */
  seal(): void {
    for (const column of this.columns) column.seal();
  }

  /** The sheet of row `i` (without making its record). */
  sheetAt(i: number): string {
    return (this.columns[HEAD.sheet] as RecordColumn).get(i) as string;
  }

  /** The spreadsheet row number of row `i` (without making its record). */
  rowAt(i: number): number {
    return (this.columns[HEAD.row] as RecordColumn).get(i) as number;
  }

  /** The record at row `i`. */
  record(i: number): ColumnarRecord {
    return new ColumnarRecord(this.columns, i);
  }
}

/**
 * A PersonRecord read from a {@link ColumnarRecords}'s columns. Its fields are getters: a spread or
 * Object.entries sees none of them; {@link toPlainRecord} gives the record as a plain object.
 */
export class ColumnarRecord implements PersonRecord {
  constructor(
    private readonly c: readonly RecordColumn[],
    private readonly i: number,
  ) {}

  private v(column: number): unknown {
    return (this.c[column] as RecordColumn).get(this.i);
  }

  get role(): Role {
    return this.v(0) as Role;
  }
  get file(): string {
    return this.v(1) as string;
  }
  get sheet(): string {
    return this.v(2) as string;
  }
  get row(): number {
    return this.v(3) as number;
  }
  get raw(): Readonly<Record<string, unknown>> {
    return this.v(4) as Readonly<Record<string, unknown>>;
  }
  get flags(): readonly NormalizeFlag[] {
    return this.v(5) as readonly NormalizeFlag[];
  }
  get fullName(): string | null {
    return this.v(6) as string | null;
  }
  get nameKey(): string | null {
    return this.v(7) as string | null;
  }
  get birthDate(): string | null {
    return this.v(8) as string | null;
  }
  get birthYear(): number | null {
    return this.v(9) as number | null;
  }
  get gender(): Gender | null {
    return this.v(10) as Gender | null;
  }
  get idNumber(): string | null {
    return this.v(11) as string | null;
  }
  get idKind(): IdKind | null {
    return this.v(12) as IdKind | null;
  }
  get householdCode(): string | null {
    return this.v(13) as string | null;
  }
  get householdHead(): string | null {
    return this.v(14) as string | null;
  }
  get members(): number | null {
    return this.v(15) as number | null;
  }
  get relation(): string | null {
    return this.v(16) as string | null;
  }
  get address(): string | null {
    return this.v(17) as string | null;
  }
  get village(): string | null {
    return this.v(18) as string | null;
  }
  get provinceCode(): string | null {
    return this.v(19) as string | null;
  }
  get districtCode(): string | null {
    return this.v(20) as string | null;
  }
  get communeCode(): string | null {
    return this.v(21) as string | null;
  }
  get communeName(): string | null {
    return this.v(22) as string | null;
  }
  get groupLabel(): string | null {
    return this.v(23) as string | null;
  }
  get groupCode(): string | null {
    return this.v(24) as string | null;
  }
  get rate(): number | null {
    return this.v(25) as number | null;
  }
  get months(): number | null {
    return this.v(26) as number | null;
  }
  get period(): string | null {
    return this.v(27) as string | null;
  }
  get amount(): number | null {
    return this.v(28) as number | null;
  }
  get paidDate(): string | null {
    return this.v(29) as string | null;
  }
  get signature(): string | null {
    return this.v(30) as string | null;
  }
  get receiver(): string | null {
    return this.v(31) as string | null;
  }
  get bankAccount(): string | null {
    return this.v(32) as string | null;
  }
  get phone(): string | null {
    return this.v(33) as string | null;
  }
  get revenue(): number | null {
    return this.v(34) as number | null;
  }
  get deathDate(): string | null {
    return this.v(35) as string | null;
  }
  get startDate(): string | null {
    return this.v(36) as string | null;
  }
  get endDate(): string | null {
    return this.v(37) as string | null;
  }
  get population(): number | null {
    return this.v(38) as number | null;
  }
  get payer(): string | null {
    return this.v(39) as string | null;
  }
  get note(): string | null {
    return this.v(40) as string | null;
  }
}

const scratch = new Array<unknown>(PERSON_FIELD_COUNT).fill(null);

/** The record as a plain object with every PersonRecord field (the record itself when it is one already). */
export function toPlainRecord(r: PersonRecord): PersonRecord {
  if (!(r instanceof ColumnarRecord)) return r;
  personFieldValuesInto(r, scratch, 0);
  return personRecordFrom({ role: r.role, file: r.file, sheet: r.sheet, row: r.row, raw: r.raw, flags: r.flags }, scratch, 0);
}
