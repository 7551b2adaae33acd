import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Wraps a better-sqlite3 database so that Kysely's SQLite driver, which prepares every query anew,
 * reuses prepared statements by SQL text (least recently used ones are dropped). Bulk inserts
 * run the same multi-row INSERT thousands of times; parsing it once saves most of their cost.
 */
export function cachingSqliteDatabase(raw: BetterSqlite3.Database, capacity = 100): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      // A statement still being iterated cannot be run again; such a caller gets a fresh one.
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = raw.prepare(sql);
      if (!hit) {
        cache.set(sql, statement);
        if (cache.size > capacity) {
          const oldest = cache.keys().next();
          if (!oldest.done) cache.delete(oldest.value);
        }
      }
      return statement;
    },
  };
}
