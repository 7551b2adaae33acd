import { loadConfig } from '../config/index.js';
import type { DbHandle } from '../store/index.js';

/** Opens the database named by `--db`, else ANSINH_DB / DATABASE_URL, else the default SQLite file. */
export async function openCliDb(dbOption: string | undefined): Promise<DbHandle> {
  const { openDb } = await import('../store/index.js');
  const config = loadConfig();
  if (dbOption) return openDb(/^postgres(ql)?:\/\//.test(dbOption) ? { postgresUrl: dbOption } : { sqlitePath: dbOption });
  return openDb(config.databaseUrl ? { postgresUrl: config.databaseUrl } : { sqlitePath: config.sqlitePath });
}
