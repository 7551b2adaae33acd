import { getSession, getUser, insertSession, revokeSession, type Db, type SessionRow, type UserRow } from '../../store/index.js';
import { randomToken, sha256Hex } from './secrets.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'ansinh_session';

/** Sessions last 12 hours from sign-in, then the user signs in again. */
export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * Starts a server-side session: returns the cookie value (random, 32 bytes) and the stored row,
 * which is keyed by the value's sha256 and carries the session's CSRF token.
 */
export async function startSession(
  db: Db,
  user: UserRow,
  options: { now: Date; ttlMs: number; ip: string | null; userAgent: string | null },
): Promise<{ cookie: string; session: SessionRow }> {
  const cookie = randomToken();
  const session = await insertSession(db, {
    id: sha256Hex(cookie),
    userId: user.id,
    csrfToken: randomToken(),
    createdAt: options.now.toISOString(),
    expiresAt: new Date(options.now.getTime() + options.ttlMs).toISOString(),
    ip: options.ip,
    userAgent: options.userAgent,
  });
  return { cookie, session };
}

/** The live session of a cookie value and its enabled user, or null (unknown, expired, revoked, disabled). */
export async function resolveSession(db: Db, cookie: string, now: Date): Promise<{ session: SessionRow; user: UserRow } | null> {
  const session = await getSession(db, sha256Hex(cookie));
  if (!session || session.revokedAt !== null || Date.parse(session.expiresAt) <= now.getTime()) return null;
  const user = await getUser(db, session.userId);
  if (!user || user.disabled) return null;
  return { session, user };
}

/** Ends the session of a cookie value (signing out). */
export async function endSession(db: Db, cookie: string, now: Date): Promise<void> {
  await revokeSession(db, sha256Hex(cookie), now.toISOString());
}
