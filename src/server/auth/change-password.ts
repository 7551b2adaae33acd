import { AppError } from '../../domain/index.js';
import { findUserCredentials, revokeUserSessions, updateUser, type Db, type UserRow } from '../../store/index.js';
import { hashPassword, verifyPassword, type ScryptParams } from './passwords.js';

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Replaces a user's password after checking the current one, and signs out every other session
 * of the user (the one making the change stays). Errors are BAD_INPUT (new password too short,
 * not repeated the same, same as the old) or UNAUTHENTICATED (wrong current password).
 */
export async function changePassword(
  db: Db,
  user: UserRow,
  input: { current: string; next: string; repeat: string; keepSessionId: string | null; now: Date; scrypt?: ScryptParams },
): Promise<{ sessionsRevoked: number }> {
  const found = await findUserCredentials(db, user.username);
  if (!found || !(await verifyPassword(input.current, found.passwordHash))) {
    throw new AppError('UNAUTHENTICATED', 'mật khẩu hiện tại không đúng');
  }
  if (input.next.length < MIN_PASSWORD_LENGTH) throw new AppError('BAD_INPUT', `mật khẩu mới phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`);
  if (input.next.length > 200) throw new AppError('BAD_INPUT', 'mật khẩu mới dài quá 200 ký tự');
  if (input.next !== input.repeat) throw new AppError('BAD_INPUT', 'hai lần nhập mật khẩu mới không giống nhau');
  if (input.next === input.current) throw new AppError('BAD_INPUT', 'mật khẩu mới phải khác mật khẩu hiện tại');
  await updateUser(db, user.id, { passwordHash: await hashPassword(input.next, input.scrypt) });
  const sessionsRevoked = await revokeUserSessions(db, user.id, input.now.toISOString(), input.keepSessionId ?? undefined);
  return { sessionsRevoked };
}
