import { readdirSync, readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
};

/**
 * Serves the files of `pages/assets/` under /assets/<name>, read once at start (a fixed, small
 * set: nothing user-supplied is ever served from here).
 */
export function assetRoutes(): Hono<AppEnv> {
  const dir = new URL('./assets/', import.meta.url);
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[name.split('.').pop() ?? ''];
    if (type) files.set(name, { body: readFileSync(new URL(name, dir)), type });
  }
  const app = new Hono<AppEnv>();
  app.get('/assets/:name', (c) => {
    const file = files.get(c.req.param('name'));
    if (!file) return c.text('Không tìm thấy tệp', 404);
    return c.body(new Uint8Array(file.body), 200, { 'Content-Type': file.type, 'Cache-Control': 'public, max-age=300' });
  });
  return app;
}
