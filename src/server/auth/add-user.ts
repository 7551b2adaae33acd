import { AppError } from '../../domain/index.js';
import { appendAuditLog, findUserByName, insertUser, isUserRole, USER_ROLES, type Db, type UserRow } from '../../store/index.js';
import { assertKnownArea } from './area-scope.js';
import { generatePassword, hashPassword, type ScryptParams } from './passwords.js';

export interface AddUserInput {
  readonly username: string;
  readonly role: string;
  /** GSO code of the user's area; required except for admins (who are nationwide). */
  readonly area?: string | null;
  /** Given password; a random one is generated (and returned) when absent. */
  readonly password?: string;
  /** Who did it, for the audit log (the CLI passes the OS user). */
  readonly actor?: string | null;
  readonly ip?: string | null;
  readonly now?: Date;
  readonly scrypt?: ScryptParams;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** Checks a username, role and area and returns them normalised (lowercase username, null area for admins). */
export function validateAccount(input: { username: string; role: string; area?: string | null | undefined }): {
  username: string;
  role: UserRow['role'];
  area: string | null;
} {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new AppError('BAD_INPUT', `tên đăng nhập "${input.username}" không hợp lệ: 2–64 ký tự gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang`);
  }
  if (!isUserRole(input.role)) throw new AppError('BAD_INPUT', `vai trò "${input.role}" không hợp lệ; dùng một trong: ${USER_ROLES.join(', ')}`);
  const area = input.area?.trim() || null;
  if (area === null && input.role !== 'admin') {
    throw new AppError('BAD_INPUT', `người dùng vai trò "${input.role}" cần một địa bàn (mã tỉnh, huyện hoặc xã)`);
  }
  if (area !== null) assertKnownArea(area);
  return { username, role: input.role, area };
}

/**
 * Creates a user and returns it with its password (generated when none is given: shown once, only
 * its scrypt hash is stored). Logged as `user.add`.
 * @example const { password } = await addUser(db, { username: 'tt.hanoi', role: 'inspector', area: '01' });
 */
export async function addUser(db: Db, input: AddUserInput): Promise<{ user: UserRow; password: string }> {
  const account = validateAccount(input);
  if (await findUserByName(db, account.username)) throw new AppError('CONFLICT', `tên đăng nhập "${account.username}" đã tồn tại`);
  const password = input.password ?? generatePassword();
  if (password.length < 10) throw new AppError('BAD_INPUT', 'mật khẩu phải có ít nhất 10 ký tự');
  const user = await insertUser(db, { ...account, passwordHash: await hashPassword(password, input.scrypt) });
  await appendAuditLog(db, {
    at: (input.now ?? new Date()).toISOString(),
    actor: input.actor ?? null,
    action: 'user.add',
    target: `user:${user.username}`,
    detail: { role: user.role, area: user.area },
    ip: input.ip ?? null,
  });
  return { user, password };
}
