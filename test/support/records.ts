import type { PersonRecord } from '../../src/domain/index.js';

/**
 * A PersonRecord for tests: a payout row with every field null unless overridden.
 * @example makeRecord({ fullName: 'Nguyễn Văn An', idNumber: '001080001234', amount: 1_500_000 })
 */
export function makeRecord(overrides: Partial<PersonRecord> = {}): PersonRecord {
  return {
    role: 'payouts',
    file: 'chi-tra.xlsx',
    sheet: 'Thôn 1',
    row: 2,
    raw: {},
    fullName: null,
    nameKey: null,
    birthDate: null,
    birthYear: null,
    gender: null,
    idNumber: null,
    idKind: null,
    householdCode: null,
    householdHead: null,
    members: null,
    relation: null,
    address: null,
    village: null,
    provinceCode: null,
    districtCode: null,
    communeCode: null,
    communeName: null,
    groupLabel: null,
    groupCode: null,
    rate: null,
    months: null,
    period: null,
    amount: null,
    paidDate: null,
    signature: null,
    receiver: null,
    bankAccount: null,
    phone: null,
    revenue: null,
    deathDate: null,
    startDate: null,
    endDate: null,
    population: null,
    payer: null,
    note: null,
    flags: [],
    ...overrides,
  };
}
