import type { Role } from './roles.js';

export type Gender = 'M' | 'F';
export type IdKind = 'CMND' | 'CCCD' | 'INVALID';

/**
 * Problems found while normalising one row. They are kept with the row (never a reason to drop it)
 * and feed the data-quality checks.
 */
export type NormalizeFlag =
  | 'ID_LEADING_ZERO_RESTORED' // numeric ID padded back to 12 (or 9) digits where the length made it certain
  | 'ID_AMBIGUOUS_LENGTH' // numeric ID whose original length cannot be known for sure
  | 'ID_SCIENTIFIC_NOTATION' // ID stored as 1.23E+11: digits were lost
  | 'ID_INVALID' // wrong length or characters
  | 'ID_UNKNOWN_PROVINCE' // CCCD whose first three digits are no province code
  | 'LEGACY_ENCODING_TCVN3' // text converted from TCVN3 (ABC)
  | 'LEGACY_ENCODING_VNI' // text converted from VNI-Windows
  | 'ADMIN_UNIT_UNRESOLVED'
  | 'GROUP_UNKNOWN'
  | 'AMOUNT_UNPARSED'
  | 'DATE_UNPARSED'
  | 'BIRTH_BOTH_GENDER_COLUMNS'; // year in both Nam and Nữ columns

/** A parsed identity number. For CCCD, the parts encoded in it (Circular 07/2016/TT-BCA). */
export interface ParsedId {
  readonly value: string; // digits only, leading zeros restored where certain
  readonly kind: IdKind;
  readonly provinceCode: string | null; // CCCD digits 1–3, e.g. "001"
  readonly gender: Gender | null; // from CCCD digit 4
  readonly century: number | null; // 1900, 2000, … from CCCD digit 4
  readonly birthYear: number | null; // century + digits 5–6
  readonly flags: readonly NormalizeFlag[];
}

/**
 * One normalised spreadsheet row of any role. Fields absent from a file are null.
 * Dates are ISO `YYYY-MM-DD` strings; amounts are whole VND.
 */
export interface PersonRecord {
  readonly role: Role;
  readonly file: string; // file name as uploaded (basename)
  readonly sheet: string;
  readonly row: number; // 1-based Excel row; CSV line number (header = 1)
  /** The row's values by header text, as read (dates as ISO strings). */
  readonly raw: Readonly<Record<string, unknown>>;
  readonly fullName: string | null; // display form, NFC, title-cased spacing
  readonly nameKey: string | null; // diacritic-free lowercase key, "đ" → "d", single spaces
  readonly birthDate: string | null;
  readonly birthYear: number | null;
  readonly gender: Gender | null;
  readonly idNumber: string | null;
  readonly idKind: IdKind | null;
  readonly householdCode: string | null;
  readonly householdHead: string | null;
  readonly members: number | null;
  readonly relation: string | null;
  readonly address: string | null;
  readonly village: string | null;
  readonly provinceCode: string | null; // GSO 2 digits
  readonly districtCode: string | null; // GSO 3 digits
  readonly communeCode: string | null; // GSO 5 digits
  readonly communeName: string | null; // as written when unresolved, else the GSO name
  readonly groupLabel: string | null; // as written
  readonly groupCode: string | null; // package group code (NCC, BTXH, HN, …) or null when unknown
  readonly rate: number | null;
  readonly months: number | null;
  readonly period: string | null; // support months as "2020-04,2020-05,2020-06" where given
  readonly amount: number | null;
  readonly paidDate: string | null;
  readonly signature: string | null;
  readonly receiver: string | null;
  readonly bankAccount: string | null;
  readonly phone: string | null;
  readonly revenue: number | null;
  readonly deathDate: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly population: number | null;
  readonly payer: string | null;
  readonly note: string | null;
  readonly flags: readonly NormalizeFlag[];
}

/** Number of person fields {@link personFieldValuesInto} writes. */
export const PERSON_FIELD_COUNT = 35;

/**
 * Writes a record's person fields (everything but role, file, sheet, row, raw and flags) at
 * `out[offset…]`, in a fixed order: the order the store keeps them in (PERSON_FIELDS there, which checks
 * the count). Written out field by field: a loop over the field names made every read a megamorphic
 * keyed load.
 */
export function personFieldValuesInto(r: PersonRecord, out: unknown[], offset: number): void {
  let o = offset;
  out[o++] = r.fullName;
  out[o++] = r.nameKey;
  out[o++] = r.birthDate;
  out[o++] = r.birthYear;
  out[o++] = r.gender;
  out[o++] = r.idNumber;
  out[o++] = r.idKind;
  out[o++] = r.householdCode;
  out[o++] = r.householdHead;
  out[o++] = r.members;
  out[o++] = r.relation;
  out[o++] = r.address;
  out[o++] = r.village;
  out[o++] = r.provinceCode;
  out[o++] = r.districtCode;
  out[o++] = r.communeCode;
  out[o++] = r.communeName;
  out[o++] = r.groupLabel;
  out[o++] = r.groupCode;
  out[o++] = r.rate;
  out[o++] = r.months;
  out[o++] = r.period;
  out[o++] = r.amount;
  out[o++] = r.paidDate;
  out[o++] = r.signature;
  out[o++] = r.receiver;
  out[o++] = r.bankAccount;
  out[o++] = r.phone;
  out[o++] = r.revenue;
  out[o++] = r.deathDate;
  out[o++] = r.startDate;
  out[o++] = r.endDate;
  out[o++] = r.population;
  out[o++] = r.payer;
  out[o++] = r.note;
}
