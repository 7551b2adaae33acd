import type { PersonRecord } from '../domain/index.js';
import { PERSON_FIELD_COLUMNS, columnValue } from './record-columns.js';

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
}

/** Values per encoded record: role, file, sheet, row, raw JSON, flags JSON, then one per PersonRecord column. */
export const ENCODED_WIDTH = 6 + PERSON_FIELD_COLUMNS.length;

/** Where an encoded record's values sit, by meaning. */
export const ENCODED = { role: 0, file: 1, sheet: 2, row: 3, raw: 4, flags: 5, firstColumn: 6 } as const;

const text = (v: unknown): StoredValue => columnValue(v, 'text');
const number = (v: unknown): StoredValue => columnValue(v, 'number');

/**
 * Writes one record's values at `out[offset…]` (see {@link ENCODED_WIDTH}); the columns in the order of
 * PERSON_FIELD_COLUMNS. Written out field by field: a loop over the field names made every read a
 * megamorphic keyed load, which cost more than the rest of the encoding together.
 */
export function encodeRecordInto(r: PersonRecord, out: StoredValue[], offset: number): void {
  let o = offset;
  out[o++] = r.role;
  out[o++] = r.file;
  out[o++] = r.sheet;
  out[o++] = r.row;
  out[o++] = JSON.stringify(r.raw ?? {});
  out[o++] = r.flags && r.flags.length > 0 ? JSON.stringify(r.flags) : '[]';
  out[o++] = text(r.fullName);
  out[o++] = text(r.nameKey);
  out[o++] = text(r.birthDate);
  out[o++] = number(r.birthYear);
  out[o++] = text(r.gender);
  out[o++] = text(r.idNumber);
  out[o++] = text(r.idKind);
  out[o++] = text(r.householdCode);
  out[o++] = text(r.householdHead);
  out[o++] = number(r.members);
  out[o++] = text(r.relation);
  out[o++] = text(r.address);
  out[o++] = text(r.village);
  out[o++] = text(r.provinceCode);
  out[o++] = text(r.districtCode);
  out[o++] = text(r.communeCode);
  out[o++] = text(r.communeName);
  out[o++] = text(r.groupLabel);
  out[o++] = text(r.groupCode);
  out[o++] = number(r.rate);
  out[o++] = number(r.months);
  out[o++] = text(r.period);
  out[o++] = number(r.amount);
  out[o++] = text(r.paidDate);
  out[o++] = text(r.signature);
  out[o++] = text(r.receiver);
  out[o++] = text(r.bankAccount);
  out[o++] = text(r.phone);
  out[o++] = number(r.revenue);
  out[o++] = text(r.deathDate);
  out[o++] = text(r.startDate);
  out[o++] = text(r.endDate);
  out[o++] = number(r.population);
  out[o++] = text(r.payer);
  out[o++] = text(r.note);
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
