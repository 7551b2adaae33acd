import { PostgresAdapter, type CompiledQuery, type Kysely } from 'kysely';
import { AppError, type PersonRecord, type Role } from '../domain/index.js';
import { tableOfRole } from './record-columns.js';
import { ENCODED, ENCODED_WIDTH, encodeRecordInto, RawKeyTable, type EncodedRecords, type EncodedValue } from './record-encoding.js';
import type { Db } from './schema.js';
import type { WriteWorker } from './write-worker-client.js';

/** Columns every record row gets before the PersonRecord fields, in parameter order. */
const LEAD_COLUMNS = ['upload_id', 'audit_id', 'file', 'sheet', 'row_number', 'sheet_index', 'commune_code', 'commune_name', 'record_json'] as const;

/**
 * Bound parameters per statement stay below SQLite's limit (32,766) and PostgreSQL's (65,535).
 * Rows per statement are capped lower still: on SQLite, statements of 10–100 rows ran faster than
 * 500-row ones (the per-statement cost is already amortised and huge VALUES lists cost more).
 */
const PARAMS_PER_STATEMENT = { sqlite: 32_000, postgres: 60_000 } as const;
const MAX_ROWS_PER_STATEMENT = 100;

export interface RecordWriter {
  /** Queues records (as built, or flattened by encodeRecords) and writes every full statement's worth. */
  add(records: readonly PersonRecord[] | EncodedRecords): Promise<void>;
  /** Writes what is still queued; returns the number of rows written in all. */
  finish(): Promise<number>;
  /** Writes through `db` from now on (e.g. the next short transaction of a staged upload). */
  bind(db: Db): void;
  /** The raw-cell key lists the rows written refer to (stored with the upload). */
  rawKeys(): readonly (readonly string[])[];
}

/**
 * Writes one upload's records with multi-row INSERTs compiled once by Kysely and re-run with new
 * parameters (the SQLite driver wrapper reuses the prepared statement), or, given a `worker`, queues
 * them there (the caller sends its chunks). Rows keep the order they arrive in; a sheet's index is
 * the order in which its first row arrived.
 */
export function createRecordWriter(
  initialDb: Db,
  target: { uploadId: number; auditId: number; role: Role; file: string },
  onProgress?: (rows: number) => void,
  worker?: WriteWorker,
): RecordWriter {
  let db = initialDb;
  const { table, kind } = tableOfRole(target.role);
  const columns: string[] = [...LEAD_COLUMNS, ...(kind === null ? [] : ['kind'])];
  const width = columns.length;
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const rowsPerStatement = Math.min(
    MAX_ROWS_PER_STATEMENT,
    Math.floor((postgres ? PARAMS_PER_STATEMENT.postgres : PARAMS_PER_STATEMENT.sqlite) / width),
  );
  const templates = new Map<number, CompiledQuery>();
  const sheetIndexes = new Map<string, number>();
  // Refilled for every statement: executeQuery resolves only once the driver is done with the values.
  let params: unknown[] = new Array<unknown>(rowsPerStatement * width).fill(null);
  let queued = 0;
  let written = 0;

  /** The INSERT for `rows` rows, compiled once and checked to bind parameters row by row. */
  function template(rows: number): CompiledQuery {
    const cached = templates.get(rows);
    if (cached) return cached;
    const values: Record<string, number>[] = [];
    for (let r = 0; r < rows; r++) {
      const row: Record<string, number> = {};
      columns.forEach((column, c) => (row[column] = r * width + c));
      values.push(row);
    }
    const compiled = (db as unknown as Kysely<any>).insertInto(table).values(values).compile();
    if (compiled.parameters.length !== rows * width || compiled.parameters.some((p, i) => p !== i)) {
      throw new AppError('INTERNAL', 'thứ tự tham số của câu lệnh ghi dữ liệu không như dự kiến');
    }
    templates.set(rows, compiled);
    return compiled;
  }

  async function flush(): Promise<void> {
    if (queued === 0) return;
    if (worker) {
      // Handed over, not copied: the next statement gets a new array.
      worker.run(template(queued).sql, queued === rowsPerStatement ? params : params.slice(0, queued * width));
      params = new Array<unknown>(rowsPerStatement * width).fill(null);
      written += queued;
      queued = 0;
      onProgress?.(written);
      return;
    }
    const bound = queued === rowsPerStatement ? params : params.slice(0, queued * width);
    await db.executeQuery({ ...template(queued), parameters: bound });
    written += queued;
    queued = 0;
    onProgress?.(written);
  }

  function sheetIndexOf(sheet: string): number {
    let index = sheetIndexes.get(sheet);
    if (index === undefined) {
      index = sheetIndexes.size;
      sheetIndexes.set(sheet, index);
    }
    return index;
  }

  /** Queues the encoded record at `values[at…]`; true when a statement's worth is queued (flush it). */
  function queue(values: readonly EncodedValue[], at: number): boolean {
    const role = values[at + ENCODED.role];
    const file = values[at + ENCODED.file] as string;
    const sheet = values[at + ENCODED.sheet] as string;
    if (role !== target.role) {
      throw new AppError(
        'BAD_INPUT',
        `dòng thuộc vai trò "${String(role)}" không thể lưu vào lần tải lên vai trò "${target.role}"`,
        { file, sheet, row: values[at + ENCODED.row] as number },
      );
    }
    let o = queued * width;
    params[o++] = target.uploadId;
    params[o++] = target.auditId;
    params[o++] = file === target.file ? null : file;
    params[o++] = sheet;
    params[o++] = values[at + ENCODED.row];
    params[o++] = sheetIndexOf(sheet);
    params[o++] = values[at + ENCODED.communeCode];
    params[o++] = values[at + ENCODED.communeName];
    params[o++] = values[at + ENCODED.json];
    if (kind !== null) params[o++] = kind;
    queued++;
    return queued === rowsPerStatement;
  }

  const scratch = new Array<EncodedValue>(ENCODED_WIDTH);
  // Raw-cell key lists: numbered here for records as built, or as numbered by whoever encoded the batches.
  const ownKeys = new RawKeyTable();
  let encodedKeys: readonly (readonly string[])[] = [];
  let sources: 'none' | 'records' | 'encoded' = 'none';
  const source = (kind: 'records' | 'encoded'): void => {
    if (sources !== 'none' && sources !== kind) {
      throw new AppError('INTERNAL', 'một lần tải lên không được trộn bản ghi và bản ghi đã mã hóa');
    }
    sources = kind;
  };
  return {
    async add(records) {
      if (isEncoded(records)) {
        if (records.count === 0) return;
        source('encoded');
        if (records.rawKeys) encodedKeys = records.rawKeys;
        for (let i = 0; i < records.count; i++) if (queue(records.values, i * ENCODED_WIDTH)) await flush();
        return;
      }
      if (records.length === 0) return;
      source('records');
      for (const record of records) {
        encodeRecordInto(record, scratch, 0, ownKeys, worker !== undefined);
        if (queue(scratch, 0)) await flush();
      }
    },
    rawKeys() {
      return sources === 'encoded' ? encodedKeys : ownKeys.lists;
    },
    async finish() {
      await flush();
      return written;
    },
    bind(next) {
      db = next;
    },
  };
}

function isEncoded(batch: readonly PersonRecord[] | EncodedRecords): batch is EncodedRecords {
  return !Array.isArray(batch);
}
