import { afterAll, beforeAll } from 'vitest';
import { openDb, type DbHandle } from '../../src/store/index.js';
import { tempDir } from '../ingest/write-files.js';

/** A temporary folder (see tempDir). */
export type TempDir = Awaited<ReturnType<typeof tempDir>>;

/**
 * For a suite that ingests real files: a temporary folder for them and a real embedded database file in it,
 * opened before the suite's tests (before the hooks registered after this call) and closed and removed after.
 */
export function sqliteFileSuite(): { readonly dir: TempDir; readonly handle: DbHandle } {
  let dir: TempDir | undefined;
  let handle: DbHandle | undefined;
  beforeAll(async () => {
    dir = await tempDir();
    handle = await openDb({ sqlitePath: dir.file('ansinh.sqlite') });
  });
  afterAll(async () => {
    await handle?.close();
    await dir?.cleanup();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('sqliteFileSuite: used outside the suite\'s hooks and tests');
    return value;
  };
  return {
    get dir() {
      return ready(dir);
    },
    get handle() {
      return ready(handle);
    },
  };
}
