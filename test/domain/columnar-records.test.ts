import { describe, expect, it } from 'vitest';
import {
  Column,
  ColumnarRecords,
  ColumnarRecord,
  DictionaryColumn,
  personFieldValuesInto,
  PERSON_FIELD_COUNT,
  TextDictionary,
  toPlainRecord,
  type PersonRecord,
} from '../../src/domain/index.js';
import { makeRecord } from '../support/records.js';

/** Pushes `values` into a new column and reads every row back. */
function roundTrip(coded: boolean, values: readonly unknown[]): unknown[] {
  const column = new Column(coded);
  for (const v of values) column.push(v);
  return values.map((_, i) => column.get(i));
}

describe('Column', () => {
  it('reads back what was pushed, coded or plain, telling 1 from "1" and keeping nulls', () => {
    const values = ['Xã A', 'Xã A', null, 1, '1', null, 'Xã B', 'Xã A', 0, null];
    expect(roundTrip(true, values)).toStrictEqual(values);
    expect(roundTrip(false, values)).toStrictEqual(values);
  });

  it('reads null for every row of a column that never got a value, and the values after a run of nulls', () => {
    expect(roundTrip(true, [null, null, null])).toStrictEqual([null, null, null]);
    expect(roundTrip(false, [null, null, null])).toStrictEqual([null, null, null]);
    const late = [...new Array<null>(1000).fill(null), 'Thôn 3', null, 'Thôn 4'];
    expect(roundTrip(true, late)).toStrictEqual(late);
    expect(roundTrip(false, late)).toStrictEqual(late);
  });

  it('turns plain past 65,535 distinct values and keeps every earlier one', () => {
    const values: unknown[] = [];
    for (let i = 0; i < 70_000; i++) values.push(i % 5 === 0 ? null : i % 3 === 0 ? `Tên ${i}` : i);
    expect(roundTrip(true, values)).toStrictEqual(values);
  });

  it('widens its codes past 255 distinct values, also after being sealed, keeping every earlier row', () => {
    const values: unknown[] = [];
    for (let i = 0; i < 600; i++) values.push(i % 7 === 0 ? null : `Thôn ${i % 255}`);
    const column = new Column(true);
    for (const v of values) column.push(v);
    column.seal();
    for (let i = 0; i < 300; i++) values.push(i % 2 === 0 ? `Tổ ${i}` : `Thôn ${i % 255}`);
    for (const v of values.slice(600)) column.push(v);
    expect(values.map((_, i) => column.get(i))).toStrictEqual(values);
  });

  it('takes more rows after being sealed, new values and old', () => {
    const column = new Column(true);
    column.push('a');
    column.push(null);
    column.seal();
    for (const v of ['b', 'a', null, 'c']) column.push(v);
    column.seal();
    column.push('b');
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => column.get(i))).toStrictEqual(['a', null, 'b', 'a', null, 'c', 'b']);
  });
});

describe('DictionaryColumn', () => {
  /** Reads every row of `column` back. */
  const rows = (column: DictionaryColumn, n: number): unknown[] => Array.from({ length: n }, (_, i) => column.get(i));

  it('reads back texts and nulls, and keeps a value that is not text as it is', () => {
    const column = new DictionaryColumn(new TextDictionary());
    const values = [null, null, 'Nguyễn Văn An', 'Lê Thị Bình', 'Nguyễn Văn An', null, 42, '', 'Lê Thị Bình'];
    for (const v of values) column.push(v);
    column.seal();
    expect(rows(column, values.length)).toStrictEqual(values);
  });

  it('numbers equal texts of tables sharing a dictionary once', () => {
    const dictionary = new TextDictionary();
    const approved = new DictionaryColumn(dictionary);
    const paid = new DictionaryColumn(dictionary);
    // Equal texts made apart, as a parser makes them for each row.
    approved.push(['Trần', 'Văn', 'Hùng'].join(' '));
    paid.push(null);
    paid.push(['Trần', 'Văn', 'Hùng'].join(' '));
    expect([approved.get(0), paid.get(0), paid.get(1)]).toStrictEqual(['Trần Văn Hùng', null, 'Trần Văn Hùng']);
    // One entry for both: the next new text is the second.
    expect(dictionary.code('Trần Văn Hùng')).toBe(1);
    expect(dictionary.code('Lò Văn Khiêm')).toBe(2);
    expect(dictionary.text(0)).toBeNull();
  });

  it('still numbers texts after being closed, keeping the earlier codes', () => {
    const dictionary = new TextDictionary();
    const column = new DictionaryColumn(dictionary);
    for (const v of ['a', 'b', 'a']) column.push(v);
    dictionary.close();
    column.seal();
    for (const v of ['c', 'b']) column.push(v);
    expect(rows(column, 5)).toStrictEqual(['a', 'b', 'a', 'c', 'b']);
    expect([dictionary.code('a'), dictionary.code('b'), dictionary.code('c')]).toStrictEqual([1, 2, 3]);
  });

  it('reads back a column led by another (a name key after the name), whatever texts come with which, nulls between', () => {
    const names = new TextDictionary();
    const keys = new TextDictionary();
    const name = new DictionaryColumn(names);
    const key = new DictionaryColumn(keys, name);
    const rows: [unknown, unknown][] = [
      ['Nguyễn Văn An', 'nguyen van an'],
      ['Nguyễn Văn An', 'nguyen van an'],
      ['Nguyễn Văn An', null],
      ['Nguyễn Văn An', 'nguyen van an'], // the same text again after a null
      ['Nguyễn Văn An', 'nguyen van an 2'], // the same name with another key
      ['Nguyễn Văn An', 'nguyen van an'],
      [null, 'nguyen van an'],
      [null, 'le thi binh'],
      ['Lê Thị Bình', 'le thi binh'],
      ['Nguyễn Văn An', 'le thi binh'],
      ['Nguyễn Văn An', 7],
      ['Lê Thị Bình', 'le thi binh'],
    ];
    for (const [n, k] of rows) {
      name.push(n);
      key.push(k);
    }
    name.seal();
    key.seal();
    expect(rows.map((_, i) => [name.get(i), key.get(i)])).toStrictEqual(rows);
    // Each distinct key numbered once.
    expect([keys.code('nguyen van an'), keys.code('nguyen van an 2'), keys.code('le thi binh')]).toStrictEqual([1, 2, 3]);
  });

  it('holds no array while every row is null, and the earlier nulls once a text comes', () => {
    const column = new DictionaryColumn(new TextDictionary());
    for (let i = 0; i < 1000; i++) column.push(null);
    column.push('Thôn 3');
    expect(column.get(999)).toBeNull();
    expect(column.get(1000)).toBe('Thôn 3');
  });
});

describe('ColumnarRecords', () => {
  const people: PersonRecord[] = [
    makeRecord({ fullName: 'Nguyễn Văn An', nameKey: 'nguyen van an', birthYear: 1975, gender: 'M', idNumber: '001075001234', idKind: 'CCCD', communeCode: '00001', amount: 1_500_000, flags: ['ID_LEADING_ZERO_RESTORED'] }),
    makeRecord({ row: 3, fullName: 'Lê Thị Bình', nameKey: 'le thi binh', birthYear: 1980, gender: 'F', communeCode: '00001', amount: 1_500_000, bankAccount: '0123', note: 'nhận thay' }),
    makeRecord({ role: 'register:deceased', file: 'tu-vong.xlsx', sheet: 'DS', row: 9, deathDate: '2020-03-01', revenue: 0 }),
  ];

  // Every field of its own value, so that a getter reading another field's column shows.
  const distinct = Object.fromEntries(Object.keys(makeRecord()).map((key, k) => [key, key === 'raw' ? {} : key === 'flags' ? ['ID_INVALID'] : `v${k}`]));
  const all = { ...distinct, role: 'payouts', row: 7 } as unknown as PersonRecord;

  it.each([
    ['every field coded', new Array<boolean>(PERSON_FIELD_COUNT).fill(true)],
    ['no field coded', new Array<boolean>(PERSON_FIELD_COUNT).fill(false)],
    ['every field through a dictionary', Array.from({ length: PERSON_FIELD_COUNT }, () => new TextDictionary())],
  ])('gives records whose every field is the pushed one, and as plain objects the records themselves (%s)', (_, coded) => {
    const table = new ColumnarRecords(coded);
    const values = new Array<unknown>(PERSON_FIELD_COUNT);
    for (const p of [...people, all]) {
      personFieldValuesInto(p, values, 0);
      table.push({ role: p.role, file: p.file, sheet: p.sheet, row: p.row, raw: p.raw, flags: p.flags }, values, 0);
    }
    table.seal();
    expect(table.length).toBe(4);
    const records = [...people, all].map((_, i) => table.record(i));
    expect(records[0]).toBeInstanceOf(ColumnarRecord);
    for (const [i, r] of records.entries()) {
      const plain = toPlainRecord(r);
      expect(plain).not.toBeInstanceOf(ColumnarRecord);
      const pushed = [...people, all][i] as PersonRecord;
      expect(plain).toStrictEqual(pushed);
      for (const key of Object.keys(pushed) as (keyof PersonRecord)[]) expect(r[key], key).toStrictEqual(pushed[key]);
    }
    expect(records[1]?.note).toBe('nhận thay');
    expect(records[2]?.fullName).toBeNull();
    // A plain record is its own plain form.
    expect(toPlainRecord(people[0] as PersonRecord)).toBe(people[0]);
  });
});
