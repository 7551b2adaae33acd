import { PassThrough } from 'node:stream';
import { Hono } from 'hono';
import { z } from 'zod';
import { findingsDocumentFromStore, writeReportFromStore } from '../../pipeline/report-from-store.js';
import { getFinding, listFindings, parseFindingSort, setFindingReview } from '../../store/index.js';
import type { AppEnv, ServerContext } from '../app-env.js';
import { logAction } from '../audit-trail.js';
import { getVisibleAudit, getVisibleFinding } from '../auth/index.js';
import { idParam, readJson, readQuery } from '../request.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';
import * as s from '../schemas.js';
import { presentFinding } from './present.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const FINDING_ROUTES = {
  list: {
    method: 'get',
    path: '/api/audits/:id/findings',
    summary: 'Phát hiện của một cuộc kiểm tra, lọc theo nhóm, quy tắc, mức độ, trạng thái, xã, từ khóa; có phân trang',
    tag: 'findings',
    auth: 'user',
    permission: 'audit:read',
    query: s.findingsQuery,
    response: { status: 200, schema: z.object({ total: z.number().int(), items: z.array(s.finding) }), description: 'tổng số và trang phát hiện' },
  },
  document: {
    method: 'get',
    path: '/api/audits/:id/findings.json',
    summary: 'Tài liệu ansinh.findings/1 của lượt chạy gần nhất, với trạng thái xem xét hiện tại',
    tag: 'findings',
    auth: 'user',
    permission: 'download',
    response: { status: 200, description: 'tài liệu ansinh.findings/1', contentType: 'application/json' },
  },
  report: {
    method: 'get',
    path: '/api/audits/:id/report.xlsx',
    summary: 'Sổ Excel phát hiện (các trang theo CONTRACTS.md)',
    tag: 'findings',
    auth: 'user',
    permission: 'download',
    response: { status: 200, description: 'tệp .xlsx', contentType: XLSX },
  },
  get: {
    method: 'get',
    path: '/api/findings/:id',
    summary: 'Một phát hiện theo mã, trong các cuộc kiểm tra người dùng được xem (trùng mã: cuộc kiểm tra mới nhất)',
    tag: 'findings',
    auth: 'user',
    permission: 'audit:read',
    response: { status: 200, schema: s.finding, description: 'phát hiện' },
  },
  patch: {
    method: 'patch',
    path: '/api/findings/:id',
    summary: 'Đặt trạng thái xem xét và ghi chú; 409 khi phiên bản đã đổi',
    tag: 'findings',
    auth: 'user',
    permission: 'finding:review',
    body: { type: 'json', schema: s.patchFindingBody },
    response: { status: 200, schema: s.finding, description: 'phát hiện sau khi cập nhật' },
  },
} as const satisfies Record<string, RouteSpec>;

/** "ket-qua-<audit id>" file names: ASCII, so every browser keeps them. */
function attachment(name: string): string {
  return `attachment; filename="${name}"`;
}

export function findingRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  defineRoute(app, ctx, FINDING_ROUTES.list, async (c) => {
    const audit = await getVisibleAudit(ctx.db, c.get('user'), idParam(c));
    const q = readQuery(c, s.findingsQuery);
    const result = await listFindings(ctx.db, audit.id, {
      ...(q.category ? { category: q.category } : {}),
      ...(q.rule ? { rule: q.rule } : {}),
      ...(q.severity ? { severity: q.severity } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.commune ? { commune: q.commune } : {}),
      ...(q.q ? { text: q.q } : {}),
      ...(q.sort ? { sort: parseFindingSort(q.sort) } : {}),
      limit: q.limit ?? 100,
      offset: q.offset ?? 0,
    });
    return c.json({ total: result.total, items: result.items.map(presentFinding) });
  });
  defineRoute(app, ctx, FINDING_ROUTES.document, async (c) => {
    const audit = await getVisibleAudit(ctx.db, c.get('user'), idParam(c));
    const document = await findingsDocumentFromStore(ctx.db, { auditId: audit.id, generatedAt: ctx.now() });
    await logAction(ctx, c, 'download', `audit:${audit.id}`, { format: 'findings.json' });
    c.header('Content-Disposition', attachment(`phat-hien-${audit.id}.json`));
    return c.json(document);
  });
  defineRoute(app, ctx, FINDING_ROUTES.report, async (c) => {
    const audit = await getVisibleAudit(ctx.db, c.get('user'), idParam(c));
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeReportFromStore(ctx.db, { auditId: audit.id, out: sink, maskIds: false, generatedAt: ctx.now() });
    sink.end();
    await logAction(ctx, c, 'download', `audit:${audit.id}`, { format: 'report.xlsx' });
    return c.body(new Uint8Array(Buffer.concat(chunks)), 200, {
      'Content-Type': XLSX,
      'Content-Disposition': attachment(`bao-cao-${audit.id}.xlsx`),
    });
  });
  defineRoute(app, ctx, FINDING_ROUTES.get, async (c) => {
    return c.json(presentFinding(await getVisibleFinding(ctx.db, c.get('user'), c.req.param('id') ?? '')));
  });
  defineRoute(app, ctx, FINDING_ROUTES.patch, async (c) => {
    const user = c.get('user');
    const body = await readJson(c, s.patchFindingBody);
    const id = c.req.param('id') ?? '';
    const auditId = body.auditId ?? (await getVisibleFinding(ctx.db, user, id)).auditId;
    await getVisibleAudit(ctx.db, user, auditId);
    const before = await getFinding(ctx.db, auditId, id);
    const updated = await setFindingReview(ctx.db, auditId, id, {
      status: body.status,
      ...(body.note !== undefined ? { note: body.note } : {}),
      reviewer: user.username,
      expectedVersion: body.version,
    });
    await logAction(ctx, c, 'finding.status', `audit:${auditId}/finding:${id}`, {
      from: before?.status ?? null,
      to: updated.status,
      version: updated.version,
    });
    return c.json(presentFinding(updated));
  });
  return app;
}
