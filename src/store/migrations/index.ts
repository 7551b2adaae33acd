import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261129-0800-initial.js';
import * as dropLookupIndexes from './20261129-0900-drop-lookup-indexes.js';
import * as accounts from './20261129-1000-accounts.js';
import * as findingIndexes from './20261129-1200-finding-indexes.js';
import * as uploadState from './20261129-1400-upload-state.js';
import * as packedRecordRows from './20261130-0900-packed-record-rows.js';

/**
 * Every migration, by name (names sort in the order they run). Listed in code rather than read from
 * a folder so that they load the same under tsx, vitest and a bundled build.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '20261129-0800-initial': initial,
  '20261129-0900-drop-lookup-indexes': dropLookupIndexes,
  '20261129-1000-accounts': accounts,
  '20261129-1200-finding-indexes': findingIndexes,
  '20261129-1400-upload-state': uploadState,
  '20261130-0900-packed-record-rows': packedRecordRows,
};

/** Kysely's Migrator provider over {@link MIGRATIONS}. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
