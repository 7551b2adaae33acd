import { PERSON_FIELD_COUNT, personFieldValuesInto, type PersonRecord } from '../domain/index.js';
import { columnValue, PERSON_FIELDS } from './record-columns.js';

/** A value as bound to a record row's column. */
export type StoredValue = string | number | null;

/**
 * Records flattened into the values their rows are stored with: {@link ENCODED_WIDTH} values per
 * record, in the order of {@link encodeRecordInto}. Made by {@link encodeRecords} where the records are
 * built (possibly another thread), so that the storing side only binds them.
 */
export interface EncodedRecords {
  readonly count: number;
  readonly values: readonly StoredValue[];
  /**
   * Every raw-cell key list the encoding numbered so far (see {@link RawKeyTable}), when it grew with this
   * batch; batches encoded without a table keep their raw cells as objects and carry none.
   */
  readonly rawKeys?: readonly (readonly string[])[];
}

/**
 * The header texts of one upload's raw cells, numbered list by list in the order first seen: a row's raw
 * cells are stored as [n, values…] against list n (a sheet has one list, or a few where cells are empty).
 */
export class RawKeyTable {
  readonly lists: string[][] = [];
  private readonly ids = new Map<string, number>();
  private last: string[] | null = null;
  private lastId = -1;

  /** The number of the list `keys`, added when new. Consecutive rows mostly share it: compared first. */
  idOf(keys: string[]): number {
    const last = this.last;
    if (last !== null && last.length === keys.length && last.every((k, i) => k === keys[i])) return this.lastId;
    const signature = keys.join('\u0000');
    let id = this.ids.get(signature);
    if (id === undefined) {
      id = this.lists.length;
      this.lists.push(keys);
      this.ids.set(signature, id);
    }
    this.last = keys;
    this.lastId = id;
    return id;
  }
}

/** A record's raw cells as stored: [n, values…] against list n of `keys`, or the object itself without a table. */
function storedRaw(raw: Readonly<Record<string, unknown>> | undefined, keys: RawKeyTable | undefined): unknown {
  if (raw === undefined) return {};
  if (keys === undefined) return raw;
  const names = Object.keys(raw);
  if (names.length === 0) return raw;
  const values: unknown[] = Object.values(raw);
  values.unshift(keys.idOf(names));
  return values;
}

/** Where an encoded record's values sit, by meaning. */
export const ENCODED = { role: 0, file: 1, sheet: 2, row: 3, communeCode: 4, communeName: 5, json: 6 } as const;

/** Values per encoded record: role, file, sheet, row, commune code and name, record JSON. */
export const ENCODED_WIDTH = 7;

const text = (v: unknown): StoredValue => columnValue(v, 'text');
const number = (v: unknown): StoredValue => columnValue(v, 'number');

/** Person fields per record, in PERSON_FIELDS order (see personFieldValuesInto in the domain). */
export const FIELD_COUNT = PERSON_FIELDS.length;
if (FIELD_COUNT !== PERSON_FIELD_COUNT) throw new Error('PERSON_FIELDS and personFieldValuesInto disagree');

/** Where the person fields start in the array record_json holds (after the raw cells and flags). */
const FIRST = 2;

const packed = new Array<unknown>(FIRST + FIELD_COUNT).fill(null);

/**
 * Positions in the packed array of the text fields that often repeat a raw cell word for word (the name,
 * the ID, the address, the commune, the group label…): such a field is stored as the position of that
 * cell in the stored raw cells, see {@link referToRawCells}.
 */
const REFERRING_FIELDS: readonly number[] = PERSON_FIELDS.flatMap(([field, kind], i) =>
  kind === 'text' && !['nameKey', 'gender', 'idKind', 'provinceCode', 'districtCode', 'communeCode', 'groupCode'].includes(field)
    ? [FIRST + i]
    : [],
);

/** Per referring field, where in the raw cells the previous row's value was found (rows of a sheet agree). */
const lastCell = new Array<number>(FIRST + FIELD_COUNT).fill(1);

/** Text shorter than this is written out: a reference would save next to nothing. */
const MIN_REFERRED_LENGTH = 4;

/**
 * Replaces each text field equal to one of the stored raw cells by that cell's position (≥ 1) in
 * `cells` = [n, values…]. A number is never a text field's value otherwise, so the reading side
 * (recordFromRow) tells the two apart. About a quarter of a typical row's JSON is saved, and with it
 * stringify time, garbage and the bytes SQLite writes.
 */
function referToRawCells(cells: readonly unknown[]): void {
  for (const slot of REFERRING_FIELDS) {
    const value = packed[slot];
    if (typeof value !== 'string' || value.length < MIN_REFERRED_LENGTH) continue;
    const hint = lastCell[slot] ?? 1;
    if (cells[hint] === value) {
      packed[slot] = hint;
      continue;
    }
    for (let c = 1; c < cells.length; c++) {
      const cell = cells[c];
      if (typeof cell === 'string' && cell.length === value.length && cell === value) {
        packed[slot] = c;
        lastCell[slot] = c;
        break;
      }
    }
  }
}

/**
 * Fills the reused array with what a record's record_json holds: [raw, flags, then the fields in
 * PERSON_FIELDS order]; raw as [n, values…] against `keys` when given, and then text fields equal to a
 * raw cell stored as its position (see {@link referToRawCells}). Returns how many leading entries to
 * keep: trailing empty fields are left out (they read back as null).
 */
function fillPacked(r: PersonRecord, keys: RawKeyTable | undefined): number {
  const raw = storedRaw(r.raw, keys);
  packed[0] = raw;
  packed[1] = r.flags ?? [];
  personFieldValuesInto(r, packed, FIRST);
  if (Array.isArray(raw)) referToRawCells(raw);
  let length = packed.length;
  while (length > FIRST && (packed[length - 1] === null || packed[length - 1] === undefined)) length--;
  return length;
}

/**
 * The record_json of a record (see {@link fillPacked}). One JSON.stringify over a reused array:
 * building the text from parts cost a third more. Non-finite numbers become null.
 */
export function recordJson(r: PersonRecord, keys?: RawKeyTable): string {
  const length = fillPacked(r, keys);
  return JSON.stringify(length === packed.length ? packed : packed.slice(0, length));
}

/**
 * What a record value is encoded as: stored as is, or (only where the encoding was asked to leave the
 * JSON to the writing side) the array whose JSON text is stored.
 */
export type EncodedValue = StoredValue | unknown[];

/**
 * Writes one record's values at `out[offset…]` (see {@link ENCODED_WIDTH}). With `jsonLater`, the
 * record_json slot gets the array itself, for a writer that makes the text (the write worker: passing
 * the arrays between threads and stringifying there cost this thread a third of making and passing
 * the text).
 */
export function encodeRecordInto(r: PersonRecord, out: EncodedValue[], offset: number, keys?: RawKeyTable, jsonLater = false): void {
  out[offset + ENCODED.role] = r.role;
  out[offset + ENCODED.file] = r.file;
  out[offset + ENCODED.sheet] = r.sheet;
  out[offset + ENCODED.row] = number(r.row);
  out[offset + ENCODED.communeCode] = text(r.communeCode);
  out[offset + ENCODED.communeName] = text(r.communeName);
  out[offset + ENCODED.json] = jsonLater ? packed.slice(0, fillPacked(r, keys)) : recordJson(r, keys);
}

/**
 * Flattens a batch of records for {@link storeUpload}.
 * @example await storeUpload(db, input, (async function* () { yield encodeRecords(records); })());
 */
export function encodeRecords(records: readonly PersonRecord[]): EncodedRecords {
  const values = new Array<StoredValue>(records.length * ENCODED_WIDTH);
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (record) encodeRecordInto(record, values, i * ENCODED_WIDTH);
  }
  return { count: records.length, values };
}
