import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../domain/index.js';
import { migrateToLatest } from './migrate.js';
import type { Database, Db } from './schema.js';
import { configureSqliteConnection, rememberSqliteFile } from './sqlite-connection.js';
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
  configureSqliteConnection(raw);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingSqliteDatabase(raw) }) });
  if (!inMemory) rememberSqliteFile(db, path.resolve(file));
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
  // An idle connection the server ends (a restart, an administrator, a dropped database) makes the pool
  // emit 'error'; unheard, that event would stop the process. The pool drops that connection and opens a
  // new one when needed, so it is only reported (and not at all once the handle is being closed).
  let closing = false;
  pool.on('error', (error: Error) => {
    if (!closing) process.stderr.write(`PostgreSQL: một kết nối rảnh bị máy chủ đóng (${error.message}); sẽ mở kết nối mới khi cần\n`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return finishOpen(db, 'postgres', () => {
    closing = true;
  });
}

async function finishOpen(db: Db, dialect: DialectName, beforeClose?: () => void): Promise<DbHandle> {
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
      beforeClose?.();
      await db.destroy();
    },
  };
}
