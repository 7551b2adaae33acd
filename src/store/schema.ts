import type { ColumnType, Generated, Kysely } from 'kysely';
import type { AccountTables } from './account-schema.js';

/**
 * Table types of the store, column names exactly as in the database (snake_case).
 * JSON is stored as text, timestamps as ISO-8601 text, booleans as integer 0/1, so that the same
 * SQL runs on SQLite and PostgreSQL.
 */
export interface AuditsTable {
  id: Generated<number>;
  name: string;
  area: string | null;
  package_id: string;
  created_by: string | null;
  created_at: string;
}

export interface UploadsTable {
  id: Generated<number>;
  audit_id: number;
  file: string;
  sha256: string;
  role: string;
  uploaded_by: string | null;
  uploaded_at: string;
  mapping_json: string;
  sheets_json: string;
  rows_read: number;
  rows_skipped: number;
  rows_rejected: number;
  /** 'loading' while the rows are written, 'ready' once visible (see the upload-state migration). */
  state: ColumnType<string, string | undefined, string>;
  /** The header texts of the rows' raw cells, list by list (see RawKeyTable); null when none. */
  raw_keys_json: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * One stored spreadsheet row. `file` is null when it equals the upload's file (the usual case). The
 * normalised fields, raw cells and flags are packed in `record_json` (see record-columns.ts); the
 * commune stays a column for the queries that list or group rows by commune.
 */
export interface RecordsTable {
  id: Generated<number>;
  upload_id: number;
  audit_id: number;
  file: string | null;
  sheet: string;
  row_number: number;
  /** Position of the sheet within its upload, in the order the rows arrived. */
  sheet_index: number;
  commune_code: string | null;
  commune_name: string | null;
  record_json: string;
}

export interface RegisterEntriesTable extends RecordsTable {
  kind: string;
}

export interface RunsTable {
  id: Generated<number>;
  audit_id: number;
  package_id: string;
  rules_version: string;
  status: string;
  progress: number;
  error: string | null;
  counts_json: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface FindingsTable {
  audit_id: number;
  id: string;
  rule: string;
  category: string;
  severity: string;
  score: number;
  amount_at_risk: number;
  subject_name: string | null;
  subject_id_number: string | null;
  subject_commune: string | null;
  records_json: string;
  explanation: string;
  evidence_json: string;
  status: string;
  version: number;
  note: string | null;
  reviewer: string | null;
  reviewed_at: string | null;
  resolved_by_data: number;
  first_run_id: number;
  last_run_id: number;
}

export interface FindingEventsTable {
  id: Generated<number>;
  audit_id: number;
  finding_id: string;
  at: string;
  actor: string;
  from_status: string;
  to_status: string;
  note: string | null;
}

export interface Database extends AccountTables {
  audits: AuditsTable;
  uploads: UploadsTable;
  beneficiaries: RecordsTable;
  payouts: RecordsTable;
  register_entries: RegisterEntriesTable;
  runs: RunsTable;
  findings: FindingsTable;
  finding_events: FindingEventsTable;
}

/** The typed query builder every repository function takes first. */
export type Db = Kysely<Database>;

/** The three record tables; a role maps to exactly one of them. */
export type RecordTable = 'beneficiaries' | 'payouts' | 'register_entries';
