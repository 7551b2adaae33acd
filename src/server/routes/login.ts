import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { AppError } from '../../domain/index.js';
import { findUserCredentials } from '../../store/index.js';
import type { AppEnv, ServerContext } from '../app-env.js';
import { logAction } from '../audit-trail.js';
import {
  DEFAULT_SCRYPT,
  endSession,
  hashPassword,
  loginKey,
  randomToken,
  safeEqual,
  SESSION_COOKIE,
  startSession,
  verifyPassword,
} from '../auth/index.js';
import { errorResponse } from '../errors.js';
import { hasContentType, validate } from '../request.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';
import * as s from '../schemas.js';
import { presentUser } from './present.js';

/** Cookie of the login form's double-submit CSRF token (there is no session yet to hold one). */
export const LOGIN_CSRF_COOKIE = 'ansinh_login_csrf';

export const LOGIN_ROUTES = {
  csrf: {
    method: 'get',
    path: '/login/csrf',
    summary: 'Cấp mã chống giả mạo cho biểu mẫu đăng nhập (đặt cookie, trả mã để điền vào trường _csrf)',
    tag: 'session',
    auth: 'none',
    response: { status: 200, schema: z.object({ csrfToken: z.string() }), description: 'mã CSRF đăng nhập' },
  },
  login: {
    method: 'post',
    path: '/login',
    summary: 'Đăng nhập bằng biểu mẫu (username, password, _csrf, next); thành công: chuyển hướng 303 và cookie phiên',
    tag: 'session',
    auth: 'none',
    body: { type: 'form', schema: s.loginForm },
    response: { status: 303, description: 'chuyển hướng tới trang `next` (mặc định /)' },
  },
  logout: {
    method: 'post',
    path: '/logout',
    summary: 'Đăng xuất: thu hồi phiên',
    tag: 'session',
    auth: 'user',
    response: { status: 303, description: 'chuyển hướng tới /login' },
  },
  session: {
    method: 'get',
    path: '/api/session',
    summary: 'Người dùng hiện tại và mã CSRF của phiên (để gửi trong tiêu đề X-CSRF-Token)',
    tag: 'session',
    auth: 'user',
    response: {
      status: 200,
      schema: z.object({ user: s.user, authVia: z.enum(['session', 'token']), csrfToken: z.string().nullable() }),
      description: 'phiên hiện tại',
    },
  },
} as const satisfies Record<string, RouteSpec>;

function isHttps(ctx: ServerContext, c: Context): boolean {
  return ctx.secureCookies ?? new URL(c.req.url).protocol === 'https:';
}

/**
 * Issues the login form's CSRF token: sets it as a cookie and returns it for the form's hidden
 * `_csrf` field (the login page calls this when rendering the form).
 */
export function issueLoginCsrf(ctx: ServerContext, c: Context): string {
  const token = getCookie(c, LOGIN_CSRF_COOKIE) ?? randomToken();
  setCookie(c, LOGIN_CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: isHttps(ctx, c), path: '/login', maxAge: 3600 });
  return token;
}

/** Only same-site paths: an open redirect after login would help phishing. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** Why a browser login failed, as the `error` query parameter of the redirect back to /login. */
export type LoginFailure = 'csrf' | 'invalid' | 'rate';

/**
 * A failed login answers JSON for scripts, and for a browser (Accept: text/html) a 303 back to the
 * login page with `?error=csrf|invalid|rate` (and `next`), so the page can show the message.
 */
function loginFailure(c: Context, reason: LoginFailure, code: 'FORBIDDEN' | 'UNAUTHENTICATED' | 'RATE_LIMITED', message: string, next: string | undefined, headers?: Record<string, string>): Response {
  if ((c.req.header('accept') ?? '').includes('text/html')) {
    const params = new URLSearchParams({ error: reason });
    if (next) params.set('next', safeNext(next));
    return c.redirect(`/login?${params.toString()}`, 303);
  }
  return errorResponse(c, code, message, headers);
}

// Verified against when the username is unknown, so that both cases take the same time.
let dummyHash: Promise<string> | undefined;

export function loginRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  defineRoute(app, ctx, LOGIN_ROUTES.csrf, (c) => c.json({ csrfToken: issueLoginCsrf(ctx, c) }));

  defineRoute(app, ctx, LOGIN_ROUTES.login, async (c) => {
    if (!hasContentType(c, 'application/x-www-form-urlencoded') && !hasContentType(c, 'multipart/form-data')) {
      throw new AppError('UNSUPPORTED_FORMAT', 'biểu mẫu đăng nhập phải gửi dạng application/x-www-form-urlencoded');
    }
    const raw = await c.req.parseBody();
    const form = validate(s.loginForm, raw);
    const cookieToken = getCookie(c, LOGIN_CSRF_COOKIE);
    if (!cookieToken || !safeEqual(cookieToken, form._csrf)) {
      return loginFailure(c, 'csrf', 'FORBIDDEN', 'thiếu hoặc sai mã chống giả mạo của biểu mẫu đăng nhập; hãy tải lại trang đăng nhập', form.next);
    }
    const username = form.username.trim().toLowerCase();
    const ip = c.get('ip');
    const key = loginKey(username, ip);
    const nowMs = ctx.now().getTime();
    const wait = ctx.loginLimiter.retryAfterMs(key, nowMs);
    if (wait > 0) {
      await logAction(ctx, c, 'login.blocked', `user:${username}`, { username }, null);
      const seconds = Math.ceil(wait / 1000);
      return loginFailure(c, 'rate', 'RATE_LIMITED', `đăng nhập sai quá nhiều lần; hãy thử lại sau ${Math.ceil(seconds / 60)} phút`, form.next, {
        'Retry-After': String(seconds),
      });
    }
    const found = await findUserCredentials(ctx.db, username);
    const ok = found
      ? await verifyPassword(form.password, found.passwordHash)
      : await verifyPassword(form.password, await (dummyHash ??= hashPassword(randomToken(), DEFAULT_SCRYPT))).then(() => false);
    if (!found || !ok || found.user.disabled) {
      ctx.loginLimiter.recordFailure(key, nowMs);
      await logAction(ctx, c, 'login.failure', `user:${username}`, { username, reason: found?.user.disabled ? 'disabled' : 'credentials' }, null);
      return loginFailure(c, 'invalid', 'UNAUTHENTICATED', 'sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khóa', form.next);
    }
    ctx.loginLimiter.recordSuccess(key);
    const { cookie, session } = await startSession(ctx.db, found.user, {
      now: ctx.now(),
      ttlMs: ctx.sessionTtlMs,
      ip,
      userAgent: c.req.header('user-agent') ?? null,
    });
    setCookie(c, SESSION_COOKIE, cookie, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(ctx, c),
      path: '/',
      expires: new Date(session.expiresAt),
    });
    deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/login' });
    await logAction(ctx, c, 'login', `user:${found.user.username}`, undefined, found.user.username);
    return c.redirect(safeNext(form.next), 303);
  });

  defineRoute(app, ctx, LOGIN_ROUTES.logout, async (c) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) await endSession(ctx.db, cookie, ctx.now());
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    await logAction(ctx, c, 'logout', `user:${c.get('user').username}`);
    return c.redirect('/login', 303);
  });

  defineRoute(app, ctx, LOGIN_ROUTES.session, (c) => {
    const session = c.get('session');
    return c.json({ user: presentUser(c.get('user')), authVia: c.get('authVia'), csrfToken: session?.csrfToken ?? null });
  });
  return app;
}
