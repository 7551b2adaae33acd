/** Person matching: exact on valid IDs, Fellegi–Sunter scores otherwise, with explanations. */
export type { BlockingSettings, FieldId, FieldSettings, LevelProbabilities, MatchConfig } from './match-config.js';
export { DEFAULT_FIELD_SETTINGS, DEFAULT_MATCH_CONFIG, FIELD_IDS, FIELD_LABELS } from './match-config.js';
export type { FieldComparison, MatchPair } from './match-pair.js';
export type { MatchInput } from './prepare.js';
export { bestMatches, dedupe, link } from './match-records.js';
export { BestMatches, type BestPairs } from './best-matches.js';
export { newPrepareCache, type PrepareCache } from './prepare.js';
export { forgetPreparationLookups, Interner } from './prepare-cache.js';
export { explainMatch, formatWeight } from './explain-match.js';
export { clusterPairs } from './cluster-pairs.js';
export { asciiKey, toneForm } from './text.js';
export { KeyTable, numericIdKey } from './key-table.js';
export { releaseScratchArrays, scratchArrays } from './scratch-arrays.js';
