import type { Selectable } from 'kysely';
import { AppError } from '../domain/index.js';
import { isUniqueViolation, nowIso } from './in-transaction.js';
import type { UsersTable } from './account-schema.js';
import type { UserRole, UserRow } from './account-rows.js';
import type { Db } from './schema.js';

function toUser(row: Selectable<UsersTable>): UserRow {
  return {
    id: Number(row.id),
    username: row.username,
    role: row.role as UserRole,
    area: row.area,
    disabled: Number(row.disabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Inserts a user with an already hashed password; the username is unique (CONFLICT otherwise). */
export async function insertUser(
  db: Db,
  input: { username: string; role: UserRole; area: string | null; passwordHash: string },
): Promise<UserRow> {
  const at = nowIso();
  try {
    const row = await db
      .insertInto('users')
      .values({ username: input.username, role: input.role, area: input.area, password_hash: input.passwordHash, disabled: 0, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `tên đăng nhập "${input.username}" đã tồn tại`, undefined, { cause: error });
    throw error;
  }
}

export async function getUser(db: Db, id: number): Promise<UserRow | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

/** The user and their password hash, for signing in. */
export async function findUserCredentials(db: Db, username: string): Promise<{ user: UserRow; passwordHash: string } | undefined> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row ? { user: toUser(row), passwordHash: row.password_hash } : undefined;
}

export async function findUserByName(db: Db, username: string): Promise<UserRow | undefined> {
  return (await findUserCredentials(db, username))?.user;
}

/** All users, by id. */
export async function listUsers(db: Db): Promise<UserRow[]> {
  return (await db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUser);
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Changes a user's role, area, password hash or disabled flag (NOT_FOUND when there is no such user). */
export async function updateUser(
  db: Db,
  id: number,
  patch: Partial<{ role: UserRole; area: string | null; passwordHash: string; disabled: boolean }>,
): Promise<UserRow> {
  const row = await db
    .updateTable('users')
    .set({
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.area !== undefined ? { area: patch.area } : {}),
      ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `không tìm thấy người dùng số ${id}`);
  return toUser(row);
}
