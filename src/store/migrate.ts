import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { AppError } from '../domain/index.js';
import { migrationProvider } from './migrations/index.js';

/**
 * Brings the schema to the latest migration. Kysely's Migrator reports a failing migration in its
 * result set instead of throwing half-way; that failure becomes one AppError here.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const result = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'không rõ';
    const detail = result.error instanceof Error ? result.error.message : String(result.error);
    throw new AppError('INTERNAL', `không cập nhật được cấu trúc cơ sở dữ liệu (bước "${failed}"): ${detail}`, undefined, {
      cause: result.error,
    });
  }
  return result;
}
