import type { EncodedValue } from './record-encoding.js';

/** What the write worker is started with. */
export interface WriteWorkerInput {
  /** The embedded database file (absolute path). */
  readonly file: string;
}

/** One statement: its SQL text the first time only (`sql`), then referred to by `number`. */
export interface Statement {
  readonly number: number;
  readonly sql?: string;
  /** The values bound in order; an array is bound as its JSON text (made by the worker). */
  readonly values: EncodedValue[];
}

/** Statements of the current transaction (begun by the first statement after a commit). */
export interface RunStatements {
  readonly kind: 'run';
  readonly statements: readonly Statement[];
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

export type ToWriteWorker = RunStatements | CommitStatements | CloseWriter;

export type FromWriteWorker =
  | { readonly kind: 'done'; readonly id: number }
  | { readonly kind: 'error'; readonly id: number; readonly message: string; readonly code: string | null }
  | { readonly kind: 'closed' };
