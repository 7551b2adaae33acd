export { loadConfig, DEFAULT_SQLITE_PATH } from './config.js';
export type { Config } from './config.js';
export { packagePath } from './package-path.js';
