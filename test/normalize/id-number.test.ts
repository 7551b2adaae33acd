import { describe, expect, it } from 'vitest';
import { cccdProvinceName, parseIdNumber } from '../../src/normalize/index.js';

describe('parseIdNumber', () => {
  it('decodes a CCCD: province, century, sex, birth year', () => {
    expect(parseIdNumber('087084000999')).toEqual({
      value: '087084000999',
      kind: 'CCCD',
      provinceCode: '087',
      gender: 'M',
      century: 1900,
      birthYear: 1984,
      flags: [],
    });
    const f = parseIdNumber('001 1 95 123456');
    expect([f?.kind, f?.gender, f?.birthYear]).toEqual(['CCCD', 'F', 1995]);
    const young = parseIdNumber('079-3-05-123456');
    expect([young?.gender, young?.century, young?.birthYear]).toEqual(['F', 2000, 2005]);
    const g4 = parseIdNumber('001401000001');
    expect([g4?.gender, g4?.century, g4?.birthYear]).toEqual(['M', 2100, 2101]);
  });

  it('reads CMND as 9 digits without birth data, keeping zeros of text', () => {
    expect(parseIdNumber('012345678')).toEqual({
      value: '012345678',
      kind: 'CMND',
      provinceCode: null,
      gender: null,
      century: null,
      birthYear: null,
      flags: [],
    });
    expect(parseIdNumber('271.450.001')?.value).toBe('271450001');
    expect(parseIdNumber("'012345678")?.value).toBe('012345678');
  });

  it('restores the leading zero of an 11-digit number', () => {
    const id = parseIdNumber(87084000999);
    expect(id?.value).toBe('087084000999');
    expect(id?.kind).toBe('CCCD');
    expect(id?.flags).toEqual(['ID_LEADING_ZERO_RESTORED']);
  });

  it('pads a 10-digit number only when the province code it gives is valid', () => {
    const ok = parseIdNumber(1084000999); // 001 Hà Nội
    expect([ok?.value, ok?.kind, ok?.flags]).toEqual(['001084000999', 'CCCD', ['ID_LEADING_ZERO_RESTORED']]);
    const amb = parseIdNumber(3084000999); // 003 is no province
    expect([amb?.kind, amb?.flags]).toEqual(['INVALID', ['ID_AMBIGUOUS_LENGTH']]);
  });

  it('pads an 8-digit number to a 9-digit CMND', () => {
    const id = parseIdNumber(12345678);
    expect([id?.value, id?.kind, id?.flags]).toEqual(['012345678', 'CMND', ['ID_LEADING_ZERO_RESTORED']]);
  });

  it('treats digits of a CSV export like a number (no leading zero: may have lost it)', () => {
    expect(parseIdNumber('87084000999')?.value).toBe('087084000999');
    expect(parseIdNumber('0123456789')?.kind).toBe('INVALID');
  });

  it('marks scientific notation as lost digits', () => {
    for (const v of ['1,23457E+11', '1.23457E+11', '8.7084E10', 1.2345678901234567e17]) {
      const id = parseIdNumber(v);
      expect(id?.kind).toBe('INVALID');
      expect(id?.flags).toEqual(['ID_SCIENTIFIC_NOTATION']);
    }
  });

  it('flags an unknown CCCD province but keeps the kind', () => {
    const id = parseIdNumber('003084000999');
    expect([id?.kind, id?.provinceCode, id?.flags]).toEqual(['CCCD', '003', ['ID_UNKNOWN_PROVINCE']]);
    expect(parseIdNumber('123456789012')?.flags).toEqual(['ID_UNKNOWN_PROVINCE']);
  });

  it('rejects letters and wrong lengths, and returns null for empty cells', () => {
    expect(parseIdNumber('B1234567')).toMatchObject({ kind: 'INVALID', flags: ['ID_INVALID'] });
    expect(parseIdNumber('12345')).toMatchObject({ kind: 'INVALID', flags: ['ID_INVALID'] });
    expect(parseIdNumber(1234567)).toMatchObject({ kind: 'INVALID', flags: ['ID_INVALID'] });
    expect(parseIdNumber(12345.5)).toMatchObject({ kind: 'INVALID', flags: ['ID_INVALID'] });
    expect(parseIdNumber('')).toBeNull();
    expect(parseIdNumber('  ')).toBeNull();
    expect(parseIdNumber(null)).toBeNull();
    expect(parseIdNumber({ error: '#N/A' })).toBeNull();
  });
});

describe('cccdProvinceName', () => {
  it('names the province of the 63 codes and nothing else', () => {
    expect(cccdProvinceName('001')).toBe('Hà Nội');
    expect(cccdProvinceName('079')).toBe('Hồ Chí Minh');
    expect(cccdProvinceName('96')).toBe('Cà Mau');
    expect(cccdProvinceName('003')).toBeNull();
    expect(cccdProvinceName('abc')).toBeNull();
    let count = 0;
    for (let i = 0; i < 1000; i++) if (cccdProvinceName(String(i).padStart(3, '0'))) count++;
    expect(count).toBe(63);
  });
});
