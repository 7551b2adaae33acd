export { loadPackage, listPackages, parsePackage, defaultRulesDir } from './load-package.js';
export { packageSchema, REQUIRED_FIELD_NAMES, FLAG_NAMES } from './schema.js';
export type { PackageRules, GroupRules, CheckRules, Param } from './schema.js';
export { CHECK_IDS, CORE_CHECK_IDS, STATISTICAL_CHECK_IDS, type CheckId } from './check-ids.js';
export { formatIssues, formatPath } from './format-issues.js';
export { expectedAmount, groupCap, type ExpectedAmount } from './expected-amount.js';
export { groupForLabel } from './group-labels.js';
