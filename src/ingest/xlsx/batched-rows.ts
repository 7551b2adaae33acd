/**
 * Turns an async source of row batches (one batch per inflated chunk) into an AsyncIterable of single rows
 * without an async-generator step per row: a row already in the batch is handed out as a resolved promise.
 * For a million rows this saves most of the per-row overhead while keeping backpressure per chunk.
 */
import type { RawRow } from '../../domain/index.js';

export function batchedRows(batches: () => AsyncGenerator<RawRow[]>): AsyncIterable<RawRow> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<RawRow> {
      const source = batches();
      let batch: RawRow[] = [];
      let index = 0;
      const refill = async (): Promise<IteratorResult<RawRow>> => {
        for (;;) {
          const next = await source.next();
          if (next.done) return { done: true, value: undefined };
          batch = next.value;
          index = 0;
          const row = batch[index++];
          if (row) return { done: false, value: row };
        }
      };
      return {
        next(): Promise<IteratorResult<RawRow>> {
          const row = batch[index];
          if (row) {
            index++;
            return Promise.resolve({ done: false, value: row });
          }
          return refill();
        },
        async return(): Promise<IteratorResult<RawRow>> {
          batch = [];
          await source.return(undefined);
          return { done: true, value: undefined };
        },
      };
    },
  };
}
