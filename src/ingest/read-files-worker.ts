/**
 * Worker-thread side of {@link ReaderThread}: runs readRecords on the files it is asked to, one after the
 * other, and posts each file's batches (packed by the encoder module, if any), progress and stats, or the
 * error it failed with, tagged with the request's id. A request's batches go out as far as the parent has
 * granted credit (so a slow consumer bounds the memory); a cancelled request stops.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, type PersonRecord } from '../domain/index.js';
import { readRecords } from './read-records.js';
import type { FileStats, IngestOptions } from './types.js';
import { toWorkerError, type BatchEncoderFactory, type EncodedBatch, type FromReaderParent, type ReadFilesInput, type ToReaderParent } from './worker-messages.js';

const port = parentPort;
if (!port) throw new AppError('INTERNAL', 'read-files-worker chỉ chạy trong một luồng phụ (worker thread)');
const input = workerData as ReadFilesInput;

const queue: { id: number; filePath: string; options: Omit<IngestOptions, 'onProgress'> }[] = [];
const credit = new Map<number, number>();
const cancelled = new Set<number>();
let wake: (() => void) | null = null;

port.on('message', (message: FromReaderParent) => {
  if (message.kind === 'read') queue.push(message);
  else if (message.kind === 'credit') credit.set(message.id, (credit.get(message.id) ?? 0) + message.credit);
  else cancelled.add(message.id);
  wake?.();
  wake = null;
});

const post = (message: ToReaderParent, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
const nextEvent = (): Promise<void> => new Promise<void>((resolve) => (wake = resolve));

async function loadEncoder(): Promise<BatchEncoderFactory> {
  if (input.encoder === null) return () => (records) => ({ payload: records, transfer: [] });
  const module = (await import(input.encoder)) as { createBatchEncoder?: BatchEncoderFactory };
  if (typeof module.createBatchEncoder !== 'function') throw new AppError('INTERNAL', `mô-đun mã hóa ${input.encoder} không có createBatchEncoder`);
  return module.createBatchEncoder;
}

async function readOne(id: number, filePath: string, options: Omit<IngestOptions, 'onProgress'>, encode: (records: PersonRecord[]) => EncodedBatch): Promise<void> {
  try {
    // Typed to accept return(undefined): a cancelled read is closed early.
    const generator: AsyncGenerator<PersonRecord[], FileStats | undefined> = readRecords(filePath, { ...options, onProgress: (rows) => post({ id, kind: 'progress', rows }) });
    for (;;) {
      while ((credit.get(id) ?? 0) === 0 && !cancelled.has(id)) await nextEvent();
      if (cancelled.has(id)) {
        await generator.return(undefined);
        return;
      }
      const step = await generator.next();
      if (step.done) {
        if (step.value === undefined) throw new AppError('INTERNAL', 'không nhận được thống kê của tệp sau khi đọc');
        post({ id, kind: 'done', stats: step.value });
        return;
      }
      credit.set(id, (credit.get(id) ?? 1) - 1);
      const { payload, transfer } = encode(step.value);
      post({ id, kind: 'batch', records: payload }, transfer);
    }
  } catch (error) {
    post({ id, kind: 'error', error: toWorkerError(error) });
  } finally {
    credit.delete(id);
    cancelled.delete(id);
  }
}

async function serve(): Promise<void> {
  const encoderFor = await loadEncoder();
  for (;;) {
    const request = queue.shift();
    if (request === undefined) {
      await nextEvent();
      continue;
    }
    if (cancelled.has(request.id)) {
      cancelled.delete(request.id);
      continue;
    }
    // An encoder per file: it packs each batch against the ones before, as the file's decoder unpacks them.
    await readOne(request.id, request.filePath, request.options, encoderFor());
  }
}

void serve();
