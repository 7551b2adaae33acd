import type { PersonRecord, RegisterKind } from '../../src/domain/index.js';
import { runChecks, type AuditData } from '../../src/checks/index.js';
import { loadPackage } from '../../src/rules/index.js';
import { makeRecord } from '../support/records.js';

export const RULES = loadPackage('nq42-2020');

function key(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

let nextRow = 2;

/**
 * A normalised row as ingestion would produce it: name key from the name, ID kind from the ID's length,
 * commune "Xã Yên Sở" (00001) unless overridden, and a fresh row number.
 */
export function person(overrides: Partial<PersonRecord> = {}): PersonRecord {
  const fullName = overrides.fullName === undefined ? 'Nguyễn Văn An' : overrides.fullName;
  const id = overrides.idNumber ?? null;
  const idKind = overrides.idKind ?? (id === null ? null : /^\d{12}$/.test(id) ? 'CCCD' : /^\d{9}$/.test(id) ? 'CMND' : 'INVALID');
  return makeRecord({
    row: nextRow++,
    communeCode: '00001',
    communeName: 'Xã Yên Sở',
    provinceCode: '01',
    districtCode: '001',
    village: 'Thôn 1',
    ...overrides,
    fullName,
    nameKey: overrides.nameKey ?? (fullName === null ? null : key(fullName)),
    idNumber: id,
    idKind,
  });
}

/** A payout row, NCC 1.500.000 đ paid 15/05/2020 unless overridden. */
export function payout(overrides: Partial<PersonRecord> = {}): PersonRecord {
  return person({ role: 'payouts', file: 'chi-tra.xlsx', groupCode: 'NCC', groupLabel: 'Người có công', amount: 1_500_000, paidDate: '2020-05-15', ...overrides });
}

/** A row of the approved list. */
export function beneficiary(overrides: Partial<PersonRecord> = {}): PersonRecord {
  return person({ role: 'beneficiaries', file: 'danh-sach.xlsx', groupCode: 'NCC', groupLabel: 'Người có công', ...overrides });
}

/** A row of a register. */
export function registerRow(kind: RegisterKind, overrides: Partial<PersonRecord> = {}): PersonRecord {
  return person({ role: `register:${kind}`, file: `${kind}.xlsx`, sheet: 'Sheet1', ...overrides });
}

/** Runs one check over the data with the nq42-2020 package (or the given rules). */
export function runOne(check: string, data: Partial<AuditData>, rules = RULES) {
  const full: AuditData = { beneficiaries: data.beneficiaries ?? [], payouts: data.payouts ?? [], registers: data.registers ?? {} };
  const result = runChecks(full, rules, { only: [check] });
  const run = result.perCheck.find((p) => p.id === check);
  if (run?.note?.startsWith('lỗi')) throw new Error(run.note);
  return result.findings;
}
