import type { Kysely } from 'kysely';

/**
 * Drops the (audit_id, id_number), (audit_id, name_key) and (audit_id, commune_code) indexes of the
 * record tables. No query uses them (checks stream an audit's rows in upload order, which the
 * ordering index serves), and maintaining them on insert — random positions for ID numbers and
 * name keys — tripled the cost of a large upload. Same on both dialects. Imports no app code.
 */

const RECORD_TABLES = ['beneficiaries', 'payouts', 'register_entries'] as const;
const LOOKUP_COLUMNS = ['id_number', 'name_key', 'commune_code'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of RECORD_TABLES) {
    for (const column of LOOKUP_COLUMNS) await db.schema.dropIndex(`${table}_audit_${column}_idx`).ifExists().execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of RECORD_TABLES) {
    for (const column of LOOKUP_COLUMNS) {
      await db.schema.createIndex(`${table}_audit_${column}_idx`).on(table).columns(['audit_id', column]).execute();
    }
  }
}
