import { Hono } from 'hono';
import { z } from 'zod';
import { AppError, CANONICAL_FIELDS, parseRole, REGISTER_KINDS } from '../../domain/index.js';
import type { ExplicitMapping } from '../../ingest/index.js';
import type { AppEnv, ServerContext } from '../app-env.js';
import { logAction } from '../audit-trail.js';
import { getVisibleAudit, getVisibleJob } from '../auth/index.js';
import { describeIssues, HttpError } from '../errors.js';
import { acceptUploads, withLiveProgress } from '../jobs/upload-job.js';
import { hasContentType, idParam } from '../request.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';
import * as s from '../schemas.js';
import { presentUploadJob } from './present.js';

export const UPLOAD_ROUTES = {
  create: {
    method: 'post',
    path: '/api/audits/:id/uploads',
    summary: 'Tải lên một hoặc nhiều tệp; mỗi tệp được nạp như một lần tải (tất cả hoặc không) trong nền',
    tag: 'uploads',
    auth: 'user',
    permission: 'upload',
    body: {
      type: 'multipart',
      schema: s.uploadBody.extend({
        mapping: z
          .string()
          .optional()
          .describe(
            'ánh xạ cột tường minh (tùy chọn), JSON {"trường chuẩn": "cột (chữ cái) hoặc đúng tiêu đề cột"}, ví dụ {"fullName": "B", "phone": "H"}; ' +
              `áp dụng cho mọi trang của mọi tệp trong yêu cầu; trường chuẩn: ${Object.keys(CANONICAL_FIELDS).join(', ')}`,
          ),
      }),
    },
    response: { status: 202, schema: z.object({ uploads: z.array(s.uploadJob) }), description: 'các lần tải đã xếp hàng' },
  },
  get: {
    method: 'get',
    path: '/api/uploads/:id',
    summary: 'Trạng thái, tiến độ, số dòng và lỗi (tệp/trang/dòng/cột) của một lần tải',
    tag: 'uploads',
    auth: 'user',
    permission: 'audit:read',
    response: { status: 200, schema: s.uploadJob, description: 'lần tải' },
  },
} as const satisfies Record<string, RouteSpec>;

export function uploadRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  defineRoute(app, ctx, UPLOAD_ROUTES.create, async (c) => {
    const audit = await getVisibleAudit(ctx.db, c.get('user'), idParam(c));
    if (!hasContentType(c, 'multipart/form-data')) {
      throw new AppError('UNSUPPORTED_FORMAT', 'tải tệp lên phải dùng multipart/form-data (trường "role" và một hoặc nhiều trường "file")');
    }
    const form = await c.req.parseBody({ all: true });
    const roleField = form['role'];
    const role = typeof roleField === 'string' ? parseRole(roleField.trim()) : null;
    if (role === null) {
      throw new HttpError(
        'VALIDATION',
        `trường "role" phải là beneficiaries, payouts hoặc register:<loại> (loại: ${REGISTER_KINDS.join(', ')})`,
      );
    }
    const raw = form['file'];
    const files = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((f): f is File => f instanceof File);
    if (files.length === 0) throw new HttpError('VALIDATION', 'cần ít nhất một trường "file" chứa tệp');
    const mapping = parseMappingField(form['mapping']);
    const jobs = await acceptUploads(ctx, { audit, user: c.get('user'), role, files, ...(mapping ? { mapping } : {}) });
    for (const job of jobs) {
      await logAction(ctx, c, 'upload', `audit:${audit.id}`, { uploadJob: job.id, file: job.file, role, ...(mapping ? { mapping } : {}) });
    }
    return c.json({ uploads: jobs.map(presentUploadJob) }, 202);
  });
  defineRoute(app, ctx, UPLOAD_ROUTES.get, async (c) => {
    return c.json(presentUploadJob(withLiveProgress(ctx, await getVisibleJob(ctx.db, c.get('user'), idParam(c), 'upload'))));
  });
  return app;
}

/** The optional `mapping` field: JSON text of {@link s.uploadMapping}; absent or blank → detection only. */
function parseMappingField(raw: unknown): ExplicitMapping | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new HttpError('VALIDATION', 'trường "mapping" phải là một chuỗi JSON, gửi một lần');
  if (raw.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new HttpError('VALIDATION', 'trường "mapping" không phải JSON hợp lệ; ví dụ {"fullName": "B", "idNumber": "D"}');
  }
  const result = s.uploadMapping.safeParse(parsed);
  if (!result.success) throw new HttpError('VALIDATION', `trường "mapping": ${describeIssues(result.error)}`);
  return result.data;
}
