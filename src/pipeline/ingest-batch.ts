import os from 'node:os';
import type { FileRead, ReaderThread } from '../ingest/index.js';
import { startUploadWriter, type Db, type WriteWorker } from '../store/index.js';
import { ingestUpload, prefetchFile, startReaderThread, type IngestUploadInput, type IngestUploadResult } from './ingest-upload.js';
import type { PackedRecords } from './record-transfer.js';

/**
 * Files the reader thread may have started ahead of the one this thread takes next. With one, the reader
 * stood idle whenever this thread was still on the file before (a third of a million-row district's ingest):
 * with two it is already on its next file by then.
 */
const READ_AHEAD_FILES = 2;

/** An upload of a batch: ingestUpload's input without the threads, which the batch decides. */
export type BatchUpload = Omit<IngestUploadInput, 'sharedWriter' | 'source' | 'writeInWorker' | 'readInWorker'>;

/**
 * Ingests files one after the other, each as its own upload (all its rows or none), for a batch job that
 * owns the database (the CLI's audit and ingest). With several files, on two cores or more and an embedded
 * database file, one worker thread writes the rows of every file while this thread reads the next (a district
 * is some eighty files of a few megabytes, too small each to pay for a thread of its own), and, with the
 * writer leaving its core half idle, a reader thread reads every other file ahead while this thread reads the
 * one before.
 * A single file is written from a thread of its own when large (ingestUpload's 'auto').
 * Stops at the first file that fails (the files before it stay stored). `onUpload` is called after each file.
 */
export async function ingestBatch(
  db: Db,
  uploads: readonly BatchUpload[],
  onUpload?: (index: number, result: IngestUploadResult) => void,
): Promise<IngestUploadResult[]> {
  let writer: WriteWorker | undefined = os.availableParallelism() >= 2 && uploads.length > 1 ? startUploadWriter(db) : undefined;
  let reader: ReaderThread | undefined;
  try {
    const inputOf = (upload: BatchUpload): IngestUploadInput => ({ ...upload, ...(writer ? { sharedWriter: writer } : { writeInWorker: 'auto' as const }) });
    reader = writer ? startReaderThread() : undefined;
    const ahead = new Map<number, FileRead<PackedRecords>>();
    const readAhead = (k: number): void => {
      const upload = uploads[k];
      if (reader && upload && k % 2 === 1) ahead.set(k, prefetchFile(reader, inputOf(upload)));
    };
    for (let j = 0; j < READ_AHEAD_FILES; j++) readAhead(1 + 2 * j);
    const results: IngestUploadResult[] = [];
    for (const [k, upload] of uploads.entries()) {
      const source = ahead.get(k);
      ahead.delete(k);
      // The reader's next file starts as this one is taken: at most READ_AHEAD_FILES files wait read ahead.
      if (source) readAhead(k + 2 * READ_AHEAD_FILES);
      const result = await ingestUpload(db, { ...inputOf(upload), ...(source ? { source } : {}) });
      results.push(result);
      onUpload?.(k, result);
    }
    await reader?.close();
    reader = undefined;
    await writer?.close();
    writer = undefined;
    return results;
  } finally {
    await reader?.close();
    await writer?.abort();
  }
}
