import type { Transaction } from 'kysely';
import type { Database, Db } from './schema.js';

/**
 * Runs `fn` in a transaction, or inside the caller's one when `db` already is a transaction, so
 * repository functions compose into larger all-or-nothing units.
 */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((trx: Transaction<Database>) => fn(trx));
}

/** True when a database error is a unique/primary-key violation (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The current time as stored: ISO-8601 UTC text. */
export function nowIso(): string {
  return new Date().toISOString();
}
