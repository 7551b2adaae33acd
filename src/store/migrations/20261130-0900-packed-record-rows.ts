import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Packs each record row's normalised fields, raw cells and flags into one JSON text column,
 * `record_json` = [raw, flags, full_name, name_key, …, note] (the person fields in the order below),
 * keeping as columns only what queries filter, group or order on: the upload, position, sheet, row
 * and commune. Binding some 45 values per row made writing a million-row upload cost about 10 µs a
 * row; one JSON text instead of 37 values cost about half as much in the insert bench.
 * Existing rows are converted in SQL. New uploads store their rows' raw cells positionally,
 * `[n, v1, v2, …]`, the header texts of list n once in the upload's `raw_keys_json` (a quarter of each
 * row's text was the same header keys again: the million-row upload's file is 506 MB, against 587 MB with
 * one column per field); converted rows keep theirs as an object.
 * Frozen once landed. Imports no app code.
 */
const FIELDS = [
  'full_name', 'name_key', 'birth_date', 'birth_year', 'gender', 'id_number', 'id_kind', 'household_code', 'household_head',
  'members', 'relation', 'address', 'village', 'province_code', 'district_code', 'commune_code', 'commune_name', 'group_label',
  'group_code', 'rate', 'months', 'period', 'amount', 'paid_date', 'signature', 'receiver', 'bank_account', 'phone', 'revenue',
  'death_date', 'start_date', 'end_date', 'population', 'payer', 'note',
] as const;

/** Person columns that stay: the commune of a row is listed and grouped on (audit overview, areas). */
const KEPT = new Set(['commune_code', 'commune_name']);

const TABLES = ['beneficiaries', 'payouts', 'register_entries'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('uploads').addColumn('raw_keys_json', 'text').execute();
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn('record_json', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    const packed = postgres
      ? `json_build_array(raw_json::json, flags_json::json, ${FIELDS.join(', ')})::text`
      : `json_array(json(raw_json), json(flags_json), ${FIELDS.join(', ')})`;
    await sql.raw(`update ${table} set record_json = ${packed}`).execute(db);
    for (const column of ['raw_json', 'flags_json', ...FIELDS.filter((f) => !KEPT.has(f))]) {
      await db.schema.alterTable(table).dropColumn(column).execute();
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('packed record rows cannot be unpacked by a down migration; restore a backup instead');
}
