import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../../app-env.js';

/** Pages: upload, preview + mapping correction, progress. */
export function uploadPages(ctx: ServerContext): Hono<AppEnv> {
  void ctx;
  return new Hono<AppEnv>();
}
