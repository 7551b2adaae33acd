import type { Role } from '../domain/index.js';
import { CORE_CHECK_IDS } from '../rules/index.js';
import type { RowRef } from './model.js';

/** One planted anomaly: the rows a correct finding of `rule` would cite. */
export interface AnswerAnomaly {
  readonly rule: string;
  readonly records: readonly RowRef[];
  readonly note: string;
}

/** One trap: rows that look suspicious but must not be flagged (kind as in README). */
export interface AnswerTrap {
  readonly kind: string;
  readonly records: readonly RowRef[];
  readonly note: string;
}

/** The answer key `answers.json` (`ansinh.answers/1`) written next to the generated samples. */
export interface AnswerKey {
  readonly schema: 'ansinh.answers/1';
  readonly seed: number;
  readonly rows: number;
  readonly package: 'nq42-2020';
  readonly area: {
    readonly province: { readonly code: string; readonly name: string };
    readonly district: { readonly code: string; readonly name: string };
    readonly communes: readonly { readonly code: string; readonly name: string; readonly villages: readonly string[] }[];
  };
  readonly counts: { readonly payoutRows: number; readonly beneficiaryRows: number };
  readonly files: readonly { readonly file: string; readonly role: Role }[];
  readonly anomalies: readonly AnswerAnomaly[];
  readonly traps: readonly AnswerTrap[];
}

/** Every check id the samples plant (CONTRACTS.md, all categories but the statistical ones). */
export const PLANTED_RULES = CORE_CHECK_IDS;

/** Every trap kind the samples plant. */
export const TRAP_KINDS = [
  'namesake',
  'household_members',
  'proxy',
  'ncc_btxh_in_poor_household',
  'same_name_other_commune',
  'amount_at_rate',
  'last_day_of_window',
  'first_day_of_window',
  'died_after_payment',
  'register_not_excluding',
  'household_row',
] as const;
