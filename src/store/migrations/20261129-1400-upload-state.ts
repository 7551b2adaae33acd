import type { Kysely } from 'kysely';

/**
 * uploads.state: 'loading' while an upload's rows are being written in short transactions, 'ready'
 * once its last commit made it visible. Every query of uploads and records reads ready ones only,
 * so a large upload no longer holds one long transaction that stalls every other request on
 * SQLite, and still appears all at once or not at all. Frozen once landed. Imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('uploads').addColumn('state', 'text', (c) => c.notNull().defaultTo('ready')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('uploads').dropColumn('state').execute();
}
