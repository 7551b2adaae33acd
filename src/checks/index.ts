/** The core checks: one module per check id, the registry, and the runner the pipeline calls. */
export type { AuditData, CheckContext, CheckDefinition } from './types.js';
export { CHECKS } from './registry.js';
export { runChecks, prepareData, isTotalRow, type CheckRun } from './run-checks.js';
export { findingId, rulePrefix } from './finding-id.js';
export { createMatchService, matchConfigOf, matchInput, type MatchService, type MatchSide, type PersonClusters } from './match-service.js';
export { personKey, paymentKey, contentKey, hasProxy, hasTrustedId } from './person-key.js';
export { dropReuploads, SUPERSEDE_SHARE } from './reuploads.js';
export { makeFinding, matchEvidence, refOf, type FindingDraft } from './make-finding.js';
export { checkRules, checkSettings, paymentRows } from './helpers.js';
