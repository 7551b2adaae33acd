import { PostgresAdapter, type ColumnDataType, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * The first schema: audits, uploads, the three record tables, runs, findings and their review
 * events. Frozen once landed: later changes go into new migrations. Imports no app code.
 */

type IdStyle = 'autoincrement' | 'rowid';

/** The one dialect switch: serial ids on PostgreSQL, integer primary keys on SQLite. */
function addId(table: CreateTableBuilder<string, never>, postgres: boolean, style: IdStyle): CreateTableBuilder<string, 'id'> {
  if (postgres) return table.addColumn('id', 'serial', (c) => c.primaryKey());
  // A plain `integer primary key` is SQLite's rowid: fastest for the big record tables; the small
  // tables use AUTOINCREMENT so that a deleted upload's id is never handed out again.
  return table.addColumn('id', 'integer', (c) => (style === 'autoincrement' ? c.primaryKey().autoIncrement() : c.primaryKey()));
}

/** PersonRecord columns as of this migration: [column, type]. */
const PERSON_COLUMNS: readonly (readonly [string, ColumnDataType])[] = [
  ['full_name', 'text'],
  ['name_key', 'text'],
  ['birth_date', 'text'],
  ['birth_year', 'integer'],
  ['gender', 'text'],
  ['id_number', 'text'],
  ['id_kind', 'text'],
  ['household_code', 'text'],
  ['household_head', 'text'],
  ['members', 'double precision'],
  ['relation', 'text'],
  ['address', 'text'],
  ['village', 'text'],
  ['province_code', 'text'],
  ['district_code', 'text'],
  ['commune_code', 'text'],
  ['commune_name', 'text'],
  ['group_label', 'text'],
  ['group_code', 'text'],
  ['rate', 'double precision'],
  ['months', 'double precision'],
  ['period', 'text'],
  ['amount', 'double precision'],
  ['paid_date', 'text'],
  ['signature', 'text'],
  ['receiver', 'text'],
  ['bank_account', 'text'],
  ['phone', 'text'],
  ['revenue', 'double precision'],
  ['death_date', 'text'],
  ['start_date', 'text'],
  ['end_date', 'text'],
  ['population', 'double precision'],
  ['payer', 'text'],
  ['note', 'text'],
];

const RECORD_TABLES = ['beneficiaries', 'payouts', 'register_entries'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await addId(db.schema.createTable('audits'), postgres, 'autoincrement')
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('area', 'text')
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await addId(db.schema.createTable('uploads'), postgres, 'autoincrement')
    .addColumn('audit_id', 'integer', (c) => c.notNull().references('audits.id').onDelete('cascade'))
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('sheets_json', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('rows_skipped', 'integer', (c) => c.notNull())
    .addColumn('rows_rejected', 'integer', (c) => c.notNull())
    .addUniqueConstraint('uploads_audit_sha256_unique', ['audit_id', 'sha256'])
    // Target of the record tables' (audit_id, upload_id) foreign key.
    .addUniqueConstraint('uploads_audit_id_unique', ['audit_id', 'id'])
    .execute();

  for (const table of RECORD_TABLES) {
    let builder = addId(db.schema.createTable(table), postgres, 'rowid')
      .addColumn('upload_id', 'integer', (c) => c.notNull())
      .addColumn('audit_id', 'integer', (c) => c.notNull())
      .addColumn('file', 'text')
      .addColumn('sheet', 'text', (c) => c.notNull())
      .addColumn('row_number', 'integer', (c) => c.notNull())
      .addColumn('sheet_index', 'integer', (c) => c.notNull())
      .addColumn('raw_json', 'text', (c) => c.notNull())
      .addColumn('flags_json', 'text', (c) => c.notNull());
    if (table === 'register_entries') builder = builder.addColumn('kind', 'text', (c) => c.notNull());
    for (const [column, type] of PERSON_COLUMNS) builder = builder.addColumn(column, type);
    // Keyed on (audit_id, upload_id) so that the ordering index below, which starts with those two
    // columns, also serves the cascade on delete: no separate upload_id index to maintain on insert.
    builder = builder.addForeignKeyConstraint(`${table}_upload_fk`, ['audit_id', 'upload_id'], 'uploads', ['audit_id', 'id'], (c) =>
      c.onDelete('cascade'),
    );
    await builder.execute();

    // (audit_id, upload_id, sheet_index, row_number, id) serves "all rows of an audit" in upload,
    // sheet and row order, keyset paging and the upload foreign key; it also covers (audit_id).
    await db.schema
      .createIndex(`${table}_audit_order_idx`)
      .on(table)
      .columns(['audit_id', 'upload_id', 'sheet_index', 'row_number', 'id'])
      .execute();
    for (const column of ['id_number', 'name_key', 'commune_code']) {
      await db.schema
        .createIndex(`${table}_audit_${column}_idx`)
        .on(table)
        .columns(['audit_id', column])
        .execute();
    }
  }

  await addId(db.schema.createTable('runs'), postgres, 'autoincrement')
    .addColumn('audit_id', 'integer', (c) => c.notNull().references('audits.id').onDelete('cascade'))
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('rules_version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'double precision', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('counts_json', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('runs_audit_idx').on('runs').column('audit_id').execute();

  await db.schema
    .createTable('findings')
    .addColumn('audit_id', 'integer', (c) => c.notNull().references('audits.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('amount_at_risk', 'double precision', (c) => c.notNull())
    .addColumn('subject_name', 'text')
    .addColumn('subject_id_number', 'text')
    .addColumn('subject_commune', 'text')
    .addColumn('records_json', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('reviewer', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('resolved_by_data', 'integer', (c) => c.notNull())
    .addColumn('first_run_id', 'integer', (c) => c.notNull())
    .addColumn('last_run_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('findings_pk', ['audit_id', 'id'])
    .execute();
  for (const column of ['category', 'rule', 'status']) {
    await db.schema
      .createIndex(`findings_audit_${column}_idx`)
      .on('findings')
      .columns(['audit_id', column])
      .execute();
  }

  await addId(db.schema.createTable('finding_events'), postgres, 'autoincrement')
    .addColumn('audit_id', 'integer', (c) => c.notNull())
    .addColumn('finding_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addForeignKeyConstraint('finding_events_finding_fk', ['audit_id', 'finding_id'], 'findings', ['audit_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('finding_events_finding_idx')
    .on('finding_events')
    .columns(['audit_id', 'finding_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['finding_events', 'findings', 'runs', ...RECORD_TABLES, 'uploads', 'audits']) {
    await db.schema.dropTable(table).execute();
  }
}
