import { describe, expect, it } from 'vitest';
import { ColumnarRecords, IntColumn, PERSON_FIELD_COUNT, TupleColumns, type FieldColumnKind } from '../../src/domain/index.js';

describe('IntColumn', () => {
  it('reads back whole numbers, and every earlier one once a value that is not a 32-bit whole number comes', () => {
    const column = new IntColumn();
    const values: unknown[] = [];
    for (let i = 0; i < 1000; i++) values.push(i * 7 - 300);
    values.push(2 ** 31 - 1, -(2 ** 31));
    for (const v of values) column.push(v);
    column.seal();
    expect(values.map((_, i) => column.get(i))).toStrictEqual(values);
    for (const v of [2 ** 31, null, 1.5, -0, 'A12', 4]) {
      values.push(v);
      column.push(v);
    }
    expect(values.map((_, i) => column.get(i))).toStrictEqual(values);
    expect(Object.is(column.get(values.length - 3), -0)).toBe(true);
  });
});

describe('a column sealed while empty', () => {
  it('takes rows afterwards (its spare room was let go to nothing)', () => {
    const ints = new IntColumn();
    ints.seal();
    ints.push(7);
    ints.push(8);
    expect([ints.get(0), ints.get(1)]).toStrictEqual([7, 8]);
    const tuples = new TupleColumns(2);
    tuples.seal();
    tuples.push(['a.xlsx', 'Thôn 1']);
    tuples.push(['a.xlsx', 'Thôn 2']);
    expect([tuples.get(0, 1), tuples.get(1, 1), tuples.get(1, 0)]).toStrictEqual(['Thôn 1', 'Thôn 2', 'a.xlsx']);
  });
});

describe('TupleColumns', () => {
  /** Every row's fields, read back one by one. */
  const readBack = (tuples: TupleColumns, rows: number): unknown[][] =>
    Array.from({ length: rows }, (_, i) => Array.from({ length: tuples.width }, (_, k) => tuples.get(i, k)));

  it('reads back each row, repeated runs and returning combinations alike, with nulls; a pushed array may be reused', () => {
    const tuples = new TupleColumns(3);
    const rows = [
      ['payouts', 'xa-a.xlsx', 'Thôn 1'],
      ['payouts', 'xa-a.xlsx', 'Thôn 1'],
      ['payouts', 'xa-a.xlsx', null],
      ['payouts', 'xa-a.xlsx', 'Thôn 2'],
      ['payouts', 'xa-a.xlsx', 'Thôn 1'],
      [null, null, null],
      ['payouts', 1, '1'],
    ];
    const scratch: unknown[] = [null, null, null];
    for (const row of rows) {
      row.forEach((v, k) => (scratch[k] = v));
      tuples.push(scratch);
    }
    expect(readBack(tuples, rows.length)).toStrictEqual(rows);
    // Each field through its own column, as a table reads it.
    expect(rows.map((_, i) => tuples.member(2).get(i))).toStrictEqual(rows.map((r) => r[2]));
  });

  it('widens its codes past 255 combinations and takes rows after being sealed', () => {
    const tuples = new TupleColumns(2);
    const rows: unknown[][] = [];
    for (let i = 0; i < 700; i++) rows.push(['Xã A', `Thôn ${i % 300}`]);
    for (const row of rows.slice(0, 400)) tuples.push(row);
    tuples.seal();
    for (const row of rows.slice(400)) tuples.push(row);
    expect(readBack(tuples, rows.length)).toStrictEqual(rows);
  });

  it('gives each field a column of its own past 65,535 combinations, keeping every earlier row', () => {
    const tuples = new TupleColumns(2);
    const rows: unknown[][] = [];
    for (let i = 0; i < 70_000; i++) rows.push([`Tệp ${i % 3}`, i % 11 === 0 ? null : `Thôn ${i}`]);
    for (const row of rows) tuples.push(row);
    tuples.seal();
    tuples.push(['Tệp 9', 'Thôn 1']);
    rows.push(['Tệp 9', 'Thôn 1']);
    expect(readBack(tuples, rows.length)).toStrictEqual(rows);
  });
});

describe('ColumnarRecords: sheet fields coded together', () => {
  it('keeps a record coded alone when the table does not code its place (a plain village column)', () => {
    const kinds: FieldColumnKind[] = new Array<FieldColumnKind>(PERSON_FIELD_COUNT).fill(true);
    kinds[12] = false; // village a slot per row
    const table = new ColumnarRecords(kinds);
    const values = new Array<unknown>(PERSON_FIELD_COUNT).fill(null);
    const villages = ['Thôn Đông', 'Thôn Tây', 'Thôn Đông'];
    villages.forEach((village, i) => {
      values[12] = village;
      values[15] = '00001';
      table.push({ role: 'payouts', file: 'a.xlsx', sheet: `S${i % 2}`, row: 5 + i, raw: {}, flags: [] }, values, 0);
    });
    table.seal();
    expect(villages.map((_, i) => [table.record(i).village, table.record(i).communeCode, table.record(i).sheet, table.record(i).row])).toStrictEqual([
      ['Thôn Đông', '00001', 'S0', 5],
      ['Thôn Tây', '00001', 'S1', 6],
      ['Thôn Đông', '00001', 'S0', 7],
    ]);
  });
});
