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
import { amountOutlier } from './statistical/amount-outlier.js';
import { benfordDeviation } from './statistical/benford-deviation.js';
import { communeOutlier } from './statistical/commune-outlier.js';
import { nameCluster } from './statistical/name-cluster.js';
import { payoutSpike } from './statistical/payout-spike.js';
import { roundAmount } from './statistical/round-amount.js';
import { sharedContactCluster } from './statistical/shared-contact-cluster.js';
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
  // statistical risk indicators (src/checks/statistical)
  communeOutlier,
  benfordDeviation,
  roundAmount,
  amountOutlier,
  payoutSpike,
  nameCluster,
  sharedContactCluster,
];
