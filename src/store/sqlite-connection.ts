import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './schema.js';

/**
 * Settings of every connection to an embedded database file: the opening one and the upload
 * writer's (see write-worker.ts). Loads no driver, so a worker can import it cheaply.
 */
export function configureSqliteConnection(raw: BetterSqlite3.Database, cacheMiB = 32): void {
  // 16 KiB pages for a new file (an existing file keeps its own): a record row is some 500 bytes; a raw
  // better-sqlite3 test of such rows wrote about a fifth faster than with the 4 KiB default (within this
  // machine's noise in the full ingest). Only takes effect before the first table exists and WAL is on.
  raw.pragma('page_size = 16384');
  raw.pragma('journal_mode = WAL');
  // NORMAL is safe with WAL (a power cut can lose the last commits, never corrupt the file).
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // `cacheMiB` of page cache (32 MiB by default). Record rows and the ordering index are appended in
  // order, so a large upload touches few pages at a time; the larger cache the (since dropped) ID and name
  // indexes needed would cost a million-row upload some 250 MB of memory for nothing.
  raw.pragma(`cache_size = -${cacheMiB * 1024}`);
  raw.pragma('temp_store = MEMORY');
}

const files = new WeakMap<Db, string>();

/** Records that `db` is the embedded database in `file` (not an in-memory one). */
export function rememberSqliteFile(db: Db, file: string): void {
  files.set(db, file);
}

/** The file of an embedded database opened by openDb, if `db` is one (a transaction is not). */
export function sqliteFileOf(db: Db): string | undefined {
  return files.get(db);
}
