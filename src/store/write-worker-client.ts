import type { Worker } from 'node:worker_threads';
import { AppError } from '../domain/index.js';
import { startModuleWorker } from '../threads/start-worker.js';
import type { EncodedValue } from './record-encoding.js';
import type { FromWriteWorker, Statement, ToWriteWorker, WriteWorkerInput } from './write-worker-messages.js';

/** Statements per message: a message costs some 50 µs besides its values. */
const STATEMENTS_PER_MESSAGE = 5;

/** Commits sent but not yet answered before send() waits: the worker always has the next transaction queued. */
const IN_FLIGHT = 2;

/**
 * Runs INSERTs on the embedded database from a worker thread with its own connection, so that the
 * calling thread goes on reading and normalising the next rows while SQLite writes these (on a large
 * upload, a third of the work). Statements queued with {@link WriteWorker.run} are sent a few at a
 * time (collecting a whole transaction's worth before sending doubled this thread's garbage collection:
 * the values lived long enough to be promoted), record JSON as arrays that the worker stringifies,
 * and committed as one transaction by {@link WriteWorker.send}. The
 * first error a transaction meets is thrown by a later send() or by close(); the transactions
 * committed before it stay (the caller removes them, see storeUpload).
 */
export class WriteWorker {
  private readonly worker: Worker;
  private readonly sqlNumbers = new Map<string, number>();
  private queued: Statement[] = [];
  private nextId = 0;
  private readonly pending = new Set<number>();
  private failure: AppError | null = null;
  private wake: (() => void) | null = null;
  private ended = false;

  constructor(file: string) {
    const input: WriteWorkerInput = { file };
    this.worker = startModuleWorker(import.meta.url, 'write-worker', { workerData: input });
    this.worker.on('message', (message: FromWriteWorker) => {
      if (message.kind === 'done') this.pending.delete(message.id);
      else if (message.kind === 'error') {
        this.pending.delete(message.id);
        this.failure ??= new AppError('INTERNAL', `ghi vào cơ sở dữ liệu không thành công: ${message.message}`, undefined, {
          cause: Object.assign(new Error(message.message), { code: message.code }),
        });
      } else this.ended = true;
      this.notify();
    });
    this.worker.on('error', (error: Error) => {
      this.failure ??= new AppError('INTERNAL', `luồng ghi cơ sở dữ liệu bị lỗi: ${String(error)}`, undefined, { cause: error });
      this.notify();
    });
    this.worker.on('exit', () => {
      this.ended = true;
      this.notify();
    });
  }

  /** Queues one statement of the current transaction with its values (text, numbers, null, or arrays stored as their JSON), which it keeps. */
  run(sql: string, values: unknown[]): void {
    this.check();
    let number = this.sqlNumbers.get(sql);
    const isNew = number === undefined;
    if (number === undefined) {
      number = this.sqlNumbers.size;
      this.sqlNumbers.set(sql, number);
    }
    this.queued.push(isNew ? { number, sql, values: values as EncodedValue[] } : { number, values: values as EncodedValue[] });
    if (this.queued.length >= STATEMENTS_PER_MESSAGE) this.flush();
  }

  private flush(): void {
    if (this.queued.length === 0) return;
    this.post({ kind: 'run', statements: this.queued });
    this.queued = [];
  }

  /** Commits the statements sent since the last commit; waits while too many commits are in flight. */
  async send(): Promise<void> {
    this.check();
    this.flush();
    const id = this.nextId++;
    this.pending.add(id);
    this.post({ kind: 'commit', id });
    while (this.pending.size >= IN_FLIGHT) await this.next();
  }

  /** Commits what was sent and waits until every transaction is committed; the worker stays for more. Throws the first error. */
  async drain(): Promise<void> {
    await this.send();
    while (this.pending.size > 0) await this.next();
    this.check();
  }

  /** Commits what was sent, waits until every transaction is committed, and ends the worker. Throws the first error. */
  async close(): Promise<void> {
    try {
      await this.drain();
      this.post({ kind: 'close' });
      while (!this.ended) await new Promise<void>((resolve) => (this.wake = resolve));
      if (this.failure) throw this.failure;
    } finally {
      await this.worker.terminate();
    }
  }

  /** Ends the worker at once (after a failure elsewhere); a transaction not yet committed is lost. */
  async abort(): Promise<void> {
    await this.worker.terminate();
  }

  private post(message: ToWriteWorker): void {
    this.worker.postMessage(message);
  }

  private check(): void {
    if (this.failure) throw this.failure;
    if (this.ended) throw new AppError('INTERNAL', 'luồng ghi cơ sở dữ liệu dừng trước khi ghi xong');
  }

  private async next(): Promise<void> {
    this.check();
    await new Promise<void>((resolve) => (this.wake = resolve));
    this.check();
  }

  private notify(): void {
    this.wake?.();
    this.wake = null;
  }
}
