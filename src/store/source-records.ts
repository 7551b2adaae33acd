import type { PersonRecord, RecordRef } from '../domain/index.js';
import { RECORD_ROW_COLUMNS, recordFromRow, tableOfRole, type StoredRecordRow } from './record-columns.js';
import type { Db, RecordTable } from './schema.js';
import { rawKeysOf } from './records.js';
import { listUploads } from './uploads.js';

/** A spreadsheet row a finding rests on, as stored now; `record` is null when it is gone. */
export interface SourceRecord {
  readonly ref: RecordRef;
  /** The stored row, or null when no upload of the audit holds it any more (deleted or replaced). */
  readonly record: PersonRecord | null;
  readonly uploadId: number | null;
}

const SELECTED = RECORD_ROW_COLUMNS;

/** The highest sheet position of an upload (one index lookup), or undefined when it has no rows. */
async function lastSheetIndex(db: Db, table: RecordTable, auditId: number, uploadId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom(table)
    .select('sheet_index')
    .where('audit_id', '=', auditId)
    .where('upload_id', '=', uploadId)
    .orderBy('sheet_index', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.sheet_index) : undefined;
}

/**
 * The stored rows a finding's references point to (audit + role + file + sheet + row), in the
 * order of `refs`. When several uploads of the audit hold the same file name, the newest wins.
 * Lookups go through the records' ordering index (audit, upload, sheet position, row): the sheet
 * position is not in the reference, so every position of the upload is tried with `in (…)` —
 * a handful of index probes instead of scanning the upload's rows.
 */
export async function loadSourceRecords(db: Db, auditId: number, refs: readonly RecordRef[]): Promise<SourceRecord[]> {
  const uploads = (await listUploads(db, auditId)).reverse();
  const sheetCounts = new Map<number, number | undefined>();
  const rawKeys = new Map<number, readonly (readonly string[])[]>();
  const out: SourceRecord[] = [];
  for (const ref of refs) {
    const { table } = tableOfRole(ref.role);
    let found: SourceRecord = { ref, record: null, uploadId: null };
    for (const upload of uploads.filter((u) => u.role === ref.role)) {
      if (!sheetCounts.has(upload.id)) sheetCounts.set(upload.id, await lastSheetIndex(db, table, auditId, upload.id));
      const last = sheetCounts.get(upload.id);
      if (last === undefined) continue;
      const row = (await db
        .selectFrom(table)
        .select(SELECTED)
        .where('audit_id', '=', auditId)
        .where('upload_id', '=', upload.id)
        .where('sheet_index', 'in', Array.from({ length: last + 1 }, (_, i) => i))
        .where('row_number', '=', ref.row)
        .where('sheet', '=', ref.sheet)
        .where((eb) =>
          // A row's file is stored only when it differs from its upload's (see record-writer.ts).
          upload.file === ref.file ? eb.or([eb('file', 'is', null), eb('file', '=', ref.file)]) : eb('file', '=', ref.file),
        )
        .limit(1)
        .executeTakeFirst()) as StoredRecordRow | undefined;
      if (row) {
        if (!rawKeys.has(upload.id)) rawKeys.set(upload.id, await rawKeysOf(db, upload.id));
        found = { ref, record: recordFromRow(row, upload.role, upload.file, { rawKeys: rawKeys.get(upload.id) ?? [] }), uploadId: upload.id };
        break;
      }
    }
    out.push(found);
  }
  return out;
}
