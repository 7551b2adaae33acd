import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, ServerContext } from '../app-env.js';
import { errorResponse } from '../errors.js';
import { hasContentType } from '../request.js';
import { can, type Permission } from './permissions.js';
import { safeEqual } from './secrets.js';
import { resolveSession, SESSION_COOKIE } from './sessions.js';
import { resolveToken } from './tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Header carrying the session's CSRF token on scripted (fetch) requests; forms send field `_csrf`. */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

/**
 * Authenticates by `Authorization: Bearer <API token>` or else the session cookie; 401 when neither
 * holds (unknown, expired or revoked). A cookie-authenticated unsafe request must also carry the
 * session's CSRF token (header or form field): 403 otherwise. Bearer requests are exempt, since a
 * browser never attaches that header on its own.
 */
export function authenticate(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const now = ctx.now();
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const user = match?.[1] ? await resolveToken(ctx.db, match[1], now) : null;
      if (!user) return errorResponse(c, 'UNAUTHENTICATED', 'mã truy cập API không hợp lệ, đã bị thu hồi hoặc tài khoản đã bị khóa');
      c.set('user', user);
      c.set('authVia', 'token');
      c.set('session', null);
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (!cookie) return errorResponse(c, 'UNAUTHENTICATED', 'cần đăng nhập (phiên đăng nhập hoặc mã truy cập API)');
    const resolved = await resolveSession(ctx.db, cookie, now);
    if (!resolved) return errorResponse(c, 'UNAUTHENTICATED', 'phiên đăng nhập đã hết hạn hoặc đã bị thu hồi; hãy đăng nhập lại');
    if (!SAFE_METHODS.has(c.req.method)) {
      let sent = c.req.header(CSRF_HEADER);
      if (sent === undefined && (hasContentType(c, 'application/x-www-form-urlencoded') || hasContentType(c, 'multipart/form-data'))) {
        const field = (await c.req.parseBody({ all: true }))[CSRF_FIELD];
        sent = typeof field === 'string' ? field : undefined;
      }
      if (sent === undefined || !safeEqual(sent, resolved.session.csrfToken)) {
        return errorResponse(c, 'FORBIDDEN', 'thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF); hãy tải lại trang rồi thử lại');
      }
    }
    c.set('user', resolved.user);
    c.set('authVia', 'session');
    c.set('session', resolved.session);
    return next();
  };
}

/** 403 unless the signed-in user's role grants `permission`. */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!can(c.get('user').role, permission)) return errorResponse(c, 'FORBIDDEN', 'vai trò của bạn không được phép thực hiện thao tác này');
    return next();
  };
}
