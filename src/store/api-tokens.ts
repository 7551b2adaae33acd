import type { Selectable } from 'kysely';
import type { ApiTokensTable } from './account-schema.js';
import type { ApiTokenRow } from './account-rows.js';
import type { Db } from './schema.js';

function toToken(row: Selectable<ApiTokensTable>): ApiTokenRow {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** Stores an API token by the sha256 of its value. */
export async function insertApiToken(db: Db, input: { userId: number; name: string | null; tokenHash: string; createdAt: string }): Promise<ApiTokenRow> {
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: input.userId, name: input.name, token_hash: input.tokenHash, created_at: input.createdAt, last_used_at: null, revoked_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toToken(row);
}

/** The unrevoked token with this hash, if any. */
export async function findLiveApiToken(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
  return row ? toToken(row) : undefined;
}

export async function touchApiToken(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeApiToken(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** A user's tokens (without their values), newest first. */
export async function listApiTokens(db: Db, userId: number): Promise<ApiTokenRow[]> {
  return (await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute()).map(toToken);
}

/** One API token (without its value) and the username it belongs to. */
export async function getApiToken(db: Db, id: number): Promise<(ApiTokenRow & { username: string }) | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select('users.username')
    .where('api_tokens.id', '=', id)
    .executeTakeFirst();
  return row ? { ...toToken(row), username: row.username } : undefined;
}
