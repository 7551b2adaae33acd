import type { ErrorCode, Location, PersonRecord } from '../domain/index.js';
import type { FileStats, IngestOptions } from './types.js';

/** What the reading worker is started with: IngestOptions without the progress callback (functions cannot cross threads). */
export interface WorkerInput {
  filePath: string;
  options: Omit<IngestOptions, 'onProgress'>;
}

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
  | { kind: 'batch'; records: PersonRecord[] }
  | { kind: 'progress'; rows: number }
  | { kind: 'done'; stats: FileStats }
  | { kind: 'error'; error: WorkerError };
