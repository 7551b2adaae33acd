import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../domain/index.js';
import { findUserByName, getApiToken, listApiTokens, revokeApiToken, type ApiTokenRow } from '../../store/index.js';
import type { AppEnv, ServerContext } from '../app-env.js';
import { logAction } from '../audit-trail.js';
import { can } from '../auth/index.js';
import { idParam, readQuery } from '../request.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';

const apiToken = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const tokensQuery = z.object({
  username: z.string().min(1).max(64).optional().describe('chỉ quản trị: mã truy cập của người dùng này'),
});

export const TOKEN_ROUTES = {
  list: {
    method: 'get',
    path: '/api/tokens',
    summary: 'Mã truy cập API của chính mình (quản trị: của người dùng `username`), mới nhất trước; không bao giờ trả giá trị mã',
    tag: 'tokens',
    auth: 'user',
    query: tokensQuery,
    response: { status: 200, schema: z.object({ items: z.array(apiToken) }), description: 'các mã truy cập' },
  },
  revoke: {
    method: 'delete',
    path: '/api/tokens/:id',
    summary: 'Thu hồi một mã truy cập API của chính mình (quản trị: của bất kỳ ai)',
    tag: 'tokens',
    auth: 'user',
    response: { status: 200, schema: apiToken, description: 'mã truy cập đã thu hồi' },
  },
} as const satisfies Record<string, RouteSpec>;

export function presentToken(t: ApiTokenRow) {
  return { id: t.id, name: t.name, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt };
}

/**
 * Revokes an API token on behalf of the signed-in user: their own, or anyone's for an admin. Someone
 * else's token answers NOT_FOUND, like one that does not exist. Logged as `token.revoke`.
 */
export async function revokeTokenFor(ctx: ServerContext, c: Context<AppEnv>, id: number): Promise<ApiTokenRow> {
  const user = c.get('user');
  const token = await getApiToken(ctx.db, id);
  if (!token || (token.userId !== user.id && !can(user.role, 'user:manage'))) throw new AppError('NOT_FOUND', `không tìm thấy mã truy cập số ${id}`);
  if (token.revokedAt === null) {
    await revokeApiToken(ctx.db, id, ctx.now().toISOString());
    await logAction(ctx, c, 'token.revoke', `user:${token.username}`, { tokenId: id });
  }
  const after = await getApiToken(ctx.db, id);
  return after ?? token;
}

export function tokenRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  defineRoute(app, ctx, TOKEN_ROUTES.list, async (c) => {
    const user = c.get('user');
    const { username } = readQuery(c, tokensQuery);
    let owner = user;
    if (username !== undefined && username.trim().toLowerCase() !== user.username) {
      if (!can(user.role, 'user:manage')) throw new AppError('FORBIDDEN', 'chỉ quản trị viên được xem mã truy cập của người khác');
      const found = await findUserByName(ctx.db, username.trim().toLowerCase());
      if (!found) throw new AppError('NOT_FOUND', `không có người dùng "${username}"`);
      owner = found;
    }
    return c.json({ items: (await listApiTokens(ctx.db, owner.id)).map(presentToken) });
  });
  defineRoute(app, ctx, TOKEN_ROUTES.revoke, async (c) => c.json(presentToken(await revokeTokenFor(ctx, c, idParam(c)))));
  return app;
}
