import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { loadRecords, MIGRATIONS, migrateToLatest, openDb, type OpenDbOptions } from '../../src/store/index.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { makeRecord } from '../support/records.js';
import { forEachDialect } from '../support/db.js';

const TABLES = ['api_tokens', 'audit_log', 'audits', 'beneficiaries', 'finding_events', 'findings', 'jobs', 'payouts', 'register_entries', 'runs', 'sessions', 'uploads', 'users'];

forEachDialect('migrations', (ctx) => {
  it('creates every table on a fresh database and is a no-op when run again', async () => {
    const options = await ctx.emptyDatabase();
    if (options.sqlitePath) expect(fs.existsSync(path.dirname(options.sqlitePath))).toBe(false);
    const first = await openDb(options);
    try {
      const tables = (await first.db.introspection.getTables()).map((t) => t.name).sort();
      expect(tables).toEqual(TABLES);
      const payouts = (await first.db.introspection.getTables()).find((t) => t.name === 'payouts');
      const columns = payouts?.columns.map((c) => c.name) ?? [];
      expect(columns).toEqual(expect.arrayContaining(['upload_id', 'audit_id', 'sheet', 'row_number', 'sheet_index', 'commune_code', 'commune_name', 'record_json']));
      const again = await migrateToLatest(first.db);
      expect(again.error).toBeUndefined();
      expect(again.results).toEqual([]);
    } finally {
      await first.close();
    }
    // Reopening an up-to-date database keeps its data and migrates nothing.
    const second = await openDb(options);
    try {
      const done = await second.db
        .selectFrom('kysely_migration' as never)
        .select(sql<string>`name`.as('name'))
        .execute();
      expect(done.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
    } finally {
      await second.close();
    }
  });

  it('packs rows stored one column per field into record_json, field for field', async () => {
    const options = await ctx.emptyDatabase();
    const db = rawKysely(options);
    try {
      const before = await new Migrator({ db, provider: migrationProvider }).migrateTo('20261129-1400-upload-state');
      expect(before.error).toBeUndefined();
      await db.insertInto('audits').values({ name: 'Cũ', area: null, package_id: 'nq42-2020', created_by: null, created_at: '2026-11-29' }).execute();
      await db
        .insertInto('uploads')
        .values({ audit_id: 1, file: 'chi-tra.xlsx', sha256: 'a', role: 'payouts', uploaded_by: null, uploaded_at: '2026-11-29', mapping_json: '{}', sheets_json: '[]', rows_read: 2, rows_skipped: 0, rows_rejected: 0 })
        .execute();
      const lead = { upload_id: 1, audit_id: 1, sheet: 'Thôn 1', sheet_index: 0 };
      await db
        .insertInto('payouts')
        .values([
          { ...lead, file: null, row_number: 5, raw_json: '{"Họ và tên":"Lê Thị Hoà","Số tiền":"1.500.000"}', flags_json: '["GROUP_UNKNOWN"]', full_name: 'Lê Thị Hoà', name_key: 'le thi hoa', birth_year: 1956, gender: 'F', id_number: '038156000123', amount: 1_500_000, months: 3, period: '2020-04,2020-05,2020-06', commune_code: '18073', commune_name: 'Xã Thạch Kim', note: 'đã ký' },
          { ...lead, file: 'khác.xlsx', row_number: 6, raw_json: '{}', flags_json: '[]', full_name: 'Trần Văn Bình', members: 4, rate: 250_000 },
        ])
        .execute();
    } finally {
      await db.destroy();
    }
    const handle = await openDb(options);
    try {
      expect(await loadRecords(handle.db, 1)).toEqual([
        makeRecord({ row: 5, raw: { 'Họ và tên': 'Lê Thị Hoà', 'Số tiền': '1.500.000' }, flags: ['GROUP_UNKNOWN'], fullName: 'Lê Thị Hoà', nameKey: 'le thi hoa', birthYear: 1956, gender: 'F', idNumber: '038156000123', amount: 1_500_000, months: 3, period: '2020-04,2020-05,2020-06', communeCode: '18073', communeName: 'Xã Thạch Kim', note: 'đã ký' }),
        makeRecord({ file: 'khác.xlsx', row: 6, fullName: 'Trần Văn Bình', members: 4, rate: 250_000 }),
      ]);
    } finally {
      await handle.close();
    }
  });

  it('enforces the upload foreign key of record rows', async () => {
    const db = ctx.db();
    await expect(
      db
        .insertInto('payouts')
        .values({ upload_id: 999, audit_id: 999, file: null, sheet: 'S', row_number: 2, sheet_index: 0, record_json: '[]' } as never)
        .execute(),
    ).rejects.toThrow();
  });
});

describe('openDb [sqlite]', () => {
  it('turns on WAL and foreign keys and allows :memory:', async () => {
    const handle = await openDb({ sqlitePath: ':memory:' });
    try {
      expect(handle.dialect).toBe('sqlite');
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(handle.db);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
    } finally {
      await handle.close();
    }
  });

  it('refuses to open without a database given', async () => {
    await expect(openDb({})).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});

/** A bare Kysely over `options`, with no migration run (openDb would migrate to the latest). */
function rawKysely(options: OpenDbOptions): Kysely<any> {
  if (options.postgresUrl) return new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: options.postgresUrl, max: 1 }) }) });
  const file = options.sqlitePath ?? ':memory:';
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
}
