/**
 * Passing records from the reading worker to the storing thread cheaply. Copying PersonRecords between
 * threads costs about as much as building them; here the worker flattens each record for the store
 * (encodeRecordInto) and sends a batch as a few buffers that are moved, not copied: numbers in one,
 * and texts by number — a repeated text (name, village, commune, group, date) is sent once, a text that
 * differs on every row (raw JSON, ID number) as part of one long string the storing side slices.
 * Imports the store's encoding module directly: the worker then loads no database driver.
 */
import type { PersonRecord } from '../domain/index.js';
import type { EncodedBatch } from '../ingest/index.js';
import { PERSON_FIELD_COLUMNS } from '../store/record-columns.js';
import { ENCODED, ENCODED_WIDTH, encodeRecordInto, type EncodedRecords, type StoredValue } from '../store/record-encoding.js';

/** A batch of encoded records as it crosses threads. */
export interface PackedRecords {
  readonly count: number;
  /** The text table was emptied before this batch (it is bounded). */
  readonly reset: boolean;
  /** Texts new to the table, in the order of their numbers. */
  readonly texts: string[];
  /** The texts that differ on every row, end to end; `ends` says where each one ends. */
  readonly unique: string;
  readonly ends: Int32Array;
  /** Per value: ≥ 0 a text's number, or one of the TAG values. */
  readonly tags: Int32Array;
  readonly numbers: Float64Array;
}

const TAG = { null: -1, number: -2, unique: -3 } as const;

/** Texts kept in the table at most; past it both sides start afresh. */
const TABLE_LIMIT = 100_000;

const ID_NUMBER = ENCODED.firstColumn + PERSON_FIELD_COLUMNS.findIndex(([field]) => field === 'idNumber');

/** Per position within an encoded record: whether its text differs on nearly every row. */
const UNIQUE_POSITION: readonly boolean[] = Array.from({ length: ENCODED_WIDTH }, (_, i) => i === ENCODED.raw || i === ID_NUMBER);

/**
 * The worker side (see BatchEncoderFactory in ingest): records → PackedRecords, sharing one text table
 * with the {@link createBatchDecoder} on the other side.
 */
export function createBatchEncoder(tableLimit = TABLE_LIMIT): (records: PersonRecord[]) => EncodedBatch {
  const numbersOf = new Map<string, number>();
  const scratch = new Array<StoredValue>(ENCODED_WIDTH).fill(null);
  return (records) => {
    const reset = numbersOf.size > tableLimit;
    if (reset) numbersOf.clear();
    const texts: string[] = [];
    const unique: string[] = [];
    const ends: number[] = [];
    const numbers: number[] = [];
    const tags = new Int32Array(records.length * ENCODED_WIDTH);
    let end = 0;
    let t = 0;
    for (const record of records) {
      encodeRecordInto(record, scratch, 0);
      for (let position = 0; position < ENCODED_WIDTH; position++, t++) {
        const v = scratch[position];
        if (v === null || v === undefined) tags[t] = TAG.null;
        else if (typeof v === 'number') {
          tags[t] = TAG.number;
          numbers.push(v);
        } else if (UNIQUE_POSITION[position]) {
          tags[t] = TAG.unique;
          unique.push(v);
          end += v.length;
          ends.push(end);
        } else {
          let n = numbersOf.get(v);
          if (n === undefined) {
            n = numbersOf.size;
            numbersOf.set(v, n);
            texts.push(v);
          }
          tags[t] = n;
        }
      }
    }
    const packed: PackedRecords = {
      count: records.length,
      reset,
      texts,
      unique: unique.join(''),
      ends: new Int32Array(ends),
      tags,
      numbers: new Float64Array(numbers),
    };
    return { payload: packed, transfer: [tags.buffer as ArrayBuffer, packed.ends.buffer as ArrayBuffer, packed.numbers.buffer as ArrayBuffer] };
  };
}

/** The storing side: PackedRecords → the EncodedRecords the store binds. */
export function createBatchDecoder(): (packed: PackedRecords) => EncodedRecords {
  let table: string[] = [];
  return (packed) => {
    if (packed.reset) table = [];
    for (const text of packed.texts) table.push(text);
    const { tags, numbers, unique, ends } = packed;
    const values = new Array<StoredValue>(tags.length);
    let n = 0;
    let u = 0;
    let start = 0;
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i] ?? TAG.null;
      if (tag >= 0) values[i] = table[tag] ?? null;
      else if (tag === TAG.number) values[i] = numbers[n++] ?? null;
      else if (tag === TAG.unique) {
        const end = ends[u++] ?? start;
        values[i] = unique.slice(start, end);
        start = end;
      } else values[i] = null;
    }
    return { count: packed.count, values };
  };
}
