/**
 * Worker-thread side of {@link readRecordsInWorker}: runs readRecords on the file named in
 * workerData and posts its batches to the parent, never more than the parent has granted credit
 * for (so a slow consumer bounds the memory), then the file's stats, or the error it failed with.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, type PersonRecord } from '../domain/index.js';
import { readRecords } from './read-records.js';
import type { IngestOptions } from './types.js';
import type { BatchEncoderFactory, EncodedBatch, FromParent, ToParent, WorkerInput } from './worker-messages.js';

const port = parentPort;
if (!port) throw new AppError('INTERNAL', 'read-records-worker chỉ chạy trong một luồng phụ (worker thread)');
const input = workerData as WorkerInput;

let credit = 0;
let granted: (() => void) | null = null;
port.on('message', (message: FromParent) => {
  credit += message.credit;
  granted?.();
});

function post(message: ToParent, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

async function loadEncoder(url: string | null): Promise<(records: PersonRecord[]) => EncodedBatch> {
  if (url === null) return (records) => ({ payload: records, transfer: [] });
  const module = (await import(url)) as { createBatchEncoder?: BatchEncoderFactory };
  if (typeof module.createBatchEncoder !== 'function') throw new AppError('INTERNAL', `mô-đun mã hóa ${url} không có createBatchEncoder`);
  return module.createBatchEncoder();
}

async function run(): Promise<void> {
  // Progress is reported where readRecords reports it, for the parent to pass on in the same order.
  const options: IngestOptions = { ...input.options, onProgress: (rows) => post({ kind: 'progress', rows }) };
  const encode = await loadEncoder(input.encoder);
  const generator = readRecords(input.filePath, options);
  for (;;) {
    while (credit === 0) await new Promise<void>((resolve) => (granted = resolve));
    granted = null;
    const step = await generator.next();
    if (step.done) {
      post({ kind: 'done', stats: step.value });
      return;
    }
    credit--;
    const { payload, transfer } = encode(step.value);
    post({ kind: 'batch', records: payload }, transfer);
  }
}

run()
  .catch((error: unknown) => {
    post({
      kind: 'error',
      error:
        error instanceof AppError
          ? { code: error.code, message: error.message, location: error.location ?? null }
          : { code: null, message: error instanceof Error ? error.message : String(error), location: null },
    });
  })
  .finally(() => port.unref());
