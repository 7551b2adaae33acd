import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../domain/index.js';
import { migrateToLatest } from './migrate.js';
import type { Database, Db } from './schema.js';
import { cachingSqliteDatabase } from './statement-cache.js';

export type DialectName = 'sqlite' | 'postgres';

/** An open database: the query builder, which engine it is, and how to close it. */
export interface DbHandle {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** SQLite file (its folder is created) or ':memory:'. Used when postgresUrl is not given. */
  sqlitePath?: string;
  /** `postgres://…`: selects PostgreSQL. The database must exist. */
  postgresUrl?: string;
}

const PG_INT8_OID = 20;

/**
 * Opens SQLite (WAL, foreign keys on) or PostgreSQL and migrates it to the latest schema.
 * @example const { db, close } = await openDb({ sqlitePath: 'data/ansinh.db' });
 */
export async function openDb(options: OpenDbOptions): Promise<DbHandle> {
  if (options.postgresUrl) return openPostgres(options.postgresUrl);
  if (options.sqlitePath) return openSqlite(options.sqlitePath);
  throw new AppError('BAD_INPUT', 'chưa chỉ định cơ sở dữ liệu: cần đường dẫn tệp SQLite hoặc địa chỉ PostgreSQL');
}

async function openSqlite(file: string): Promise<DbHandle> {
  const inMemory = file === ':memory:' || file.startsWith('file::memory:');
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file);
  } catch (error) {
    throw new AppError('INTERNAL', `không mở được cơ sở dữ liệu SQLite "${file}": ${String(error)}`, undefined, { cause: error });
  }
  // 16 KiB pages for a new file (an existing file keeps its own): a record row is some 500 bytes; a raw
  // better-sqlite3 test of such rows wrote about a fifth faster than with the 4 KiB default (within this
  // machine's noise in the full ingest). Only takes effect before the first table exists and WAL is on.
  raw.pragma('page_size = 16384');
  raw.pragma('journal_mode = WAL');
  // NORMAL is safe with WAL (a power cut can lose the last commits, never corrupt the file).
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // 32 MiB of page cache. Record rows and the ordering index are appended in order, so a large upload
  // touches few pages at a time; the larger cache the (since dropped) ID and name indexes needed would
  // cost a million-row upload some 250 MB of memory for nothing.
  raw.pragma('cache_size = -32768');
  raw.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingSqliteDatabase(raw) }) });
  return finishOpen(db, 'sqlite');
}

async function openPostgres(url: string): Promise<DbHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // count(*) and other bigint results as numbers rather than strings (safe below 2^53).
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8_OID && format !== 'binary'
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return finishOpen(db, 'postgres');
}

async function finishOpen(db: Db, dialect: DialectName): Promise<DbHandle> {
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let closed = false;
  return {
    db,
    dialect,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
