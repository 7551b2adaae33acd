/** Check ids of the row-level (core) checks (contract, CONTRACTS.md). */
export const CORE_CHECK_IDS = [
  'NOT_IN_APPROVED_LIST',
  'DECEASED',
  'EXCLUDED_BY_REGISTER',
  'NOT_ON_POOR_LIST',
  'MULTIPLE_POLICIES',
  'AGE_INELIGIBLE',
  'HOUSEHOLD_BUSINESS_REVENUE',
  'DUPLICATE_PAYMENT',
  'DUPLICATE_BENEFICIARY',
  'SHARED_ACCOUNT',
  'AMOUNT_MISMATCH',
  'OVER_CAP',
  'OUT_OF_PERIOD',
  'INVALID_ID',
  'ID_DOB_MISMATCH',
  'UNKNOWN_ADMIN_UNIT',
  'MISSING_FIELD',
] as const;

/** Check ids of the statistical checks (contract, CONTRACTS.md). */
export const STATISTICAL_CHECK_IDS = [
  'COMMUNE_OUTLIER',
  'BENFORD_DEVIATION',
  'ROUND_AMOUNT',
  'AMOUNT_OUTLIER',
  'PAYOUT_SPIKE',
  'NAME_CLUSTER',
  'SHARED_CONTACT_CLUSTER',
] as const;

/** Every check id; a package's `checks` keys must be among them. */
export const CHECK_IDS = [...CORE_CHECK_IDS, ...STATISTICAL_CHECK_IDS] as const;

export type CheckId = (typeof CHECK_IDS)[number];
