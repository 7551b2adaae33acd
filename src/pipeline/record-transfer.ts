/**
 * Passing records from the reading worker to the storing thread cheaply. Copying PersonRecords between
 * threads costs about as much as building them, and the structured clone costs per value more than per
 * byte (some 0.4 µs a string). So the worker encodes each record for the store (encodeRecordInto: role,
 * file, sheet, row, commune code and name, and one record_json text) and sends a batch as two buffers
 * that are moved, not copied (a tag per value, the numbers) and the texts as an array of strings (joining
 * them into one string or encoding them as UTF-8 cost some eight times more than the clone). A text
 * equal to the last one sent at the same position (the sheet, commune of the row above) is not sent
 * again but tagged "same": the storing side reuses the string it already has.
 * The raw cells cross as [n, values…] against key list n (see RawKeyTable), the lists with the batch
 * that first needs them.
 * Imports the store's encoding module directly: the worker then loads no database driver.
 */
import type { PersonRecord } from '../domain/index.js';
import type { EncodedBatch } from '../ingest/index.js';
import { ENCODED_WIDTH, encodeRecordInto, RawKeyTable, type EncodedRecords, type StoredValue } from '../store/record-encoding.js';

/** A batch of encoded records as it crosses threads. */
export interface PackedRecords {
  readonly count: number;
  /** Per value: one of the TAG values. */
  readonly tags: Uint8Array;
  readonly numbers: Float64Array;
  /** The texts tagged TAG.text, in order. */
  readonly texts: string[];
  /** Every raw-cell key list numbered so far, when this batch added one (see RawKeyTable). */
  readonly rawKeys?: string[][];
}

const TAG = { null: 0, number: 1, text: 2, same: 3 } as const;

/**
 * The worker side (see BatchEncoderFactory in ingest): records → PackedRecords. Stateful, like
 * {@link createBatchDecoder}: "same" refers to the previous batches too, so batches must be decoded
 * in the order they were encoded.
 */
export function createBatchEncoder(): (records: PersonRecord[]) => EncodedBatch {
  const last = new Array<StoredValue>(ENCODED_WIDTH).fill(null);
  const scratch = new Array<StoredValue>(ENCODED_WIDTH).fill(null);
  const keys = new RawKeyTable();
  return (records) => {
    const lists = keys.lists.length;
    const tags = new Uint8Array(records.length * ENCODED_WIDTH);
    const numbers: number[] = [];
    const texts: string[] = [];
    let t = 0;
    for (const record of records) {
      encodeRecordInto(record, scratch, 0, keys);
      for (let position = 0; position < ENCODED_WIDTH; position++, t++) {
        const v = scratch[position];
        if (v === null || v === undefined) tags[t] = TAG.null;
        else if (typeof v === 'number') {
          tags[t] = TAG.number;
          numbers.push(v);
        } else if (v === last[position]) tags[t] = TAG.same;
        else {
          tags[t] = TAG.text;
          texts.push(v);
          last[position] = v;
        }
      }
    }
    const packed: PackedRecords = {
      count: records.length,
      tags,
      numbers: new Float64Array(numbers),
      texts,
      ...(keys.lists.length > lists ? { rawKeys: keys.lists.map((list) => [...list]) } : {}),
    };
    return { payload: packed, transfer: [tags.buffer as ArrayBuffer, packed.numbers.buffer as ArrayBuffer] };
  };
}

/** The storing side: PackedRecords → the EncodedRecords the store binds. */
export function createBatchDecoder(): (packed: PackedRecords) => EncodedRecords {
  const last = new Array<StoredValue>(ENCODED_WIDTH).fill(null);
  return (packed) => {
    const { tags, numbers, texts } = packed;
    const values = new Array<StoredValue>(tags.length);
    let n = 0;
    let s = 0;
    for (let i = 0, position = 0; i < tags.length; i++, position = position === ENCODED_WIDTH - 1 ? 0 : position + 1) {
      const tag = tags[i];
      if (tag === TAG.number) values[i] = numbers[n++] ?? null;
      else if (tag === TAG.text) {
        const v = texts[s++] ?? null;
        values[i] = v;
        last[position] = v;
      } else if (tag === TAG.same) values[i] = last[position] ?? null;
      else values[i] = null;
    }
    return packed.rawKeys ? { count: packed.count, values, rawKeys: packed.rawKeys } : { count: packed.count, values };
  };
}
