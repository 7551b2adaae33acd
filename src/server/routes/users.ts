import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../domain/index.js';
import { getUser, listUsers, revokeUserSessions, updateUser, type UserRow } from '../../store/index.js';
import type { AppEnv, ServerContext } from '../app-env.js';
import { logAction } from '../audit-trail.js';
import { addUser, assertKnownArea } from '../auth/index.js';
import { idParam, readJson } from '../request.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';
import * as s from '../schemas.js';
import { presentUser } from './present.js';

export const USER_ROUTES = {
  list: {
    method: 'get',
    path: '/api/users',
    summary: 'Danh sách người dùng (quản trị)',
    tag: 'users',
    auth: 'user',
    permission: 'user:manage',
    response: { status: 200, schema: z.object({ items: z.array(s.user) }), description: 'người dùng' },
  },
  create: {
    method: 'post',
    path: '/api/users',
    summary: 'Tạo người dùng; mật khẩu sinh ngẫu nhiên, chỉ hiện một lần',
    tag: 'users',
    auth: 'user',
    permission: 'user:manage',
    body: { type: 'json', schema: s.createUserBody },
    response: { status: 201, schema: z.object({ user: s.user, password: z.string() }), description: 'người dùng và mật khẩu ban đầu' },
  },
  patch: {
    method: 'patch',
    path: '/api/users/:id',
    summary: 'Đổi vai trò, địa bàn hoặc khóa/mở tài khoản; mọi phiên của người đó bị thu hồi',
    tag: 'users',
    auth: 'user',
    permission: 'user:manage',
    body: { type: 'json', schema: s.patchUserBody },
    response: { status: 200, schema: s.user, description: 'người dùng sau khi đổi' },
  },
} as const satisfies Record<string, RouteSpec>;

export function userRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  defineRoute(app, ctx, USER_ROUTES.list, async (c) => c.json({ items: (await listUsers(ctx.db)).map(presentUser) }));
  defineRoute(app, ctx, USER_ROUTES.create, async (c) => {
    const body = await readJson(c, s.createUserBody);
    const { user, password } = await addUser(ctx.db, {
      username: body.username,
      role: body.role,
      area: body.area ?? null,
      actor: c.get('user').username,
      ip: c.get('ip'),
      now: ctx.now(),
    });
    return c.json({ user: presentUser(user), password }, 201);
  });
  defineRoute(app, ctx, USER_ROUTES.patch, async (c) => c.json(presentUser(await changeUser(ctx, c, idParam(c), await readJson(c, s.patchUserBody)))));
  return app;
}

/**
 * Changes a user's role, area or disabled flag on behalf of the signed-in admin (API and pages):
 * checks the area, refuses to lock out oneself, revokes the user's sessions. Logged as `user.update`.
 */
export async function changeUser(ctx: ServerContext, c: Context<AppEnv>, id: number, body: z.infer<typeof s.patchUserBody>): Promise<UserRow> {
  const current = await getUser(ctx.db, id);
  if (!current) throw new AppError('NOT_FOUND', `không tìm thấy người dùng số ${id}`);
  const role = body.role ?? current.role;
  const area = body.area !== undefined ? body.area : current.area;
  if (area === null && role !== 'admin') throw new AppError('BAD_INPUT', `người dùng vai trò "${role}" cần một địa bàn`);
  if (area !== null) assertKnownArea(area);
  if (current.id === c.get('user').id && (body.disabled === true || role !== 'admin')) {
    throw new AppError('CONFLICT', 'không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình');
  }
  const updated = await updateUser(ctx.db, id, {
    ...(body.role !== undefined ? { role: body.role } : {}),
    ...(body.area !== undefined ? { area: body.area } : {}),
    ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
  });
  const revoked = await revokeUserSessions(ctx.db, id, ctx.now().toISOString());
  await logAction(ctx, c, 'user.update', `user:${updated.username}`, { ...body, sessionsRevoked: revoked });
  return updated;
}
