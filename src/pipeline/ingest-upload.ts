import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError, type PersonRecord, type Role } from '../domain/index.js';
import { noDataRowsError, readBatchesInWorker, readRecords, ReaderThread, type ExplicitMapping, type FileRead, type FileStats, type IngestOptions } from '../ingest/index.js';
import type { GroupVocabulary } from '../normalize/index.js';
import { findUploadBySha, storeUpload, type Db, type EncodedRecords, type KeptRecords, type UploadInput, type UploadRow, type WriteWorker } from '../store/index.js';
import { sha256File } from './file-hash.js';
import { createBatchDecoder, type PackedRecords } from './record-transfer.js';

/** Files from this size on are read in a worker by default: below it the thread start costs more than it saves. */
const WORKER_MIN_BYTES = 4 * 2 ** 20;
/** Cores needed before the worker is the default (see IngestUploadInput.readInWorker). */
const WORKER_MIN_CORES = 4;

/** The module the reading worker packs its batches with (beside this one, .ts under tsx). */
const RECORD_TRANSFER = new URL(`./record-transfer${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export interface IngestUploadInput {
  readonly auditId: number;
  readonly path: string;
  readonly role: Role;
  readonly mapping?: ExplicitMapping;
  readonly groups?: GroupVocabulary[];
  readonly uploadedBy?: string | null;
  readonly defaultCommune?: string;
  readonly onProgress?: (rowsRead: number) => void;
  /**
   * Read and normalise the file in a worker thread while this thread stores the rows; the batches
   * cross threads packed (see record-transfer.ts). Default: for files of 4 MB and more on a machine
   * with four cores or more. On two cores it did not pay: the thread start, the packing and a second
   * heap add some 40 % CPU time, while reading in this thread already keeps the other core busy with
   * inflation and garbage collection (1,000,000 rows: 38.5 s in this thread, 39.6 s with the worker).
   */
  readonly readInWorker?: boolean;
  /**
   * On an embedded database file, write the rows from a worker thread with its own connection while
   * this thread reads the next ones (see storeUpload); 'auto': for files of 4 MB and more on a machine
   * with two cores or more. Default: no. For batch jobs that own the database (the CLI) only: the
   * worker commits back to back and so holds SQLite's single write lock almost all the time, and in the
   * service every other request that writes (a session or token touch, a review) then timed out
   * ("database is locked") until the upload ended.
   */
  readonly writeInWorker?: boolean | 'auto';
  /**
   * A write worker the caller started on this database file for a whole batch of files (see
   * startUploadWriter): the rows go through it whatever `writeInWorker` says, and it is left running.
   */
  readonly sharedWriter?: WriteWorker;
  /** The file as already being read by a reader thread (see {@link prefetchFile}); else it is read here. */
  readonly source?: FileRead<PackedRecords>;
  /** Where to keep the upload's records as the checks read them back, once it is stored (see KeptRecords). */
  readonly keep?: KeptRecords;
}

/** A reader thread whose reads ingestUpload takes as `source`: batches packed as ingestUpload unpacks them. */
export function startReaderThread(): ReaderThread {
  return new ReaderThread(RECORD_TRANSFER);
}

/** Starts reading `input.path` on `reader` now, to pass as `source` to ingestUpload with the same input later. */
export function prefetchFile(reader: ReaderThread, input: IngestUploadInput): FileRead<PackedRecords> {
  return reader.start<PackedRecords>(input.path, ingestOptionsOf(input));
}

function ingestOptionsOf(input: IngestUploadInput): IngestOptions {
  return {
    role: input.role,
    ...(input.mapping ? { mapping: input.mapping } : {}),
    ...(input.groups ? { groups: input.groups } : {}),
    ...(input.defaultCommune ? { defaultCommune: input.defaultCommune } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  };
}

export interface IngestUploadResult {
  readonly upload: UploadRow;
  readonly stats: FileStats;
  readonly sha256: string;
}

/**
 * Ingests one file into an audit as one upload: all its rows or none. The same file (same sha256)
 * uploaded twice into one audit is refused with DUPLICATE_UPLOAD instead of being doubled, and a file
 * with no data row under any header (see noDataRowsError) with NO_DATA_ROWS instead of being stored empty.
 */
export async function ingestUpload(db: Db, input: IngestUploadInput): Promise<IngestUploadResult> {
  const file = path.basename(input.path);
  const sha256 = await sha256File(input.path);
  const earlier = await findUploadBySha(db, input.auditId, sha256);
  if (earlier) {
    throw new AppError(
      'DUPLICATE_UPLOAD',
      `tệp này đã được tải lên cuộc kiểm tra này (lần tải số ${earlier.id}, tệp "${earlier.file}"); không nạp lại để tránh trùng dữ liệu`,
      { file },
    );
  }
  const options = ingestOptionsOf(input);
  const source = input.source;
  const inWorker = source === undefined && (input.readInWorker ?? (await worthAWorker(input.path)));
  let stats: FileStats | undefined;
  const keeper = input.keep?.forUpload(input.role, file);
  async function* batches(): AsyncGenerator<readonly PersonRecord[] | EncodedRecords> {
    const decode = createBatchDecoder();
    // Typed to accept return(undefined): closing it early (the store failed) stops the reading worker.
    const generator: AsyncGenerator<PersonRecord[] | PackedRecords, FileStats | undefined> = source
      ? source.batches(input.onProgress)
      : inWorker
        ? readBatchesInWorker<PackedRecords>(input.path, options, RECORD_TRANSFER)
        : readRecords(input.path, options);
    try {
      for (;;) {
        const step = await generator.next();
        if (step.done) {
          stats = step.value;
          // Thrown inside the store's iteration, so the upload is removed like any other failed one.
          const empty = stats ? noDataRowsError(file, stats.sheets) : null;
          if (empty) throw empty;
          return;
        }
        const batch = Array.isArray(step.value) ? step.value : decode(step.value);
        keeper?.add(batch);
        yield batch;
      }
    } finally {
      if (stats === undefined) await generator.return(undefined);
    }
  }
  // The counts are only known once every row is read; the store reads them at the end of the transaction.
  const uploadInput: UploadInput = {
    auditId: input.auditId,
    file,
    sha256,
    role: input.role,
    uploadedBy: input.uploadedBy ?? null,
    get mapping() {
      return stats?.mapping ?? {};
    },
    get sheets() {
      return (stats?.sheets ?? []).map((s) => ({
        sheet: s.sheet,
        headerRow: s.headerRow,
        rowsRead: s.rowsRead,
        rowsSkipped: s.rowsSkipped,
        rowsRejected: s.rowsRejected,
        skipped: s.skipped,
      }));
    },
  };
  const upload = await storeUpload(
    db,
    uploadInput,
    batches(),
    undefined,
    input.sharedWriter
      ? { sharedWorker: input.sharedWriter }
      : { writeInWorker: input.writeInWorker === 'auto' ? await worthAWriter(input.path) : (input.writeInWorker ?? false) },
  );
  if (!stats) throw new AppError('INTERNAL', 'không nhận được thống kê của tệp sau khi đọc', { file });
  keeper?.stored();
  return { upload, stats, sha256 };
}

/**
 * Whether writing from a worker should pay off: a large file and a second core. Measured on two cores,
 * 1,000,000 rows: the store's share (about a third) leaves this thread, 18.7 s → about 16 s end to end on
 * its own (13–15 s with the changes that followed).
 */
async function worthAWriter(file: string): Promise<boolean> {
  if (os.availableParallelism() < 2) return false;
  const size = await stat(file).then((s) => s.size, () => 0);
  return size >= WORKER_MIN_BYTES;
}

/** Whether reading in a worker should pay off: a large file and cores to spare for the extra work. */
async function worthAWorker(file: string): Promise<boolean> {
  if (os.availableParallelism() < WORKER_MIN_CORES) return false;
  const size = await stat(file).then((s) => s.size, () => 0);
  return size >= WORKER_MIN_BYTES;
}
