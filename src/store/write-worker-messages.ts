import type { StoredValue } from './record-encoding.js';

/** What the write worker is started with. */
export interface WriteWorkerInput {
  /** The embedded database file (absolute path). */
  readonly file: string;
}

/**
 * One statement of the current transaction (begun by the first statement after a commit). Its SQL
 * text is sent the first time only (`sql`), then referred to by `number`.
 */
export interface RunStatement {
  readonly kind: 'run';
  readonly number: number;
  readonly sql?: string;
  readonly values: readonly StoredValue[];
}

/** Commits the statements since the previous commit; answered with done or error under this id. */
export interface CommitStatements {
  readonly kind: 'commit';
  readonly id: number;
}

/** Closes the connection and ends the worker (after the messages before it). */
export interface CloseWriter {
  readonly kind: 'close';
}

export type ToWriteWorker = RunStatement | CommitStatements | CloseWriter;

export type FromWriteWorker =
  | { readonly kind: 'done'; readonly id: number }
  | { readonly kind: 'error'; readonly id: number; readonly message: string; readonly code: string | null }
  | { readonly kind: 'closed' };
