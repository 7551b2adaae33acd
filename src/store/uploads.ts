import type { Selectable } from 'kysely';
import { AppError, parseRole, type PersonRecord, type Role } from '../domain/index.js';
import { getAudit } from './audits.js';
import { inTransaction, isUniqueViolation, nowIso } from './in-transaction.js';
import { tableOfRole } from './record-columns.js';
import type { EncodedRecords } from './record-encoding.js';
import { createRecordWriter, type RecordWriter } from './record-writer.js';
import type { UploadRow, UploadSheetCounts } from './rows.js';
import type { Db, UploadsTable } from './schema.js';
import { sqliteFileOf } from './sqlite-connection.js';
import { WriteWorker } from './write-worker-client.js';

export interface StoreUploadOptions {
  /**
   * On an embedded database file, outside a caller's transaction: write the rows from a worker thread
   * with its own connection while this thread produces the next ones (see WriteWorker). Elsewhere
   * (PostgreSQL, in memory, in a transaction) ignored.
   */
  writeInWorker?: boolean;
  /**
   * A write worker on this database's file that the caller owns and shares between the uploads of one
   * batch (see {@link startUploadWriter}): used as `writeInWorker` would use its own, but drained, not
   * ended, after the upload, so a batch of many files pays the thread start once. Only outside a
   * caller's transaction.
   */
  sharedWorker?: WriteWorker;
}

/**
 * A write worker for a batch of uploads into the embedded database file of `db`, to pass to each
 * {@link storeUpload} as `sharedWorker` and close after the last one; undefined when `db` is not an
 * embedded database file.
 */
export function startUploadWriter(db: Db): WriteWorker | undefined {
  const file = db.isTransaction ? undefined : sqliteFileOf(db);
  return file === undefined ? undefined : new WriteWorker(file);
}

/**
 * What is stored about an upload besides its rows. `mapping` and `sheets` are read only after the
 * last record, so a caller may fill them (e.g. with getters) while the rows stream through.
 */
export interface UploadInput {
  auditId: number;
  file: string;
  sha256: string;
  role: Role;
  uploadedBy?: string | null;
  mapping: unknown;
  sheets: UploadSheetCounts[];
}

function toUpload(row: Selectable<UploadsTable>): UploadRow {
  return {
    id: Number(row.id),
    auditId: Number(row.audit_id),
    file: row.file,
    sha256: row.sha256,
    role: row.role as Role,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
    mapping: JSON.parse(row.mapping_json) as unknown,
    sheets: JSON.parse(row.sheets_json) as UploadSheetCounts[],
    rowsRead: Number(row.rows_read),
    rowsSkipped: Number(row.rows_skipped),
    rowsRejected: Number(row.rows_rejected),
  };
}

function duplicateError(file: string, earlier: UploadRow, cause?: unknown): AppError {
  return new AppError(
    'DUPLICATE_UPLOAD',
    `nội dung tệp trùng với tệp "${earlier.file}" đã tải lên cuộc kiểm tra này lúc ${earlier.uploadedAt} (lần tải số ${earlier.id}); không nạp lại để tránh trùng dữ liệu`,
    { file },
    cause === undefined ? undefined : { cause },
  );
}

/**
 * The upload of this audit with this content hash, if any: a ready one, or with `includeLoading`
 * also one still being written (an abandoned one, older than {@link ABANDONED_UPLOAD_MS}, is ignored).
 */
export async function findUploadBySha(
  db: Db,
  auditId: number,
  sha256: string,
  options: { includeLoading?: boolean } = {},
): Promise<UploadRow | undefined> {
  const abandoned = new Date(Date.now() - ABANDONED_UPLOAD_MS).toISOString();
  const row = await db
    .selectFrom('uploads')
    .selectAll()
    .where('audit_id', '=', auditId)
    .where('sha256', '=', sha256)
    .where((eb) =>
      options.includeLoading ? eb.or([eb('state', '=', 'ready'), eb('uploaded_at', '>=', abandoned)]) : eb('state', '=', 'ready'),
    )
    .executeTakeFirst();
  return row ? toUpload(row) : undefined;
}

/** A ready upload by id. */
export async function getUpload(db: Db, uploadId: number): Promise<UploadRow | undefined> {
  const row = await db.selectFrom('uploads').selectAll().where('id', '=', uploadId).where('state', '=', 'ready').executeTakeFirst();
  return row ? toUpload(row) : undefined;
}

/** The ready uploads of an audit, oldest first (uploads still being written are not listed). */
export async function listUploads(db: Db, auditId: number): Promise<UploadRow[]> {
  const rows = await db.selectFrom('uploads').selectAll().where('audit_id', '=', auditId).where('state', '=', 'ready').orderBy('id').execute();
  return rows.map(toUpload);
}

/** Records written per short transaction of a staged upload (about 50–150 ms of work each). */
const ROWS_PER_COMMIT = 5000;

/** A 'loading' upload older than this was left by a process that died; it no longer blocks its file. */
export const ABANDONED_UPLOAD_MS = 60 * 60 * 1000;

/**
 * Stores one upload and all its records, all or nothing. Outside a transaction (the service, the
 * CLI) the rows are written in short transactions under an upload marked 'loading', which every
 * query ignores; one last commit marks it 'ready', so the upload appears at once and other requests
 * are never stalled behind one long write (SQLite has a single writer). If the records iterable
 * throws half-way, the upload and its rows are deleted and the error re-thrown; after a crash they
 * stay invisible and are removed by {@link removeAbandonedUploads}. Inside a caller's transaction
 * everything is written in that transaction. The same content (sha256) twice in one audit is refused
 * with DUPLICATE_UPLOAD. Batches are records as built or flattened by encodeRecords.
 */
export async function storeUpload(
  db: Db,
  input: UploadInput,
  records: AsyncIterable<readonly PersonRecord[] | EncodedRecords>,
  onProgress?: (rows: number) => void,
  options: StoreUploadOptions = {},
): Promise<UploadRow> {
  if (parseRole(input.role) === null) {
    throw new AppError('BAD_INPUT', `vai trò "${input.role}" không hợp lệ`, { file: input.file });
  }
  const staged = !db.isTransaction;
  // Frees the content hash of an upload a dead process left half-written.
  if (staged) await removeAbandonedUploads(db);
  try {
    const uploadId = await inTransaction(db, async (trx) => {
      if (!(await getAudit(trx, input.auditId))) {
        throw new AppError('NOT_FOUND', `không tìm thấy cuộc kiểm tra số ${input.auditId}`, { file: input.file });
      }
      const earlier = await findUploadBySha(trx, input.auditId, input.sha256, { includeLoading: true });
      if (earlier) throw duplicateError(input.file, earlier);
      const inserted = await trx
        .insertInto('uploads')
        .values({
          audit_id: input.auditId,
          file: input.file,
          sha256: input.sha256,
          role: input.role,
          uploaded_by: input.uploadedBy ?? null,
          uploaded_at: nowIso(),
          mapping_json: '{}',
          sheets_json: '[]',
          rows_read: 0,
          rows_skipped: 0,
          rows_rejected: 0,
          state: staged ? 'loading' : 'ready',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(inserted.id);
    });
    try {
      const target = { uploadId, auditId: input.auditId, role: input.role, file: input.file };
      const shared = staged ? options.sharedWorker : undefined;
      const file = shared === undefined && options.writeInWorker && staged ? sqliteFileOf(db) : undefined;
      const worker = shared ?? (file === undefined ? undefined : new WriteWorker(file));
      const writer = createRecordWriter(db, target, onProgress, worker);
      if (worker) await writeThroughWorker(worker, writer, records, worker !== shared);
      else if (staged) await writeInChunks(db, writer, records);
      else {
        for await (const batch of records) await writer.add(batch);
        await writer.finish();
      }
      const sheets = input.sheets;
      const total = (key: 'rowsRead' | 'rowsSkipped' | 'rowsRejected'): number => sheets.reduce((sum, s) => sum + (s[key] ?? 0), 0);
      const stored = await db
        .updateTable('uploads')
        .set({
          mapping_json: JSON.stringify(input.mapping ?? null),
          sheets_json: JSON.stringify(sheets),
          raw_keys_json: writer.rawKeys().length > 0 ? JSON.stringify(writer.rawKeys()) : null,
          rows_read: total('rowsRead'),
          rows_skipped: total('rowsSkipped'),
          rows_rejected: total('rowsRejected'),
          state: 'ready',
        })
        .where('id', '=', uploadId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUpload(stored);
    } catch (error) {
      if (staged) await removeUploadRows(db, uploadId, input.role);
      throw error;
    }
  } catch (error) {
    if (isUniqueViolation(error) && staged) {
      // Another upload of the same content committed between our check and our insert.
      const earlier = await findUploadBySha(db, input.auditId, input.sha256, { includeLoading: true });
      if (earlier) throw duplicateError(input.file, earlier, error);
    }
    throw error;
  }
}

/** Feeds the writer in transactions of about {@link ROWS_PER_COMMIT} rows each. */
async function writeInChunks(db: Db, writer: RecordWriter, records: AsyncIterable<readonly PersonRecord[] | EncodedRecords>): Promise<void> {
  let pending: (readonly PersonRecord[] | EncodedRecords)[] = [];
  let pendingRows = 0;
  const commit = async (): Promise<void> => {
    const batches = pending;
    pending = [];
    pendingRows = 0;
    await inTransaction(db, async (trx) => {
      writer.bind(trx);
      for (const batch of batches) await writer.add(batch);
      await writer.finish();
    });
    writer.bind(db);
  };
  for await (const batch of records) {
    pending.push(batch);
    pendingRows += Array.isArray(batch) ? batch.length : (batch as EncodedRecords).count;
    if (pendingRows >= ROWS_PER_COMMIT) await commit();
  }
  await commit();
}

/**
 * Feeds the writer, whose statements go to the write worker, in chunks of about {@link ROWS_PER_COMMIT}
 * rows, each committed by the worker as one transaction while the next is read. On any failure (the
 * records, or the worker's writes) a worker of this upload (`owned`) is stopped, a shared one drained,
 * before the error goes on to the clean-up, which then deletes whatever of the upload was committed.
 */
async function writeThroughWorker(
  worker: WriteWorker,
  writer: RecordWriter,
  records: AsyncIterable<readonly PersonRecord[] | EncodedRecords>,
  owned: boolean,
): Promise<void> {
  try {
    let rows = 0;
    for await (const batch of records) {
      await writer.add(batch);
      rows += Array.isArray(batch) ? batch.length : (batch as EncodedRecords).count;
      if (rows >= ROWS_PER_COMMIT) {
        await writer.finish();
        await worker.send();
        rows = 0;
      }
    }
    await writer.finish();
    await (owned ? worker.close() : worker.drain());
  } catch (error) {
    if (owned) await worker.abort();
    else await worker.drain().catch(() => undefined); // its own failure, if any, is the error already thrown
    throw error;
  }
}

/** Deletes an upload row and its records (whatever its state), in one transaction. */
async function removeUploadRows(db: Db, uploadId: number, role: Role): Promise<void> {
  const { table } = tableOfRole(role);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom(table).where('upload_id', '=', uploadId).execute();
    await trx.deleteFrom('uploads').where('id', '=', uploadId).execute();
  });
}

/**
 * Removes uploads a dead process left 'loading' (older than {@link ABANDONED_UPLOAD_MS}) with their
 * rows; returns how many. Run at service start; such rows were never visible.
 */
export async function removeAbandonedUploads(db: Db, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - ABANDONED_UPLOAD_MS).toISOString();
  const stale = await db.selectFrom('uploads').select(['id', 'role']).where('state', '=', 'loading').where('uploaded_at', '<', before).execute();
  for (const u of stale) await removeUploadRows(db, Number(u.id), u.role as Role);
  return stale.length;
}

/** Deletes an upload and every record it brought (NOT_FOUND when there is no such upload). */
export async function deleteUpload(db: Db, uploadId: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const upload = await getUpload(trx, uploadId);
    if (!upload) throw new AppError('NOT_FOUND', `không tìm thấy lần tải lên số ${uploadId}`);
    const { table } = tableOfRole(upload.role);
    await trx.deleteFrom(table).where('audit_id', '=', upload.auditId).where('upload_id', '=', uploadId).execute();
    await trx.deleteFrom('uploads').where('id', '=', uploadId).execute();
  });
}
