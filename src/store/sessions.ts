import type { Selectable } from 'kysely';
import type { SessionsTable } from './account-schema.js';
import type { SessionRow } from './account-rows.js';
import type { Db } from './schema.js';

function toSession(row: Selectable<SessionsTable>): SessionRow {
  return {
    id: row.id,
    userId: Number(row.user_id),
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

/** Stores a session under the hash of its cookie value. */
export async function insertSession(
  db: Db,
  input: { id: string; userId: number; csrfToken: string; createdAt: string; expiresAt: string; ip: string | null; userAgent: string | null },
): Promise<SessionRow> {
  const row = await db
    .insertInto('sessions')
    .values({
      id: input.id,
      user_id: input.userId,
      csrf_token: input.csrfToken,
      created_at: input.createdAt,
      expires_at: input.expiresAt,
      revoked_at: null,
      ip: input.ip,
      user_agent: input.userAgent,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSession(row);
}

/** The session with this id (hash), live or not: callers check expiry and revocation. */
export async function getSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSession(row) : undefined;
}

/** Revokes one session (signing out); revoking twice keeps the first time. */
export async function revokeSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Revokes every session of a user (disabled account, changed password or role). */
export async function revokeUserSessions(db: Db, userId: number, at: string, exceptSessionId?: string): Promise<number> {
  let query = db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptSessionId !== undefined) query = query.where('id', '!=', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes sessions that expired before `before` (housekeeping; they no longer authenticate anyway). */
export async function deleteExpiredSessions(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
