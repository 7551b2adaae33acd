import type { FileStats, IngestOptions } from './types.js';
import type { WorkerError } from './worker-messages.js';

/** What the reader thread is started with: the URL of the module that packs its batches (see BatchEncoderFactory). */
export interface ReadFilesInput {
  encoder: string;
}

/** Parent → reader thread: read a file (request `id`), allow `credit` more batches of a request, or drop it. */
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
