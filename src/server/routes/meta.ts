import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppEnv, ServerContext } from '../app-env.js';
import { buildOpenApi } from '../openapi.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';

export const META_ROUTES = {
  health: {
    method: 'get',
    path: '/healthz',
    summary: 'Máy chủ và cơ sở dữ liệu hoạt động',
    tag: 'meta',
    auth: 'none',
    response: { status: 200, schema: z.object({ status: z.literal('ok') }), description: 'hoạt động' },
  },
  version: {
    method: 'get',
    path: '/api/version',
    summary: 'Tên và phiên bản dịch vụ',
    tag: 'meta',
    auth: 'none',
    response: { status: 200, schema: z.object({ name: z.string(), version: z.string() }), description: 'phiên bản' },
  },
  openapi: {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'Tài liệu OpenAPI sinh từ lược đồ của các tuyến',
    tag: 'meta',
    auth: 'none',
    response: { status: 200, description: 'tài liệu OpenAPI 3.1', contentType: 'application/json' },
  },
} as const satisfies Record<string, RouteSpec>;

export function metaRoutes(ctx: ServerContext, allSpecs: () => readonly RouteSpec[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  defineRoute(app, ctx, META_ROUTES.health, async (c) => {
    await sql`select 1`.execute(ctx.db);
    return c.json({ status: 'ok' as const });
  });
  defineRoute(app, ctx, META_ROUTES.version, (c) => c.json({ name: 'ansinh-audit', version: ctx.version }));
  let document: unknown;
  defineRoute(app, ctx, META_ROUTES.openapi, (c) => {
    document ??= buildOpenApi(allSpecs(), { title: 'ansinh-audit API', version: ctx.version });
    return c.json(document);
  });
  return app;
}
