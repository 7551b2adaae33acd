import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateToLatest, openDb } from '../../src/store/index.js';
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
      expect(columns).toEqual(expect.arrayContaining(['upload_id', 'audit_id', 'sheet', 'row_number', 'sheet_index', 'raw_json', 'flags_json', 'id_number', 'name_key', 'commune_code', 'amount']));
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

  it('enforces the upload foreign key of record rows', async () => {
    const db = ctx.db();
    await expect(
      db
        .insertInto('payouts')
        .values({ upload_id: 999, audit_id: 999, file: null, sheet: 'S', row_number: 2, sheet_index: 0, raw_json: '{}', flags_json: '[]' } as never)
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
