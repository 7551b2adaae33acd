import type { Worker } from 'node:worker_threads';
import { AppError, formatLocation, type PersonRecord } from '../domain/index.js';
import { startModuleWorker } from '../threads/start-worker.js';
import type { FileStats, IngestOptions } from './types.js';
import type { FromParent, ToParent, WorkerError, WorkerInput } from './worker-messages.js';

/**
 * Batches the worker may read ahead of the consumer: enough to keep both threads busy, few enough
 * that a slow consumer holds at most a few thousand records in memory.
 */
const READ_AHEAD = 4;

/**
 * readRecords run in a worker thread: the same batches, stats and errors (AppErrors keep their code
 * and location), while the calling thread is free to store the previous batches — on a large file,
 * reading and storing then proceed in parallel on two cores. Costs a thread start (a fraction of a
 * second): worth it only for large files.
 */
export function readRecordsInWorker(filePath: string, options: IngestOptions): AsyncGenerator<PersonRecord[], FileStats> {
  return readBatchesInWorker<PersonRecord[]>(filePath, options, null);
}

/**
 * Like {@link readRecordsInWorker}, but each batch is first turned by the worker into what the module at
 * `encoder` makes of it (its export `createBatchEncoder`, see BatchEncoderFactory): records that
 * need not cross as objects cross as a compact payload, and the batches yielded are those payloads.
 */
export async function* readBatchesInWorker<T>(filePath: string, options: IngestOptions, encoder: URL | null): AsyncGenerator<T, FileStats> {
  const { onProgress, ...portable } = options;
  const input: WorkerInput = { filePath, options: portable, encoder: encoder === null ? null : encoder.href };
  const worker = startWorker(input);
  const inbox: ToParent[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: ToParent) => {
    inbox.push(message);
    notify();
  });
  worker.on('error', (error: Error) => {
    failure = error;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  const grant = (credit: number): void => worker.postMessage({ credit } satisfies FromParent);
  grant(READ_AHEAD);
  try {
    for (;;) {
      const message = inbox.shift();
      if (message === undefined) {
        if (failure !== null) throw new AppError('INTERNAL', `luồng đọc tệp bị lỗi: ${String(failure)}`, undefined, { cause: failure });
        if (exited) throw new AppError('INTERNAL', 'luồng đọc tệp dừng trước khi đọc xong');
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.kind === 'error') throw fromWorkerError(message.error);
      if (message.kind === 'done') return message.stats;
      if (message.kind === 'progress') {
        onProgress?.(message.rows);
        continue;
      }
      grant(1);
      yield message.records as T;
    }
  } finally {
    await worker.terminate();
  }
}

/** Starts read-records-worker beside this module. */
function startWorker(input: WorkerInput): Worker {
  // A young generation of 16 MB: 64 MB (once chosen to save scavenges) cost some 50 MB more peak memory
  // on a large ingest for no CPU time measurably saved since the batches cross threads packed.
  return startModuleWorker(import.meta.url, 'read-records-worker', { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
}

/** The worker's error as thrown by readRecords: an AppError with its code and location, else INTERNAL. */
export function fromWorkerError(error: WorkerError): AppError {
  if (error.code === null) return new AppError('INTERNAL', `lỗi khi đọc tệp: ${error.message}`);
  if (error.location === null) return new AppError(error.code, error.message);
  const prefix = `${formatLocation(error.location)}: `;
  const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return new AppError(error.code, message, error.location);
}
