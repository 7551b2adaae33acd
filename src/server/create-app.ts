import { readFileSync } from 'node:fs';
import os from 'node:os';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv, ServerContext } from './app-env.js';
import { DEFAULT_LOGIN_LIMIT, DEFAULT_SESSION_TTL_MS, LoginRateLimiter } from './auth/index.js';
import { errorResponse, toErrorResponse } from './errors.js';
import { JobQueue } from './jobs/job-queue.js';
import { jsonLineLogger } from './logger.js';
import {
  ALL_ROUTE_SPECS,
  auditRoutes,
  findingRoutes,
  loginRoutes,
  metaRoutes,
  runRoutes,
  tokenRoutes,
  uploadRoutes,
  userRoutes,
} from './routes/index.js';
import { pageRoutes, renderErrorPage } from './pages/index.js';

/** 200 MiB: a province's payout workbook is tens of MiB; larger is almost surely a mistake. */
export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'dev';
  } catch {
    return 'dev';
  }
}

/** The socket's address under @hono/node-server; 'unknown' elsewhere (e.g. app.request in tests). */
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Fills in the defaults of {@link AppDeps}. */
export function resolveContext(deps: AppDeps): ServerContext {
  return {
    db: deps.db,
    config: deps.config,
    now: deps.clock ?? (() => new Date()),
    jobs: deps.jobs ?? new JobQueue(),
    logger: deps.logger ?? jsonLineLogger,
    maxUploadBytes: deps.limits?.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    sessionTtlMs: deps.limits?.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    loginLimiter: new LoginRateLimiter(deps.limits?.login ?? DEFAULT_LOGIN_LIMIT),
    secureCookies: deps.secureCookies,
    clientIp: deps.clientIp ?? socketAddress,
    tempDir: deps.tempDir ?? os.tmpdir(),
    version: deps.version ?? packageVersion(),
  };
}

/**
 * The Hono application of the service: the JSON API under /api, sign-in at /login, /healthz.
 * Tested in-process with `app.request()`; served by {@link startServer}.
 * @example const app = createApp({ db, config: loadConfig(), logger: silentLogger });
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const ctx = resolveContext(deps);
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('ip', ctx.clientIp(c));
    await next();
    ctx.logger.log({
      time: ctx.now().toISOString(),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      user: c.get('user')?.username ?? null,
      auth: c.get('authVia') ?? null,
      ip: c.get('ip'),
    });
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: ctx.maxUploadBytes,
      onError: (c) => errorResponse(c, 'TOO_LARGE', `dữ liệu gửi lên vượt quá giới hạn ${Math.round(ctx.maxUploadBytes / 1024 / 1024)} MiB`),
    }),
  );

  for (const sub of [
    metaRoutes(ctx, () => ALL_ROUTE_SPECS),
    loginRoutes(ctx),
    auditRoutes(ctx),
    uploadRoutes(ctx),
    runRoutes(ctx),
    findingRoutes(ctx),
    userRoutes(ctx),
    tokenRoutes(ctx),
    pageRoutes(ctx),
    ...(deps.extraRoutes ?? []).map((mount) => mount(ctx)),
  ]) {
    app.route('/', sub);
  }

  app.notFound((c) =>
    !c.req.path.startsWith('/api/') && (c.req.header('accept') ?? '').includes('text/html')
      ? renderErrorPage(c, 404, `Không có trang ${c.req.path}.`)
      : errorResponse(c, 'NOT_FOUND', `không có đường dẫn ${c.req.method} ${c.req.path}`),
  );
  app.onError((error, c) => {
    const response = toErrorResponse(c, error);
    if (response.status >= 500) {
      ctx.logger.log({ time: ctx.now().toISOString(), level: 'error', path: c.req.path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
    return response;
  });
  return app;
}
