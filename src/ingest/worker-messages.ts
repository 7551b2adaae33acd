import { AppError, formatLocation, type ErrorCode, type Location, type PersonRecord } from '../domain/index.js';
import type { FileStats, IngestOptions } from './types.js';

/** A batch turned into what is posted to the parent, with the buffers to transfer rather than copy. */
export interface EncodedBatch {
  payload: unknown;
  transfer: ArrayBuffer[];
}

/**
 * Made per file by the encoder module: turns each batch of records into a payload that is cheaper to pass
 * between threads than the records (copying a million records costs seconds).
 */
export type BatchEncoderFactory = () => (records: PersonRecord[]) => EncodedBatch;

/** An error as it crosses threads; `message` is AppError's full message (location included); code null for a non-AppError. */
export interface WorkerError {
  code: ErrorCode | null;
  message: string;
  location: Location | null;
}

/** What the reader thread is started with: the URL of the module that packs its batches (see BatchEncoderFactory); null: batches go as records. */
export interface ReadFilesInput {
  encoder: string | null;
}

/** Parent → reader thread: read a file (request `id`; IngestOptions without the progress callback), allow `credit` more batches of a request, or drop it. */
export type FromReaderParent =
  | { kind: 'read'; id: number; filePath: string; options: Omit<IngestOptions, 'onProgress'> }
  | { kind: 'credit'; id: number; credit: number }
  | { kind: 'cancel'; id: number };

/** Reader thread → parent, for request `id`. */
export type ToReaderParent =
  | { id: number; kind: 'batch'; records: unknown }
  | { id: number; kind: 'progress'; rows: number }
  | { id: number; kind: 'done'; stats: FileStats }
  | { id: number; kind: 'error'; error: WorkerError };

/** An error thrown while reading, as it crosses to the parent. */
export function toWorkerError(error: unknown): WorkerError {
  return error instanceof AppError
    ? { code: error.code, message: error.message, location: error.location ?? null }
    : { code: null, message: error instanceof Error ? error.message : String(error), location: null };
}

/** The worker's error as thrown by readRecords: an AppError with its code and location, else INTERNAL. */
export function fromWorkerError(error: WorkerError): AppError {
  if (error.code === null) return new AppError('INTERNAL', `lỗi khi đọc tệp: ${error.message}`);
  if (error.location === null) return new AppError(error.code, error.message);
  const prefix = `${formatLocation(error.location)}: `;
  const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return new AppError(error.code, message, error.location);
}
