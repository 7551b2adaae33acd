import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { openDb, type Db, type DbHandle, type DialectName, type OpenDbOptions } from '../../src/store/index.js';

/** PostgreSQL server for the PostgreSQL half of the store suites; unset → that half is skipped. */
export const TEST_PG_URL = process.env['ANSINH_TEST_PG_URL'] ?? '';
if (!TEST_PG_URL && process.env['CI']) {
  // .ci/run sets ANSINH_TEST_PG_URL: in CI the PostgreSQL half must run, never be skipped.
  throw new Error('CI: ANSINH_TEST_PG_URL không được đặt; .ci/run phải khởi động PostgreSQL và đặt biến này');
}

export interface DialectContext {
  readonly dialect: DialectName;
  /** The current test's database: fresh, migrated, empty. */
  handle(): DbHandle;
  db(): Db;
  /** Connection options for one more database that is completely empty (not migrated); cleaned up after the suite. */
  emptyDatabase(): Promise<OpenDbOptions>;
}

const NOTICE_PREFIX = 'ansinh-pg-skip-notice-';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function printSkipNoticeOnce(): void {
  // Each test file runs in its own worker; a marker per vitest run (keyed by the parent process)
  // keeps the notice to one line. Markers of finished runs are removed.
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(NOTICE_PREFIX)) continue;
    const pid = Number(name.slice(NOTICE_PREFIX.length));
    if (Number.isInteger(pid) && pid !== process.ppid && !isAlive(pid)) fs.rmSync(path.join(os.tmpdir(), name), { force: true });
  }
  const marker = path.join(os.tmpdir(), `${NOTICE_PREFIX}${process.ppid}`);
  try {
    fs.writeFileSync(marker, '', { flag: 'wx' });
  } catch {
    return;
  }
  console.log('PostgreSQL: phần kiểm thử PostgreSQL bị bỏ qua vì ANSINH_TEST_PG_URL chưa được đặt (skipped: ANSINH_TEST_PG_URL is not set).');
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates and drops scratch databases of one dialect for one suite. */
interface Scratch {
  setUp(): Promise<void>;
  fresh(): Promise<DbHandle>;
  empty(): Promise<OpenDbOptions>;
  release(handle: DbHandle): Promise<void>;
  tearDown(): Promise<void>;
}

function sqliteScratch(): Scratch {
  let dir = '';
  let n = 0;
  return {
    async setUp() {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-store-test-'));
    },
    async fresh() {
      return openDb({ sqlitePath: path.join(dir, `t${++n}.db`) });
    },
    async empty() {
      return { sqlitePath: path.join(dir, `empty${++n}`, 'nested', 'ansinh.db') };
    },
    async release(handle) {
      await handle.close();
    },
    async tearDown() {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresScratch(): Scratch {
  const prefix = `ansinh_t_${randomBytes(5).toString('hex')}`;
  const template = `${prefix}_tpl`;
  const created: string[] = [];
  const byHandle = new Map<DbHandle, string>();
  let n = 0;
  return {
    async setUp() {
      await adminQuery(`CREATE DATABASE ${template}`);
      created.push(template);
      const migrated = await openDb({ postgresUrl: databaseUrl(TEST_PG_URL, template) });
      await migrated.close();
    },
    async fresh() {
      // Copying a migrated template is much faster than migrating every test's database.
      const name = `${prefix}_${++n}`;
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      created.push(name);
      const handle = await openDb({ postgresUrl: databaseUrl(TEST_PG_URL, name) });
      byHandle.set(handle, name);
      return handle;
    },
    async empty() {
      const name = `${prefix}_empty${++n}`;
      await adminQuery(`CREATE DATABASE ${name}`);
      created.push(name);
      return { postgresUrl: databaseUrl(TEST_PG_URL, name) };
    },
    async release(handle) {
      await handle.close();
      const name = byHandle.get(handle);
      if (name) {
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        created.splice(created.indexOf(name), 1);
      }
    },
    async tearDown() {
      for (const name of created.reverse()) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Runs the same suite over every available dialect: SQLite (a real temp file) always, PostgreSQL
 * when ANSINH_TEST_PG_URL is set (each run creates databases with random names and drops them).
 * Every test gets a fresh, migrated, empty database.
 * @example forEachDialect('audits', (ctx) => { it('creates', async () => { await createAudit(ctx.db(), …) }) })
 */
export function forEachDialect(name: string, fn: (ctx: DialectContext) => void): void {
  if (!TEST_PG_URL) printSkipNoticeOnce();
  for (const dialect of ['sqlite', 'postgres'] as const) {
    describe.skipIf(dialect === 'postgres' && !TEST_PG_URL)(`${name} [${dialect}]`, () => {
      const scratch = dialect === 'sqlite' ? sqliteScratch() : postgresScratch();
      let current: DbHandle | undefined;
      beforeAll(() => scratch.setUp());
      afterAll(() => scratch.tearDown());
      beforeEach(async () => {
        current = await scratch.fresh();
      });
      afterEach(async () => {
        if (current) await scratch.release(current);
        current = undefined;
      });
      const handle = (): DbHandle => {
        if (!current) throw new Error('no database outside a test');
        return current;
      };
      fn({ dialect, handle, db: () => handle().db, emptyDatabase: () => scratch.empty() });
    });
  }
}
