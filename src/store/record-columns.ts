import { ColumnarRecords, TextDictionary, personFieldValuesInto, personRecordFrom, type NormalizeFlag, type PersonRecord, type PersonRecordHead, type Role } from '../domain/index.js';
import type { RecordTable } from './schema.js';

type FieldKind = 'text' | 'number';

/**
 * PersonRecord fields in the order record_json holds them after the raw cells and the flags:
 * [field, kind]. Append only: rows already stored keep their positions. A text field may be stored as
 * a number: the position, in the stored raw cells [n, values…], of the cell it equals.
 */
export const PERSON_FIELDS = [
  ['fullName', 'text'],
  ['nameKey', 'text'],
  ['birthDate', 'text'],
  ['birthYear', 'number'],
  ['gender', 'text'],
  ['idNumber', 'text'],
  ['idKind', 'text'],
  ['householdCode', 'text'],
  ['householdHead', 'text'],
  ['members', 'number'],
  ['relation', 'text'],
  ['address', 'text'],
  ['village', 'text'],
  ['provinceCode', 'text'],
  ['districtCode', 'text'],
  ['communeCode', 'text'],
  ['communeName', 'text'],
  ['groupLabel', 'text'],
  ['groupCode', 'text'],
  ['rate', 'number'],
  ['months', 'number'],
  ['period', 'text'],
  ['amount', 'number'],
  ['paidDate', 'text'],
  ['signature', 'text'],
  ['receiver', 'text'],
  ['bankAccount', 'text'],
  ['phone', 'text'],
  ['revenue', 'number'],
  ['deathDate', 'text'],
  ['startDate', 'text'],
  ['endDate', 'text'],
  ['population', 'number'],
  ['payer', 'text'],
  ['note', 'text'],
] as const satisfies readonly (readonly [keyof PersonRecord, FieldKind])[];

/** Where the person fields start in record_json: after the raw cells and the flags. */
export const FIRST_FIELD = 2;

/** The table a role's rows live in, and the register kind for register_entries. */
export function tableOfRole(role: Role): { table: RecordTable; kind: string | null } {
  if (role === 'beneficiaries' || role === 'payouts') return { table: role, kind: null };
  return { table: 'register_entries', kind: role.slice('register:'.length) };
}

/** A stored value for a field: text as text, numbers only when finite, everything else null. */
export function columnValue(value: unknown, kind: FieldKind): string | number | null {
  if (value === null || value === undefined) return null;
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : null;
  return typeof value === 'string' ? value : String(value);
}

/** A row of a record table as read back (columns by name). */
export interface StoredRecordRow {
  file: string | null;
  sheet: string;
  row_number: number;
  record_json: string;
}

/** Columns to select for {@link recordFromRow}. */
export const RECORD_ROW_COLUMNS = ['file', 'sheet', 'row_number', 'record_json'] as const;

/** An upload's raw-cell key lists (uploads.raw_keys_json). */
export type RawKeyLists = readonly (readonly string[])[];

/** The raw cells as stored: an object, or [n, values…] against key list n of the upload. */
function rawOf(stored: unknown, keys: RawKeyLists | null): Record<string, unknown> {
  if (!Array.isArray(stored)) return (stored ?? {}) as Record<string, unknown>;
  const names = keys?.[Number(stored[0])] ?? [];
  const raw: Record<string, unknown> = {};
  for (let i = 1; i < stored.length; i++) raw[names[i - 1] ?? `#${i}`] = stored[i];
  return raw;
}

/** An upload's raw-cell key lists from its raw_keys_json column. */
export function parseRawKeys(json: string | null | undefined): RawKeyLists | null {
  return json ? (JSON.parse(json) as RawKeyLists) : null;
}

/** The raw cells of records read without them (see {@link recordFromRow}). */
const NO_RAW: Readonly<Record<string, unknown>> = Object.freeze({});

const NO_FLAGS: readonly NormalizeFlag[] = Object.freeze([]);

/**
 * Text fields whose values repeat across rows (codes, units, labels, dates): with a {@link StringPool}
 * each distinct value is kept once however many records hold it.
 */
const SHARED_TEXT = new Set<string>([
  'birthDate', 'gender', 'idKind', 'relation', 'village', 'provinceCode', 'districtCode', 'communeCode', 'communeName',
  'groupLabel', 'groupCode', 'period', 'paidDate', 'signature', 'deathDate', 'startDate', 'endDate', 'payer',
]);
const SHARED_FIELD = PERSON_FIELDS.map(([field]) => SHARED_TEXT.has(field));

/** Person fields held coded in {@link newColumnarRecords}: numbers and the texts that repeat (SHARED_TEXT). */
const CODED_FIELD = PERSON_FIELDS.map(([field, kind]) => kind === 'number' || SHARED_TEXT.has(field));

/**
 * An empty table of records in columns, numbers and repeated texts coded; names, IDs and the other texts a
 * slot per row, or with `strings` names, IDs and household codes through its dictionaries (each distinct text once for every table read
 * with the same pool: one person's name and ID in the approved list, the payouts and the registers).
 */
export function newColumnarRecords(strings?: StringPool): ColumnarRecords {
  return new ColumnarRecords(strings ? CODED_FIELD.map((coded, i) => (coded ? true : DICTIONARY_FIELD[i] === true ? strings.dictionary(i) : false)) : CODED_FIELD);
}

/**
 * Texts of a person that most lists repeat (the same person approved, paid and on a register): held through
 * a StringPool's dictionaries. The other texts (addresses, accounts, phones, notes) are mostly unique or
 * absent, and looking each up was time for nothing.
 */
const DICTIONARY_TEXT = new Set<string>(['fullName', 'nameKey', 'idNumber', 'householdCode', 'householdHead']);
const DICTIONARY_FIELD = PERSON_FIELDS.map(([field]) => DICTIONARY_TEXT.has(field));

/** Distinct strings kept by a pool at most: past it, new values are no longer shared (memory stays bounded). */
const POOL_LIMIT = 1_000_000;

/**
 * One copy of each repeated value for the records read in one go (see streamRecords): the JSON parser
 * makes a new string for every occurrence, so a commune's name or a group label read for 250,000 rows
 * was held 250,000 times (records then took some three times their memory).
 */
export class StringPool {
  private readonly strings = new Map<string, string>();
  private readonly flagLists = new Map<string, readonly NormalizeFlag[]>();
  private readonly dictionaries = new Map<number, TextDictionary>();

  /** The dictionary of person field `i` (in PERSON_FIELDS order) for the tables read with this pool. */
  dictionary(i: number): TextDictionary {
    let dictionary = this.dictionaries.get(i);
    if (dictionary === undefined) {
      dictionary = new TextDictionary();
      this.dictionaries.set(i, dictionary);
    }
    return dictionary;
  }

  /** No more rows are read for now: the dictionaries let go of their lookups (the texts stay). */
  close(): void {
    for (const dictionary of this.dictionaries.values()) dictionary.close();
  }

  text(value: string): string {
    const kept = this.strings.get(value);
    if (kept !== undefined) return kept;
    if (this.strings.size < POOL_LIMIT) this.strings.set(value, value);
    return value;
  }

  flags(list: unknown): readonly NormalizeFlag[] {
    if (!Array.isArray(list) || list.length === 0) return NO_FLAGS;
    const key = list.join(',');
    let kept = this.flagLists.get(key);
    if (kept === undefined) {
      kept = Object.freeze(list as NormalizeFlag[]);
      if (this.flagLists.size < POOL_LIMIT) this.flagLists.set(key, kept);
    }
    return kept;
  }
}

const fieldValues = new Array<unknown>(PERSON_FIELDS.length).fill(null);

const FIELD_KINDS: readonly FieldKind[] = PERSON_FIELDS.map(([, kind]) => kind);

/**
 * Person field `i` as the store reads it back: through columnValue, −0 as 0 (JSON writes it so), and a
 * repeated value shared through `pool` when given.
 */
function fieldAsRead(i: number, value: unknown, pool: StringPool | undefined): unknown {
  const read = columnValue(value, FIELD_KINDS[i] as FieldKind);
  if (typeof read === 'string') return pool !== undefined && SHARED_FIELD[i] === true ? pool.text(read) : read;
  return read === 0 ? 0 : read;
}

/**
 * Adds to `table` the record {@link recordFromRow} would read back once `r` is stored, without storing it:
 * the same field values (each through columnValue), no raw cells; role and file as its upload's (the store
 * refuses a record of another role). For a job that ingests and checks in one process (see KeptRecords).
 * Returns its row.
 */
export function pushAsStored(table: ColumnarRecords, r: PersonRecord, role: Role, uploadFile: string, strings: StringPool): number {
  return table.push(fieldsAsStored(r, role, uploadFile, strings), fieldValues, 0);
}

/** Fills fieldValues with `r`'s fields as stored and returns its head (its flag list shared through `strings`). */
function fieldsAsStored(r: PersonRecord, role: Role, uploadFile: string, strings: StringPool): PersonRecordHead {
  personFieldValuesInto(r, fieldValues, 0);
  for (let i = 0; i < FIELD_KINDS.length; i++) fieldValues[i] = fieldAsRead(i, fieldValues[i], undefined);
  return { role, file: r.file ?? uploadFile, sheet: r.sheet, row: Number(columnValue(r.row, 'number')) || 0, raw: NO_RAW, flags: strings.flags(r.flags) };
}

/**
 * Rebuilds the PersonRecord a row was stored from; role and file come from its upload. `raw: false`
 * leaves the raw cells out (an empty object): the checks never read them (the 100,000-payout audit bench
 * peaked some 80 MB lower without them). With `strings`, repeated values are shared (see StringPool).
 */
export function recordFromRow(
  row: StoredRecordRow,
  role: Role,
  uploadFile: string,
  options?: { raw?: boolean; rawKeys?: RawKeyLists; strings?: StringPool },
): PersonRecord {
  return personRecordFrom(fieldsFromRow(row, role, uploadFile, options, options?.strings), fieldValues, 0);
}

/**
 * As {@link recordFromRow} with `raw: false`, into `table` (whose columns share repeated values themselves; `strings`
 * shares the flag lists); returns its row.
 */
export function pushRow(table: ColumnarRecords, row: StoredRecordRow, role: Role, uploadFile: string, strings: StringPool): number {
  return table.push(fieldsFromRow(row, role, uploadFile, { raw: false, strings }, undefined), fieldValues, 0);
}

/** Fills fieldValues with the fields of a stored row and returns its head; repeated texts shared through `pool`. */
function fieldsFromRow(
  row: StoredRecordRow,
  role: Role,
  uploadFile: string,
  options: { raw?: boolean; rawKeys?: RawKeyLists; strings?: StringPool } | undefined,
  pool: StringPool | undefined,
): PersonRecordHead {
  const packed = JSON.parse(row.record_json) as unknown[];
  const cells = Array.isArray(packed[0]) ? (packed[0] as unknown[]) : null;
  for (let i = 0; i < FIELD_KINDS.length; i++) {
    const stored = packed[FIRST_FIELD + i];
    // A number in a text field is the position of the raw cell it equals (see referToRawCells).
    fieldValues[i] = fieldAsRead(i, FIELD_KINDS[i] === 'text' && typeof stored === 'number' && cells !== null ? cells[stored] : stored, pool);
  }
  const flags = options?.strings;
  return {
    role,
    file: row.file ?? uploadFile,
    sheet: pool ? pool.text(row.sheet) : row.sheet,
    row: Number(row.row_number),
    raw: options?.raw === false ? NO_RAW : rawOf(packed[0], options?.rawKeys ?? null),
    flags: flags ? flags.flags(packed[1]) : ((packed[1] ?? []) as NormalizeFlag[]),
  };
}
