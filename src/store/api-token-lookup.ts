import type { ApiTokenRow } from './account-rows.js';
import type { Db } from './schema.js';

/** One API token (without its value) and the username it belongs to. */
export async function getApiToken(db: Db, id: number): Promise<(ApiTokenRow & { username: string }) | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select('users.username')
    .where('api_tokens.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    username: row.username,
  };
}
