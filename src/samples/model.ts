import type { Gender, RegisterKind, Role } from '../domain/index.js';

/** Group codes of package nq42-2020 (domain.md §0). */
export type GroupCode = 'NCC' | 'BTXH' | 'HN' | 'HCN' | 'TAMHOAN' | 'HKD' | 'CHAMDUT' | 'TUDO';

/** A calendar date without time. */
export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** A commune of the generated district, with its villages (one sheet each). */
export interface Commune {
  readonly index: number;
  readonly code: string;
  readonly name: string; // GSO name with its type prefix, e.g. "Xã Hòa An"
  readonly bareName: string; // without the prefix, e.g. "Hòa An"
  readonly type: string; // Xã / Phường / Thị trấn
  readonly slug: string; // ascii for file names
  readonly villages: readonly string[];
  readonly style: number; // layout style 0..2
}

/** A generated person: the truth behind every row that shows them. */
export interface Person {
  readonly uid: number;
  readonly fullName: string; // NFC
  readonly gender: Gender;
  readonly birth: Ymd;
  idNumber: string | null;
  readonly communeIndex: number;
  readonly villageIndex: number;
  householdCode: string | null;
  relation: string | null;
  phone: string | null;
  bankAccount: string | null;
}

/**
 * How one row shows a person, where it differs from the truth (the messy and the planted variants).
 * `undefined` means "show the truth"; `null` means "leave the cell empty".
 */
export interface Shown {
  name?: string;
  id?: string | null;
  birthYear?: number | null;
  gender?: Gender;
  group?: string | null;
  commune?: string;
  amount?: number | null;
  bankAccount?: string | null;
  receiver?: string;
  note?: string;
  revenue?: number;
}

/** One data row of a beneficiaries (approved) or payouts list. */
export interface Entry {
  readonly key: string;
  readonly person: Person;
  readonly group: GroupCode;
  readonly months: number;
  readonly amount: number; // the amount written unless `shown.amount` overrides it
  readonly communeIndex: number; // the commune whose file holds the row
  readonly villageIndex: number; // the village sheet that holds the row
  readonly members: number | null; // household rows: number of members (số khẩu)
  paidDate: Ymd | null; // payouts only
  revenue: number | null; // HKD: tax-declared 2020 revenue (beneficiaries lists)
  shown: Shown;
}

/** One row of a register file. */
export interface RegisterEntry {
  readonly key: string;
  readonly person: Person;
  readonly kind: Exclude<RegisterKind, 'population' | 'poor-2019'>;
  readonly from: Ymd | null; // death date, pension/benefit start
  readonly to: Ymd | null;
  readonly detail: string | null; // employer, position or pension amount text
  readonly amount: number | null;
}

/** One member row of the 31/12/2019 poor / near-poor household list. */
export interface PoorEntry {
  readonly key: string;
  readonly person: Person;
  readonly householdCode: string;
  readonly kind: 'HN' | 'HCN';
}

/** A planted anomaly or trap before row numbers are known: the rows by entry key. */
export interface PlannedCase {
  readonly rule: string; // check id, or the trap kind for traps
  readonly keys: readonly string[];
  readonly note: string;
}

/** A row reference as answers.json gives it. */
export interface RowRef {
  readonly role: Role;
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}
