import type { ErrorCode, Location, PersonRecord } from '../domain/index.js';
import type { FileStats, IngestOptions } from './types.js';

/** What the reading worker is started with: IngestOptions without the progress callback (functions cannot cross threads). */
export interface WorkerInput {
  filePath: string;
  options: Omit<IngestOptions, 'onProgress'>;
  /** URL of a module exporting a {@link BatchEncoderFactory} as `createBatchEncoder`; null: batches go as records. */
  encoder: string | null;
}

/** A batch turned into what is posted to the parent, with the buffers to transfer rather than copy. */
export interface EncodedBatch {
  payload: unknown;
  transfer: ArrayBuffer[];
}

/**
 * Made once per worker by the encoder module: turns each batch of records into a payload that is
 * cheaper to pass between threads than the records (copying a million records costs seconds).
 */
export type BatchEncoderFactory = () => (records: PersonRecord[]) => EncodedBatch;

/** Parent → worker: permission to post `credit` more batches. */
export interface FromParent {
  credit: number;
}

/** An error as it crosses threads; `message` is AppError's full message (location included); code null for a non-AppError. */
export interface WorkerError {
  code: ErrorCode | null;
  message: string;
  location: Location | null;
}

/** Worker → parent. */
export type ToParent =
  | { kind: 'batch'; records: unknown }
  | { kind: 'progress'; rows: number }
  | { kind: 'done'; stats: FileStats }
  | { kind: 'error'; error: WorkerError };
