import type { Worker } from 'node:worker_threads';
import { AppError } from '../domain/index.js';
import { startModuleWorker } from '../threads/start-worker.js';
import { fromWorkerError, type FromReaderParent, type ReadFilesInput, type ToReaderParent } from './worker-messages.js';
import type { FileStats, IngestOptions } from './types.js';

/**
 * Batches a read may have waiting before they are consumed, by default: enough for a whole commune file (a
 * few megabytes packed), so that the thread reads it ahead while this one is busy with the file before.
 */
const READ_AHEAD = 256;

/** A file being read by a {@link ReaderThread}: its messages wait here until {@link FileRead.batches} takes them. */
export interface FileRead<T> {
  /** The file's batches as packed by the thread's encoder, then its stats; the thread's errors are thrown as readRecords throws them. */
  batches(onProgress?: (rows: number) => void): AsyncGenerator<T, FileStats>;
}

/**
 * One worker thread that reads files (readRecords, batches packed by the module at `encoder`) one after the
 * other for the whole of a batch job: a file can be started ahead ({@link ReaderThread.start}) while this
 * thread reads another itself, so that on two cores two files are read at once. One thread for the whole
 * job: under tsx a worker takes most of a second to load the ingest modules, more than reading a commune's
 * file costs.
 */
export class ReaderThread {
  private readonly worker: Worker;
  private readonly inboxes = new Map<number, ToReaderParent[]>();
  private nextId = 0;
  private failure: Error | null = null;
  private exited = false;
  private wake: (() => void) | null = null;

  /** `encoder`: the module packing the batches (null: they cross as records); `readAhead`: batches a read may have waiting. */
  constructor(
    encoder: URL | null,
    private readonly readAhead = READ_AHEAD,
  ) {
    const input: ReadFilesInput = { encoder: encoder === null ? null : encoder.href };
    // A young generation of 16 MB: 64 MB (once chosen to save scavenges) cost some 50 MB more peak memory
    // on a large ingest for no CPU time measurably saved since the batches cross threads packed.
    this.worker = startModuleWorker(import.meta.url, 'read-files-worker', { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    this.worker.on('message', (message: ToReaderParent) => {
      this.inboxes.get(message.id)?.push(message);
      this.notify();
    });
    this.worker.on('error', (error: Error) => {
      this.failure ??= error;
      this.notify();
    });
    this.worker.on('exit', () => {
      this.exited = true;
      this.notify();
    });
  }

  /**
   * Starts reading `filePath` now (after the reads started before it); its batches are taken later from the
   * result. Reads are taken one at a time, in the order they were started (a batch job's order).
   */
  start<T>(filePath: string, options: IngestOptions): FileRead<T> {
    const id = this.nextId++;
    const inbox: ToReaderParent[] = [];
    this.inboxes.set(id, inbox);
    const { onProgress: _ignored, ...portable } = options;
    this.post({ kind: 'read', id, filePath, options: portable });
    this.post({ kind: 'credit', id, credit: this.readAhead });
    return { batches: (onProgress) => this.take<T>(id, inbox, onProgress) };
  }

  private async *take<T>(id: number, inbox: ToReaderParent[], onProgress?: (rows: number) => void): AsyncGenerator<T, FileStats> {
    let finished = false;
    try {
      for (;;) {
        const message = inbox.shift();
        if (message === undefined) {
          if (this.failure !== null) throw new AppError('INTERNAL', `luồng đọc tệp bị lỗi: ${String(this.failure)}`, undefined, { cause: this.failure });
          if (this.exited) throw new AppError('INTERNAL', 'luồng đọc tệp dừng trước khi đọc xong');
          await new Promise<void>((resolve) => (this.wake = resolve));
          continue;
        }
        if (message.kind === 'error') {
          finished = true;
          throw fromWorkerError(message.error);
        }
        if (message.kind === 'done') {
          finished = true;
          return message.stats;
        }
        if (message.kind === 'progress') {
          onProgress?.(message.rows);
          continue;
        }
        this.post({ kind: 'credit', id, credit: 1 });
        yield message.records as T;
      }
    } finally {
      this.inboxes.delete(id);
      if (!finished && !this.exited) this.post({ kind: 'cancel', id });
    }
  }

  /** Ends the thread (any read still going is dropped). */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private post(message: FromReaderParent): void {
    if (!this.exited) this.worker.postMessage(message);
  }

  private notify(): void {
    this.wake?.();
    this.wake = null;
  }
}
