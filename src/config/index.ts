export { loadConfig, DEFAULT_SQLITE_PATH } from './config.js';
export type { Config } from './config.js';
export { PACKAGE_ROOT, packagePath } from './package-path.js';
