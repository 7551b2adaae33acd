import { packagePath } from './package-path.js';

/** Runtime settings, read once from the environment (the only reader of process.env). */
export interface Config {
  /** SQLite database file (ANSINH_DB); used unless databaseUrl is set. */
  readonly sqlitePath: string;
  /** PostgreSQL connection string (DATABASE_URL), or null for the embedded SQLite default. */
  readonly databaseUrl: string | null;
  /** HTTP port of the service (PORT, default 8787). */
  readonly port: number;
}

/**
 * The default SQLite file lives in the git-ignored data/ folder of the package, wherever a command is typed:
 * `npm run ansinh -- ingest` from a folder of spreadsheets and `npm start` use the same database.
 */
export const DEFAULT_SQLITE_PATH = packagePath('data', 'ansinh.sqlite');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const url = env['DATABASE_URL']?.trim();
  const port = Number.parseInt(env['PORT'] ?? '', 10);
  return Object.freeze({
    sqlitePath: env['ANSINH_DB']?.trim() || DEFAULT_SQLITE_PATH,
    databaseUrl: url && /^postgres(ql)?:\/\//.test(url) ? url : null,
    port: Number.isInteger(port) && port > 0 ? port : 8787,
  });
}
