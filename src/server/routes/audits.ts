import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../domain/index.js';
import { listPackages } from '../../rules/index.js';
import { createAudit, type AuditRow } from '../../store/index.js';
import type { AppEnv, ServerContext } from '../app-env.js';
import { logAction } from '../audit-trail.js';
import { areaContains, assertKnownArea, getVisibleAudit, listVisibleAudits } from '../auth/index.js';
import { HttpError } from '../errors.js';
import { idParam, readJson } from '../request.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';
import * as s from '../schemas.js';
import { presentAudit } from './present.js';

export const AUDIT_ROUTES = {
  create: {
    method: 'post',
    path: '/api/audits',
    summary: 'Tạo cuộc kiểm tra cho một địa bàn thuộc phạm vi của người dùng',
    tag: 'audits',
    auth: 'user',
    permission: 'audit:create',
    body: { type: 'json', schema: s.createAuditBody },
    response: { status: 201, schema: s.audit, description: 'cuộc kiểm tra vừa tạo' },
  },
  list: {
    method: 'get',
    path: '/api/audits',
    summary: 'Các cuộc kiểm tra thuộc địa bàn của người dùng, mới nhất trước',
    tag: 'audits',
    auth: 'user',
    permission: 'audit:read',
    response: { status: 200, schema: z.object({ items: z.array(s.audit) }), description: 'danh sách' },
  },
  get: {
    method: 'get',
    path: '/api/audits/:id',
    summary: 'Một cuộc kiểm tra',
    tag: 'audits',
    auth: 'user',
    permission: 'audit:read',
    response: { status: 200, schema: s.audit, description: 'cuộc kiểm tra' },
  },
} as const satisfies Record<string, RouteSpec>;

/**
 * Creates an audit for the signed-in user (API and pages): the area must be a known GSO code within
 * the user's own area and the package must exist. Logged as `audit.create`.
 */
export async function createAuditFor(ctx: ServerContext, c: Context<AppEnv>, body: z.infer<typeof s.createAuditBody>): Promise<AuditRow> {
  const user = c.get('user');
  try {
    assertKnownArea(body.area);
  } catch (error) {
    throw new HttpError('VALIDATION', error instanceof Error ? error.message : String(error));
  }
  if (!areaContains(user.area, body.area)) {
    throw new AppError('FORBIDDEN', `địa bàn "${body.area}" nằm ngoài phạm vi của bạn (${user.area ?? 'toàn quốc'})`);
  }
  if (!listPackages().includes(body.package)) {
    throw new HttpError('VALIDATION', `không có gói chính sách "${body.package}" (các gói hiện có: ${listPackages().join(', ')})`);
  }
  const audit = await createAudit(ctx.db, { name: body.name, area: body.area, packageId: body.package, createdBy: user.username });
  await logAction(ctx, c, 'audit.create', `audit:${audit.id}`, { name: audit.name, area: audit.area, package: audit.packageId });
  return audit;
}

export function auditRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  defineRoute(app, ctx, AUDIT_ROUTES.create, async (c) => {
    const audit = await createAuditFor(ctx, c, await readJson(c, s.createAuditBody));
    return c.json(presentAudit(audit), 201);
  });
  defineRoute(app, ctx, AUDIT_ROUTES.list, async (c) => {
    const audits = await listVisibleAudits(ctx.db, c.get('user'));
    return c.json({ items: audits.map(presentAudit) });
  });
  defineRoute(app, ctx, AUDIT_ROUTES.get, async (c) => {
    return c.json(presentAudit(await getVisibleAudit(ctx.db, c.get('user'), idParam(c))));
  });
  return app;
}
