import pg from 'pg';
import { expect, it } from 'vitest';
import { listAudits, openDb } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';

forEachDialect('connection pool', (ctx) => {
  it.runIf(ctx.dialect === 'postgres')('survives the server ending its idle connections and opens new ones', async () => {
    const options = await ctx.emptyDatabase();
    const handle = await openDb(options);
    const stderr = process.stderr.write;
    const reported: string[] = [];
    process.stderr.write = ((chunk: string | Uint8Array) => {
      reported.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      await Promise.all([listAudits(handle.db), listAudits(handle.db)]);
      // What a server restart or an administrator does: end every other connection to this database.
      const admin = new pg.Client({ connectionString: options.postgresUrl });
      await admin.connect();
      const ended = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      await admin.end();
      expect(ended.rowCount).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await listAudits(handle.db)).toEqual([]);
      expect(reported.join('')).toContain('PostgreSQL: một kết nối rảnh bị máy chủ đóng');
    } finally {
      process.stderr.write = stderr;
      await handle.close();
    }
  });
});
