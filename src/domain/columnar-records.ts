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
import { Column, type RecordColumn } from './column.js';
import { DictionaryColumn, TextDictionary } from './text-dictionary.js';
import { IntColumn, TupleColumns } from './tuple-columns.js';

/** How a person field is held: coded ({@link Column}), a slot per row (plain), or through a shared dictionary. */
export type FieldColumnKind = boolean | TextDictionary;

/** Where a record's head sits among a table's columns; its person fields follow, in PersonRecord order. */
const HEAD = { role: 0, file: 1, sheet: 2, row: 3, raw: 4, flags: 5 } as const;
const FIRST_PERSON_COLUMN = 6;

/**
 * Person fields (by their index in personFieldValuesInto's order) that change with the sheet rather than the
 * row: coded together with the list, file and sheet (see TupleColumns) when the table codes them.
 */
const SHEET_FIELDS: readonly number[] = [12, 13, 14, 15, 16]; // village, province, district, commune code and name
const FULL_NAME_FIELD = 0;
const NAME_KEY_FIELD = 1;

/**
 * Records of one list in columns (see {@link Column}), read through {@link ColumnarRecord}s. A million rows held
 * as objects took some 470 bytes each: 41 slots of 8 bytes whatever they held, most of them the same few
 * values or null.
 */
export class ColumnarRecords {
  readonly columns: readonly RecordColumn[];
  /** The head's role, file and sheet, then the coded SHEET_FIELDS, one code a row (see TupleColumns). */
  private readonly sheetTuples: TupleColumns;
  /** The person fields (by index) in sheetTuples, after the head's three. */
  private readonly tupleFields: readonly number[];
  /** The other person fields' columns, by field index; null for those in sheetTuples. */
  private readonly own: readonly (RecordColumn | null)[];
  private readonly tuple: unknown[];
  private count = 0;

  /**
   * `kinds[k]`: whether person field k (in personFieldValuesInto's order) repeats enough to be coded; the
   * others (names, IDs) get a slot per row, or the codes of a text dictionary (which other tables may share).
   * The head's fields are coded; the row number is a whole number a row (see IntColumn).
   */
  constructor(kinds: readonly FieldColumnKind[]) {
    this.tupleFields = SHEET_FIELDS.filter((k) => kinds[k] === true);
    this.sheetTuples = new TupleColumns(3 + this.tupleFields.length);
    this.tuple = new Array<unknown>(this.sheetTuples.width).fill(null);
    const columns: RecordColumn[] = [];
    for (let m = 0; m < 3; m++) columns.push(this.sheetTuples.member(m)); // role, file, sheet
    columns.push(new IntColumn(), new Column(true), new Column(true)); // row, raw, flags
    const own: (RecordColumn | null)[] = [];
    for (let k = 0; k < PERSON_FIELD_COUNT; k++) {
      const kind = kinds[k];
      const m = this.tupleFields.indexOf(k);
      // A name's key mostly comes with the name: looked up after the name's code (see TextDictionary.codeAfter).
      const leader = k === NAME_KEY_FIELD && columns[FIRST_PERSON_COLUMN + FULL_NAME_FIELD] instanceof DictionaryColumn ? (columns[FIRST_PERSON_COLUMN + FULL_NAME_FIELD] as DictionaryColumn) : null;
      const column = m >= 0 ? this.sheetTuples.member(3 + m) : kind instanceof TextDictionary ? new DictionaryColumn(kind, leader) : new Column(kind === true);
      own.push(m >= 0 ? null : column);
      columns.push(column);
    }
    this.columns = columns;
    this.own = own;
  }

  get length(): number {
    return this.count;
  }

  /** Adds a row: its head, and its person fields at `values[offset…]` in personFieldValuesInto's order. Returns its index. */
  push(head: PersonRecordHead, values: readonly unknown[], offset: number): number {
    const c = this.columns;
    const tuple = this.tuple;
    tuple[0] = head.role;
    tuple[1] = head.file;
    tuple[2] = head.sheet;
    for (let m = 0; m < this.tupleFields.length; m++) tuple[3 + m] = values[offset + (this.tupleFields[m] as number)] ?? null;
    this.sheetTuples.push(tuple);
    (c[HEAD.row] as RecordColumn).push(head.row);
    (c[HEAD.raw] as RecordColumn).push(head.raw);
    (c[HEAD.flags] as RecordColumn).push(head.flags);
    for (let k = 0; k < PERSON_FIELD_COUNT; k++) this.own[k]?.push(values[offset + k] ?? null);
    return this.count++;
  }

  /** Done adding rows (more may still come): lets go of what only adding needs. */
  seal(): void {
    this.sheetTuples.seal();
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
