import { ageIneligible } from './age-ineligible.js';
import { amountMismatch } from './amount-mismatch.js';
import { deceased } from './deceased.js';
import { duplicateBeneficiary } from './duplicate-beneficiary.js';
import { duplicatePayment } from './duplicate-payment.js';
import { excludedByRegister } from './excluded-by-register.js';
import { householdBusinessRevenue } from './household-business-revenue.js';
import { idDobMismatch } from './id-dob-mismatch.js';
import { invalidId } from './invalid-id.js';
import { missingField } from './missing-field.js';
import { multiplePolicies } from './multiple-policies.js';
import { notInApprovedList } from './not-in-approved-list.js';
import { notOnPoorList } from './not-on-poor-list.js';
import { outOfPeriod } from './out-of-period.js';
import { overCap } from './over-cap.js';
import { sharedAccount } from './shared-account.js';
import type { CheckDefinition } from './types.js';
import { unknownAdminUnit } from './unknown-admin-unit.js';

/** The registry: adding a check is one module plus one entry here (and its settings in the package files). */
export const CHECKS: readonly CheckDefinition[] = [
  notInApprovedList,
  deceased,
  excludedByRegister,
  notOnPoorList,
  multiplePolicies,
  ageIneligible,
  householdBusinessRevenue,
  duplicatePayment,
  duplicateBeneficiary,
  sharedAccount,
  amountMismatch,
  overCap,
  outOfPeriod,
  invalidId,
  idDobMismatch,
  unknownAdminUnit,
  missingField,
];
