import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../app-env.js';
import { adminPages } from './admin/index.js';
import { assetRoutes } from './assets.js';
import { auditPages } from './audits/index.js';
import { findingPages } from './findings/index.js';
import { pageErrorHandler } from './render.js';
import { shellPages } from './shell/index.js';
import { uploadPages } from './upload/index.js';

export { pageSession, pagePermission } from './page-auth.js';
export { renderErrorPage, renderHtml } from './render.js';

/**
 * The server-rendered pages (hono/jsx, Vietnamese). Mounted after the JSON API; every page route
 * attaches `pageSession(ctx)` itself (never `use('*')`, which would also catch the API's paths).
 * Errors thrown by a page render an HTML error page.
 */
export function pageRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(pageErrorHandler);
  for (const sub of [assetRoutes(), shellPages(ctx), auditPages(ctx), uploadPages(ctx), findingPages(ctx), adminPages(ctx)]) {
    sub.onError(pageErrorHandler);
    app.route('/', sub);
  }
  return app;
}
