import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, ServerContext } from '../app-env.js';
import { can, CSRF_FIELD, resolveSession, safeEqual, SESSION_COOKIE, type Permission } from '../auth/index.js';
import { hasContentType } from '../request.js';
import { renderErrorPage } from './render.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Session authentication for the pages: no or expired session → 303 to /login?next=<this page>;
 * an unsafe request (form post) must carry the session's CSRF token in the `_csrf` field (or the
 * X-CSRF-Token header for the small page scripts) → otherwise a 403 page. Sets `user` and `session`.
 */
export function pageSession(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    const resolved = cookie ? await resolveSession(ctx.db, cookie, ctx.now()) : null;
    if (!resolved) {
      const url = new URL(c.req.url);
      const back = c.req.method === 'GET' ? url.pathname + url.search : '/';
      return c.redirect(`/login?${new URLSearchParams({ next: back }).toString()}`, 303);
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      let sent = c.req.header('x-csrf-token');
      if (sent === undefined && (hasContentType(c, 'application/x-www-form-urlencoded') || hasContentType(c, 'multipart/form-data'))) {
        const field = (await c.req.parseBody({ all: true }))[CSRF_FIELD];
        sent = typeof field === 'string' ? field : undefined;
      }
      if (sent === undefined || !safeEqual(sent, resolved.session.csrfToken)) {
        return renderErrorPage(c, 403, 'Biểu mẫu đã hết hạn hoặc thiếu mã chống giả mạo (CSRF). Hãy tải lại trang rồi gửi lại.');
      }
    }
    c.set('user', resolved.user);
    c.set('authVia', 'session');
    c.set('session', resolved.session);
    return next();
  };
}

/** 403 page unless the signed-in user's role grants `permission`. Use after {@link pageSession}. */
export function pagePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!can(c.get('user').role, permission)) return renderErrorPage(c, 403, 'Vai trò của bạn không được phép mở trang hoặc thực hiện thao tác này.');
    return next();
  };
}
