import { AppError } from '../../domain/index.js';
import {
  appendAuditLog,
  findLiveApiToken,
  findUserByName,
  getUser,
  insertApiToken,
  touchApiToken,
  type ApiTokenRow,
  type Db,
  type UserRow,
} from '../../store/index.js';
import { randomToken, sha256Hex } from './secrets.js';

/** Prefix of API tokens, so that a leaked one is recognisable (e.g. by secret scanners). */
export const TOKEN_PREFIX = 'ansinh_';

/**
 * Creates an API token for a user: 32 random bytes, returned once; only its sha256 is stored.
 * Used as `Authorization: Bearer <token>`. Logged as `token.create`.
 */
export async function createToken(
  db: Db,
  input: { username: string; name?: string | null; actor?: string | null; ip?: string | null; now?: Date },
): Promise<{ token: string; row: ApiTokenRow; user: UserRow }> {
  const user = await findUserByName(db, input.username.trim().toLowerCase());
  if (!user) throw new AppError('NOT_FOUND', `không có người dùng "${input.username}"`);
  if (user.disabled) throw new AppError('BAD_INPUT', `tài khoản "${user.username}" đã bị khóa`);
  const token = TOKEN_PREFIX + randomToken();
  const at = (input.now ?? new Date()).toISOString();
  const row = await insertApiToken(db, { userId: user.id, name: input.name ?? null, tokenHash: sha256Hex(token), createdAt: at });
  await appendAuditLog(db, { at, actor: input.actor ?? null, action: 'token.create', target: `user:${user.username}`, detail: { tokenId: row.id }, ip: input.ip ?? null });
  return { token, row, user };
}

/** The enabled user an API token belongs to, or null for an unknown, revoked or disabled one. */
export async function resolveToken(db: Db, token: string, now: Date): Promise<UserRow | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await findLiveApiToken(db, sha256Hex(token));
  if (!row) return null;
  const user = await getUser(db, row.userId);
  if (!user || user.disabled) return null;
  await touchApiToken(db, row.id, now.toISOString());
  return user;
}
