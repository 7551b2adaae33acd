import type { PersonRecord } from '../domain/index.js';
import { ReaderThread } from './reader-thread.js';
import type { FileStats, IngestOptions } from './types.js';

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
 * A reader thread started for this one file (see ReaderThread).
 */
export async function* readBatchesInWorker<T>(filePath: string, options: IngestOptions, encoder: URL | null): AsyncGenerator<T, FileStats> {
  const reader = new ReaderThread(encoder, READ_AHEAD);
  try {
    return yield* reader.start<T>(filePath, options).batches(options.onProgress);
  } finally {
    await reader.close();
  }
}
