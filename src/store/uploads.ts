import type { Selectable } from 'kysely';
import { AppError, parseRole, type PersonRecord, type Role } from '../domain/index.js';
import { getAudit } from './audits.js';
import { inTransaction, isUniqueViolation, nowIso } from './in-transaction.js';
import { tableOfRole } from './record-columns.js';
import type { EncodedRecords } from './record-encoding.js';
import { createRecordWriter } from './record-writer.js';
import type { UploadRow, UploadSheetCounts } from './rows.js';
import type { Db, UploadsTable } from './schema.js';

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

/** The upload of this audit with this content hash, if any. */
export async function findUploadBySha(db: Db, auditId: number, sha256: string): Promise<UploadRow | undefined> {
  const row = await db
    .selectFrom('uploads')
    .selectAll()
    .where('audit_id', '=', auditId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row ? toUpload(row) : undefined;
}

export async function getUpload(db: Db, uploadId: number): Promise<UploadRow | undefined> {
  const row = await db.selectFrom('uploads').selectAll().where('id', '=', uploadId).executeTakeFirst();
  return row ? toUpload(row) : undefined;
}

/** The uploads of an audit, oldest first. */
export async function listUploads(db: Db, auditId: number): Promise<UploadRow[]> {
  const rows = await db.selectFrom('uploads').selectAll().where('audit_id', '=', auditId).orderBy('id').execute();
  return rows.map(toUpload);
}

/**
 * Stores one upload and all its records in ONE transaction: if the records iterable throws
 * half-way, nothing of the upload remains and the error is re-thrown. The same content (sha256)
 * twice in one audit is refused with DUPLICATE_UPLOAD. Batches are records as built or flattened
 * by encodeRecords (which another thread can do).
 */
export async function storeUpload(
  db: Db,
  input: UploadInput,
  records: AsyncIterable<readonly PersonRecord[] | EncodedRecords>,
  onProgress?: (rows: number) => void,
): Promise<UploadRow> {
  if (parseRole(input.role) === null) {
    throw new AppError('BAD_INPUT', `vai trò "${input.role}" không hợp lệ`, { file: input.file });
  }
  try {
    return await inTransaction(db, async (trx) => {
      if (!(await getAudit(trx, input.auditId))) {
        throw new AppError('NOT_FOUND', `không tìm thấy cuộc kiểm tra số ${input.auditId}`, { file: input.file });
      }
      const earlier = await findUploadBySha(trx, input.auditId, input.sha256);
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
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const uploadId = Number(inserted.id);

      const writer = createRecordWriter(trx, { uploadId, auditId: input.auditId, role: input.role, file: input.file }, onProgress);
      for await (const batch of records) await writer.add(batch);
      await writer.finish();

      const sheets = input.sheets;
      const total = (key: 'rowsRead' | 'rowsSkipped' | 'rowsRejected'): number => sheets.reduce((sum, s) => sum + (s[key] ?? 0), 0);
      const stored = await trx
        .updateTable('uploads')
        .set({
          mapping_json: JSON.stringify(input.mapping ?? null),
          sheets_json: JSON.stringify(sheets),
          rows_read: total('rowsRead'),
          rows_skipped: total('rowsSkipped'),
          rows_rejected: total('rowsRejected'),
        })
        .where('id', '=', uploadId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUpload(stored);
    });
  } catch (error) {
    if (isUniqueViolation(error) && !db.isTransaction) {
      // Another upload of the same content committed between our check and our insert.
      const earlier = await findUploadBySha(db, input.auditId, input.sha256);
      if (earlier) throw duplicateError(input.file, earlier, error);
    }
    throw error;
  }
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
