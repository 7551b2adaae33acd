import type { GroupCode } from './model.js';

/** Monthly support rate per group (domain.md §0): NCC/BTXH +500.000, HN/HCN 250.000 per member. */
export const MONTHLY_RATE: Readonly<Record<GroupCode, number>> = {
  NCC: 500_000,
  BTXH: 500_000,
  HN: 250_000,
  HCN: 250_000,
  TAMHOAN: 1_800_000,
  HKD: 1_000_000,
  CHAMDUT: 1_000_000,
  TUDO: 1_000_000,
};

/** Groups paid once for the three months April–June 2020. */
export const ONE_OFF_GROUPS: readonly GroupCode[] = ['NCC', 'BTXH', 'HN', 'HCN'];

/** The labour-market groups of which a person may receive only one (domain.md §1.3). */
export const EXCLUSIVE_GROUPS: readonly GroupCode[] = ['TAMHOAN', 'HKD', 'CHAMDUT', 'TUDO'];

/** Order of the groups within a list. */
export const GROUP_ORDER: readonly GroupCode[] = ['NCC', 'BTXH', 'HN', 'HCN', 'TAMHOAN', 'HKD', 'CHAMDUT', 'TUDO'];

/** The expected amount of one row: monthly rate × months (one-off groups: always 3 months). */
export function expectedAmount(group: GroupCode, months: number): number {
  return MONTHLY_RATE[group] * months;
}
