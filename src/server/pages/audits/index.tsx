import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../../app-env.js';

/** Pages: audit dashboard, runs, downloads. */
export function auditPages(ctx: ServerContext): Hono<AppEnv> {
  void ctx;
  return new Hono<AppEnv>();
}
