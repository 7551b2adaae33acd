export type { AnswerAnomaly, AnswerKey, AnswerTrap } from './answer-key.js';
export { PLANTED_RULES, TRAP_KINDS } from './answer-key.js';
export { PLANTED_STATISTICAL_RULES } from './plant-statistical.js';
export type { GenerateSamplesOptions } from './generate-samples.js';
export { generateSamples } from './generate-samples.js';
export { encodeTcvn3 } from './tcvn3.js';
export { mulberry32 } from './random.js';
