import { describe, expect, it } from 'vitest';
import {
  normalizeAccount,
  normalizePhone,
  parseAmount,
  parseDate,
  parseGender,
  parseInteger,
  parsePeriod,
} from '../../src/normalize/index.js';

describe('parseAmount', () => {
  it.each([
    [1500000, 1500000],
    [1499999.6, 1500000],
    ['1.500.000', 1500000],
    ['1,500,000', 1500000],
    ['1.500.000 đ', 1500000],
    ['1.500.000đ', 1500000],
    ['1 500 000 VNĐ', 1500000],
    ['1.500.000 đồng', 1500000],
    ['1.500.000,00', 1500000],
    ['1,500,000.00', 1500000],
    ['1.500.000,-', 1500000],
    ['750000', 750000],
    ['1.500', 1500],
    ['-750.000', -750000],
    ['(1.000.000)', -1000000],
    ['1,5 triệu', 1500000],
    ['1.5tr', 1500000],
    ['500k', 500000],
    ['500 nghìn', 500000],
  ] as const)('%j → %d', (input, expected) => {
    expect(parseAmount(input)).toBe(expected);
  });

  it.each(['', '   ', 'không', '1.50.000', '1.500.000 USD', 'abc'])('%j → null', (input) => {
    expect(parseAmount(input)).toBeNull();
  });

  it('gives null for non-amount cells', () => {
    expect(parseAmount(null)).toBeNull();
    expect(parseAmount({ error: '#VALUE!' })).toBeNull();
    expect(parseAmount(true)).toBeNull();
  });
});

describe('parseInteger', () => {
  it.each([
    ['3', 3],
    [3, 3],
    ['3 tháng', 3],
    ['03', 3],
    ['ba tháng', 3],
    ['1.200', 1200],
    ['5 khẩu', 5],
  ] as const)('%j → %d', (input, expected) => {
    expect(parseInteger(input)).toBe(expected);
  });

  it.each(['', '3,5', 'x', 'tháng 3 và 4'])('%j → null', (input) => {
    expect(parseInteger(input)).toBeNull();
  });

  it('rejects non-integral numbers', () => {
    expect(parseInteger(2.5)).toBeNull();
  });
});

describe('parseDate', () => {
  it.each([
    ['05/03/1980', '1980-03-05', 1980],
    ['5/3/1980', '1980-03-05', 1980],
    ['5-3-80', '1980-03-05', 1980],
    ['05.03.1980', '1980-03-05', 1980],
    ['1980-03-05', '1980-03-05', 1980],
    ['1980-03-05T00:00:00.000Z', '1980-03-05', 1980],
    ['ngày 5 tháng 3 năm 1980', '1980-03-05', 1980],
    ['29/02/2000', '2000-02-29', 2000],
    ['15/5/20', '2020-05-15', 2020],
    ['1/1/45', '1945-01-01', 1945],
    ['03/25/1980', '1980-03-25', 1980],
  ] as const)('%j → %s', (input, date, year) => {
    expect(parseDate(input)).toEqual({ date, year });
  });

  it('reads a bare year as text or number', () => {
    expect(parseDate('1975')).toEqual({ date: null, year: 1975 });
    expect(parseDate(1975)).toEqual({ date: null, year: 1975 });
    expect(parseDate(1975, { serial: true })).toEqual({ date: null, year: 1975 });
    expect(parseDate('03/1975')).toEqual({ date: null, year: 1975 });
  });

  it('reads Date cells by their UTC parts', () => {
    expect(parseDate(new Date(Date.UTC(1980, 2, 5)))).toEqual({ date: '1980-03-05', year: 1980 });
  });

  it('reads Excel serials only when the column is a date column', () => {
    expect(parseDate(43922, { serial: true })).toEqual({ date: '2020-04-01', year: 2020 });
    expect(parseDate(29285, { serial: true })).toEqual({ date: '1980-03-05', year: 1980 });
    expect(parseDate(1, { serial: true })).toEqual({ date: '1900-01-01', year: 1900 });
    expect(parseDate(61, { serial: true })).toEqual({ date: '1900-03-01', year: 1900 });
    expect(parseDate(60, { serial: true })).toBeNull();
    expect(parseDate(43922)).toBeNull();
    expect(parseDate(90000, { serial: true })).toBeNull();
  });

  it('honours another two-digit year pivot', () => {
    expect(parseDate('1/1/15', { twoDigitYearPivot: 10 })).toEqual({ date: '1915-01-01', year: 1915 });
  });

  it.each(['31/02/1980', '32/01/1980', '13/13/1980', 'abc', '', '00/00/0000'])('%j → null', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('parseGender', () => {
  it.each([
    ['Nam', 'M'],
    ['nam', 'M'],
    ['M', 'M'],
    ['NAM', 'M'],
    ['Nữ', 'F'],
    ['nu', 'F'],
    ['NỮ', 'F'],
    ['F', 'F'],
  ] as const)('%j → %s', (input, expected) => {
    expect(parseGender(input)).toBe(expected);
  });

  it.each(['x', 'X', '1', '', 'Nam Định'])('%j → null', (input) => {
    expect(parseGender(input)).toBeNull();
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+84 912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0912-345-678', '0912345678'],
    [912345678, '0912345678'],
    ['84912345678', '0912345678'],
    ['(+84) 912345678', '0912345678'],
    ['01688 123 456', '0388123456'],
    ['024 3825 1234', '02438251234'],
    ['ĐT: 0987 654 321', '0987654321'],
    ['0912345678 / 0987654321', '0912345678'],
  ] as const)('%j → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['123', '0123', '0612345678', 'không có', '', '09123456789'])('%j → null', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('normalizeAccount', () => {
  it('keeps digits and the zeros of text', () => {
    expect(normalizeAccount('0011 0023 4567')).toBe('001100234567');
    expect(normalizeAccount('0011-0023-4567')).toBe('001100234567');
    expect(normalizeAccount(1100234567)).toBe('1100234567');
  });

  it('rejects letters, precision-lost numbers and empty cells', () => {
    expect(normalizeAccount('VCB 0011')).toBeNull();
    expect(normalizeAccount(1.2345678901234567e18)).toBeNull();
    expect(normalizeAccount('')).toBeNull();
    expect(normalizeAccount(null)).toBeNull();
  });
});

describe('parsePeriod', () => {
  const q2 = '2020-04,2020-05,2020-06';
  it.each([
    ['4,5,6/2020', q2],
    ['T4-T6/2020', q2],
    ['Tháng 4, 5, 6 năm 2020', q2],
    ['tháng 4,5,6/2020', q2],
    ['từ tháng 4 đến tháng 6/2020', q2],
    ['4/2020-6/2020', q2],
    ['04/2020 - 06/2020', q2],
    ['Quý II/2020', q2],
    ['T4+T5/2020', '2020-04,2020-05'],
    ['04/2020', '2020-04'],
    ['Tháng 5 năm 2020', '2020-05'],
    ['12/2020-2/2021', '2020-12,2021-01,2021-02'],
    ['15/05/2020', '2020-05'],
  ] as const)('%j → %s', (input, expected) => {
    expect(parsePeriod(input)).toBe(expected);
  });

  it('uses the default year only when the text has none', () => {
    expect(parsePeriod('4-6', 2020)).toBe(q2);
    expect(parsePeriod('4-6')).toBeNull();
    expect(parsePeriod('4/2021', 2020)).toBe('2021-04');
    expect(parsePeriod(5, 2020)).toBe('2020-05');
  });

  it('reads a Date cell as its month', () => {
    expect(parsePeriod(new Date(Date.UTC(2020, 3, 1)))).toBe('2020-04');
  });

  it.each(['13/2020', '6-4/2020', 'abc', '', '4/2020 5/2021'])('%j → null', (input) => {
    expect(parsePeriod(input, 2020)).toBeNull();
  });
});
