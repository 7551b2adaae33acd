import type { Context } from 'hono';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { auditListStats, listApiTokens } from '../../../store/index.js';
import type { AppEnv, ServerContext } from '../../app-env.js';
import { AppError } from '../../../domain/index.js';
import { logAction } from '../../audit-trail.js';
import { can, changePassword, createToken, listVisibleAudits, loginKey, resolveSession, SESSION_COOKIE } from '../../auth/index.js';
import { asSentence } from '../format.js';
import { idParam, validate } from '../../request.js';
import { issueLoginCsrf, revokeTokenFor, safeNext } from '../../routes/index.js';
import { pageSession } from '../page-auth.js';
import { renderHtml } from '../render.js';
import { AccountPage } from './account-page.js';
import { HomePage, type CreateFormState } from './home-page.js';
import { LoginPage } from './login-page.js';

export { areaLabel } from './area-label.js';

/**
 * Renders the home page (audit list + create form) for the signed-in user; POST /audits uses it to
 * show a refused form again with its message.
 */
export async function renderHome(ctx: ServerContext, c: Context<AppEnv>, form?: CreateFormState, status: 200 | 400 | 403 | 409 | 422 = 200): Promise<Response> {
  const user = c.get('user');
  const audits = await listVisibleAudits(ctx.db, user);
  const stats = await auditListStats(
    ctx.db,
    audits.map((a) => a.id),
  );
  const items = audits.map((audit) => ({ audit, findings: stats.get(audit.id)?.findings ?? 0, latestRun: stats.get(audit.id)?.latestRun ?? null }));
  return renderHtml(c, <HomePage c={c} items={items} canCreate={can(user.role, 'audit:create')} {...(form ? { form } : {})} />, status);
}

async function renderAccount(
  ctx: ServerContext,
  c: Context<AppEnv>,
  extra: { newToken?: string; message?: string; passwordError?: string } = {},
  status: 200 | 422 | 429 = 200,
): Promise<Response> {
  const tokens = await listApiTokens(ctx.db, c.get('user').id);
  return renderHtml(c, <AccountPage c={c} tokens={tokens} {...extra} />, status);
}

const passwordForm = z.object({ current: z.string().max(200), next: z.string().max(1000), repeat: z.string().max(1000) });

const tokenForm = z.object({ name: z.string().trim().max(100).optional() });

/** Pages: login page, home (audit list + create form), account page. */
export function shellPages(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/login', async (c) => {
    const next = safeNext(c.req.query('next'));
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie && (await resolveSession(ctx.db, cookie, ctx.now()))) return c.redirect(next, 303);
    const csrf = issueLoginCsrf(ctx, c);
    return renderHtml(c, <LoginPage c={c} csrf={csrf} next={next} error={c.req.query('error')} />);
  });

  app.get('/', pageSession(ctx), (c) => renderHome(ctx, c));

  app.get('/account', pageSession(ctx), (c) => {
    const done = c.req.query('done');
    return renderAccount(ctx, c, done === 'revoked' ? { message: 'Đã thu hồi mã truy cập.' } : {});
  });

  // Wrong current passwords count against the same limit as failed logins (it is a password guess).
  app.post('/account/password', pageSession(ctx), async (c) => {
    const form = validate(passwordForm, await c.req.parseBody());
    const user = c.get('user');
    const key = loginKey(user.username, c.get('ip'));
    const nowMs = ctx.now().getTime();
    const wait = ctx.loginLimiter.retryAfterMs(key, nowMs);
    if (wait > 0) {
      return renderAccount(ctx, c, { passwordError: `Nhập sai mật khẩu quá nhiều lần; hãy thử lại sau ${Math.ceil(wait / 60_000)} phút.` }, 429);
    }
    try {
      const { sessionsRevoked } = await changePassword(ctx.db, user, { ...form, keepSessionId: c.get('session')?.id ?? null, now: ctx.now() });
      ctx.loginLimiter.recordSuccess(key);
      await logAction(ctx, c, 'user.password', `user:${user.username}`, { sessionsRevoked });
      const others = sessionsRevoked > 0 ? ` ${sessionsRevoked} phiên đăng nhập khác đã bị đăng xuất.` : '';
      return renderAccount(ctx, c, { message: `Đã đổi mật khẩu.${others}` });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'UNAUTHENTICATED') ctx.loginLimiter.recordFailure(key, nowMs);
      return renderAccount(ctx, c, { passwordError: asSentence(error.message) }, 422);
    }
  });

  app.post('/account/tokens', pageSession(ctx), async (c) => {
    const form = validate(tokenForm, await c.req.parseBody());
    const user = c.get('user');
    const { token } = await createToken(ctx.db, { username: user.username, name: form.name || null, actor: user.username, ip: c.get('ip'), now: ctx.now() });
    return renderAccount(ctx, c, { newToken: token });
  });

  app.post('/account/tokens/:id/revoke', pageSession(ctx), async (c) => {
    await revokeTokenFor(ctx, c, idParam(c));
    return c.redirect('/account?done=revoked', 303);
  });
  return app;
}
