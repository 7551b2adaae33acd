import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../../app-env.js';

/** Pages: findings list, bulk status, case page. */
export function findingPages(ctx: ServerContext): Hono<AppEnv> {
  void ctx;
  return new Hono<AppEnv>();
}
