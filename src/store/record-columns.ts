import type { NormalizeFlag, PersonRecord, Role } from '../domain/index.js';
import type { PersonColumns, RecordTable } from './schema.js';

type FieldKind = 'text' | 'number';

/** PersonRecord fields stored one column each: [field, column, kind]. */
export const PERSON_FIELD_COLUMNS = [
  ['fullName', 'full_name', 'text'],
  ['nameKey', 'name_key', 'text'],
  ['birthDate', 'birth_date', 'text'],
  ['birthYear', 'birth_year', 'number'],
  ['gender', 'gender', 'text'],
  ['idNumber', 'id_number', 'text'],
  ['idKind', 'id_kind', 'text'],
  ['householdCode', 'household_code', 'text'],
  ['householdHead', 'household_head', 'text'],
  ['members', 'members', 'number'],
  ['relation', 'relation', 'text'],
  ['address', 'address', 'text'],
  ['village', 'village', 'text'],
  ['provinceCode', 'province_code', 'text'],
  ['districtCode', 'district_code', 'text'],
  ['communeCode', 'commune_code', 'text'],
  ['communeName', 'commune_name', 'text'],
  ['groupLabel', 'group_label', 'text'],
  ['groupCode', 'group_code', 'text'],
  ['rate', 'rate', 'number'],
  ['months', 'months', 'number'],
  ['period', 'period', 'text'],
  ['amount', 'amount', 'number'],
  ['paidDate', 'paid_date', 'text'],
  ['signature', 'signature', 'text'],
  ['receiver', 'receiver', 'text'],
  ['bankAccount', 'bank_account', 'text'],
  ['phone', 'phone', 'text'],
  ['revenue', 'revenue', 'number'],
  ['deathDate', 'death_date', 'text'],
  ['startDate', 'start_date', 'text'],
  ['endDate', 'end_date', 'text'],
  ['population', 'population', 'number'],
  ['payer', 'payer', 'text'],
  ['note', 'note', 'text'],
] as const satisfies readonly (readonly [keyof PersonRecord, keyof PersonColumns, FieldKind])[];

/** The table a role's rows live in, and the register kind for register_entries. */
export function tableOfRole(role: Role): { table: RecordTable; kind: string | null } {
  if (role === 'beneficiaries' || role === 'payouts') return { table: role, kind: null };
  return { table: 'register_entries', kind: role.slice('register:'.length) };
}

/** A stored value for a field: text as text, numbers only when finite, everything else null. */
export function columnValue(value: unknown, kind: FieldKind): string | number | null {
  if (value === null || value === undefined) return null;
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : null;
  return typeof value === 'string' ? value : String(value);
}

/** A row of a record table as read back (columns by name). */
export type StoredRecordRow = PersonColumns & {
  file: string | null;
  sheet: string;
  row_number: number;
  raw_json: string;
  flags_json: string;
};

/** Rebuilds the PersonRecord a row was stored from; role and file come from its upload. */
export function recordFromRow(row: StoredRecordRow, role: Role, uploadFile: string): PersonRecord {
  const record: Record<string, unknown> = {
    role,
    file: row.file ?? uploadFile,
    sheet: row.sheet,
    row: Number(row.row_number),
    raw: JSON.parse(row.raw_json) as Record<string, unknown>,
  };
  for (const [field, column, kind] of PERSON_FIELD_COLUMNS) {
    const value = row[column];
    record[field] = value === null || value === undefined ? null : kind === 'number' ? Number(value) : value;
  }
  record['flags'] = JSON.parse(row.flags_json) as NormalizeFlag[];
  return record as unknown as PersonRecord;
}
