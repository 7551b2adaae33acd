import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../app-env.js';
import { logAction } from '../audit-trail.js';
import { getVisibleAudit, getVisibleJob } from '../auth/index.js';
import { acceptRun } from '../jobs/run-job.js';
import { idParam } from '../request.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';
import * as s from '../schemas.js';
import { presentRunJob } from './present.js';

export const RUN_ROUTES = {
  create: {
    method: 'post',
    path: '/api/audits/:id/runs',
    summary: 'Chạy mọi phép kiểm tra của gói chính sách trên dữ liệu đã nạp (trong nền)',
    tag: 'runs',
    auth: 'user',
    permission: 'run',
    response: { status: 202, schema: s.runJob, description: 'lượt chạy đã xếp hàng' },
  },
  get: {
    method: 'get',
    path: '/api/runs/:id',
    summary: 'Trạng thái, tiến độ và số phát hiện của một lượt chạy',
    tag: 'runs',
    auth: 'user',
    permission: 'audit:read',
    response: { status: 200, schema: s.runJob, description: 'lượt chạy' },
  },
} as const satisfies Record<string, RouteSpec>;

export function runRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  defineRoute(app, ctx, RUN_ROUTES.create, async (c) => {
    const audit = await getVisibleAudit(ctx.db, c.get('user'), idParam(c));
    const job = await acceptRun(ctx, { audit, user: c.get('user') });
    await logAction(ctx, c, 'run', `audit:${audit.id}`, { runJob: job.id });
    return c.json(presentRunJob(job), 202);
  });
  defineRoute(app, ctx, RUN_ROUTES.get, async (c) => {
    return c.json(presentRunJob(await getVisibleJob(ctx.db, c.get('user'), idParam(c), 'run')));
  });
  return app;
}
