import type { PersonRecord, Role } from '../domain/index.js';
import { newColumnarRecords, parseRawKeys, pushRow, RECORD_ROW_COLUMNS, recordFromRow, StringPool, tableOfRole, type StoredRecordRow } from './record-columns.js';
import type { UploadRow } from './rows.js';
import { listUploads } from './uploads.js';
import type { Db } from './schema.js';

const SELECTED = ['id', 'sheet_index', ...RECORD_ROW_COLUMNS] as const;

type PagedRow = StoredRecordRow & { id: number; sheet_index: number };

/**
 * Streams an audit's records (optionally of one role) in pages of at most `batchSize`, ordered by
 * upload, sheet order and row. Keyset pagination on (sheet_index, row_number, id) within each
 * upload keeps memory bounded however large the audit is. A page never spans two uploads.
 */
export async function* streamRecords(
  db: Db,
  auditId: number,
  role?: Role,
  batchSize = 5000,
  options?: { raw?: boolean },
): AsyncIterable<PersonRecord[]> {
  // One pool for the whole stream: records kept together share their repeated values.
  const strings = new StringPool();
  for (const upload of await uploadsOf(db, auditId, role)) {
    const rawKeys = await rawKeysOf(db, upload.id);
    const decode = { ...options, rawKeys, strings };
    for await (const rows of pagesOf(db, auditId, upload, batchSize)) {
      yield rows.map((row) => recordFromRow(row, upload.role, upload.file, decode));
    }
  }
}

async function uploadsOf(db: Db, auditId: number, role: Role | undefined): Promise<UploadRow[]> {
  return (await listUploads(db, auditId)).filter((u) => role === undefined || u.role === role);
}

/** An upload's stored rows in pages of at most `batchSize`, by sheet order and row (see streamRecords). */
async function* pagesOf(db: Db, auditId: number, upload: UploadRow, batchSize: number): AsyncIterable<PagedRow[]> {
  const size = Math.max(1, Math.floor(batchSize));
  const { table } = tableOfRole(upload.role);
  let cursor: { sheetIndex: number; row: number; id: number } | undefined;
  for (;;) {
    let query = db.selectFrom(table).select(SELECTED).where('audit_id', '=', auditId).where('upload_id', '=', upload.id);
    if (cursor) {
      const after = cursor;
      query = query.where((eb) => eb(eb.refTuple('sheet_index', 'row_number', 'id'), '>', eb.tuple(after.sheetIndex, after.row, after.id)));
    }
    const rows = (await query.orderBy('sheet_index').orderBy('row_number').orderBy('id').limit(size).execute()) as PagedRow[];
    const last = rows[rows.length - 1];
    if (!last) return;
    yield rows;
    if (rows.length < size) return;
    cursor = { sheetIndex: Number(last.sheet_index), row: Number(last.row_number), id: Number(last.id) };
  }
}

/** An upload's raw-cell key lists (see RawKeyTable); an empty list when it stored none. */
export async function rawKeysOf(db: Db, uploadId: number): Promise<readonly (readonly string[])[]> {
  const row = await db.selectFrom('uploads').select('raw_keys_json').where('id', '=', uploadId).executeTakeFirst();
  return parseRawKeys(row?.raw_keys_json) ?? [];
}

/** The ids of an audit's ready uploads, as a subquery (records of uploads still being written are invisible). */
export function readyUploadIds(db: Db, auditId: number) {
  return db.selectFrom('uploads').select('id').where('audit_id', '=', auditId).where('state', '=', 'ready');
}

/**
 * Every record of an audit (optionally of one role), ordered by upload, sheet order and row;
 * `raw: false` without their raw cells (see recordFromRow), and then each upload's in columns (see
 * ColumnarRecords): some half the memory of records as objects.
 */
export async function loadRecords(db: Db, auditId: number, role?: Role, options?: { raw?: boolean }): Promise<PersonRecord[]> {
  const out: PersonRecord[] = [];
  if (options?.raw !== false) {
    for await (const page of streamRecords(db, auditId, role, 10_000, options)) {
      for (const record of page) out.push(record);
    }
    return out;
  }
  const strings = new StringPool();
  for (const upload of await uploadsOf(db, auditId, role)) {
    const table = newColumnarRecords(strings);
    for await (const rows of pagesOf(db, auditId, upload, 10_000)) {
      for (const row of rows) pushRow(table, row, upload.role, upload.file, strings);
    }
    table.seal();
    for (let i = 0; i < table.length; i++) out.push(table.record(i));
  }
  strings.close();
  return out;
}

/** Number of stored records of an audit by role; roles without records are absent. */
export async function countRecords(db: Db, auditId: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['beneficiaries', 'payouts'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('audit_id', '=', auditId)
      .where('upload_id', 'in', readyUploadIds(db, auditId))
      .executeTakeFirst();
    const n = Number(row?.n ?? 0);
    if (n > 0) counts[table] = n;
  }
  const registers = await db
    .selectFrom('register_entries')
    .select((eb) => ['kind', eb.fn.countAll<number>().as('n')])
    .where('audit_id', '=', auditId)
    .where('upload_id', 'in', readyUploadIds(db, auditId))
    .groupBy('kind')
    .orderBy('kind')
    .execute();
  for (const row of registers) counts[`register:${row.kind}`] = Number(row.n);
  return counts;
}
