import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../../app-env.js';

/** Pages: login page, home (audit list + create form), account page. */
export function shellPages(ctx: ServerContext): Hono<AppEnv> {
  void ctx;
  return new Hono<AppEnv>();
}
