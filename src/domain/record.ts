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

/** What a PersonRecord holds besides its person fields. */
export interface PersonRecordHead {
  readonly role: Role;
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  readonly raw: Readonly<Record<string, unknown>>;
  readonly flags: readonly NormalizeFlag[];
}

/**
 * The PersonRecord whose person fields are `v[offset…]` in the order of {@link personFieldValuesInto},
 * values already of their field's type. Built as one object literal: every record so made has one
 * shape with all its fields inside the object (records built field by field took about twice the memory).
 */
export function personRecordFrom(head: PersonRecordHead, v: readonly unknown[], offset: number): PersonRecord {
  type R = PersonRecord;
  const o = offset;
  return {
    role: head.role,
    file: head.file,
    sheet: head.sheet,
    row: head.row,
    raw: head.raw,
    fullName: v[o] as R['fullName'],
    nameKey: v[o + 1] as R['nameKey'],
    birthDate: v[o + 2] as R['birthDate'],
    birthYear: v[o + 3] as R['birthYear'],
    gender: v[o + 4] as R['gender'],
    idNumber: v[o + 5] as R['idNumber'],
    idKind: v[o + 6] as R['idKind'],
    householdCode: v[o + 7] as R['householdCode'],
    householdHead: v[o + 8] as R['householdHead'],
    members: v[o + 9] as R['members'],
    relation: v[o + 10] as R['relation'],
    address: v[o + 11] as R['address'],
    village: v[o + 12] as R['village'],
    provinceCode: v[o + 13] as R['provinceCode'],
    districtCode: v[o + 14] as R['districtCode'],
    communeCode: v[o + 15] as R['communeCode'],
    communeName: v[o + 16] as R['communeName'],
    groupLabel: v[o + 17] as R['groupLabel'],
    groupCode: v[o + 18] as R['groupCode'],
    rate: v[o + 19] as R['rate'],
    months: v[o + 20] as R['months'],
    period: v[o + 21] as R['period'],
    amount: v[o + 22] as R['amount'],
    paidDate: v[o + 23] as R['paidDate'],
    signature: v[o + 24] as R['signature'],
    receiver: v[o + 25] as R['receiver'],
    bankAccount: v[o + 26] as R['bankAccount'],
    phone: v[o + 27] as R['phone'],
    revenue: v[o + 28] as R['revenue'],
    deathDate: v[o + 29] as R['deathDate'],
    startDate: v[o + 30] as R['startDate'],
    endDate: v[o + 31] as R['endDate'],
    population: v[o + 32] as R['population'],
    payer: v[o + 33] as R['payer'],
    note: v[o + 34] as R['note'],
    flags: head.flags,
  };
}
