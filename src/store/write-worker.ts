/**
 * Worker-thread side of {@link WriteWorker}: opens its own connection to the embedded database and
 * runs the statements it receives, one transaction from the first statement after a commit to the
 * next commit, answering each commit with done or the first error (the transaction then rolled back).
 * Loads no query builder: the SQL arrives compiled.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { configureSqliteConnection } from './sqlite-connection.js';
import type { FromWriteWorker, ToWriteWorker, WriteWorkerInput } from './write-worker-messages.js';

const port = parentPort;
if (!port) throw new Error('write-worker runs only in a worker thread');
const { file } = workerData as WriteWorkerInput;

const db = new BetterSqlite3(file, { fileMustExist: true });
// Half the usual page cache: this connection only appends (rows and the ordering index grow at their
// ends); 16 MiB wrote as fast as 32 (4 MiB was slower) with some 25 MB less peak memory per upload.
configureSqliteConnection(db, 16);
// This connection only ever waits (on the service's own short writes), and nothing waits on it while it
// does: it may wait longer than the usual 5 s before a busy database fails the upload.
db.pragma('busy_timeout = 60000');
const prepared: BetterSqlite3.Statement[] = [];
const begin = db.prepare('BEGIN IMMEDIATE');
const commit = db.prepare('COMMIT');
const rollback = db.prepare('ROLLBACK');
/** The first error of the current transaction, reported at its commit. */
let failure: { message: string; code: string | null } | null = null;

function fail(error: unknown): void {
  if (failure) return;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : null;
  failure = { message: error instanceof Error ? error.message : String(error), code };
  if (db.inTransaction) rollback.run();
}

port.on('message', (message: ToWriteWorker) => {
  switch (message.kind) {
    case 'run': {
      if (failure) return;
      try {
        // IMMEDIATE: the write lock is taken at BEGIN, so a busy database waits (busy_timeout) up front.
        if (!db.inTransaction) begin.run();
        for (const { number, sql, values } of message.statements) {
          if (sql !== undefined) prepared[number] = db.prepare(sql);
          const statement = prepared[number];
          if (!statement) throw new Error(`no statement number ${number}`);
          for (let i = 0; i < values.length; i++) {
            const value = values[i];
            if (Array.isArray(value)) values[i] = JSON.stringify(value);
          }
          statement.run(values);
        }
      } catch (error) {
        fail(error);
      }
      return;
    }
    case 'commit': {
      if (!failure && db.inTransaction) {
        try {
          commit.run();
        } catch (error) {
          fail(error);
        }
      }
      const answer: FromWriteWorker = failure ? { kind: 'error', id: message.id, ...failure } : { kind: 'done', id: message.id };
      failure = null;
      port.postMessage(answer);
      return;
    }
    case 'close':
      if (db.inTransaction) rollback.run();
      db.close();
      port.postMessage({ kind: 'closed' } satisfies FromWriteWorker);
      port.close();
  }
});
