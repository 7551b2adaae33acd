import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../../app-env.js';

/** Pages: users, audit log. */
export function adminPages(ctx: ServerContext): Hono<AppEnv> {
  void ctx;
  return new Hono<AppEnv>();
}
