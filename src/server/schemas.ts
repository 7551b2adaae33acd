import { z } from 'zod';
import { CANONICAL_FIELDS, CATEGORIES, REVIEW_STATUSES, SEVERITIES, type CanonicalField } from '../domain/index.js';
import { USER_ROLES } from '../store/index.js';

/** zod schemas of the API's bodies and answers: validation and the OpenAPI document both use them. */

export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const areaCode = z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, 'mã địa bàn phải là mã tỉnh (2 chữ số), huyện (3) hoặc xã (5)');

export const createAuditBody = z.object({
  name: z.string().trim().min(1).max(200),
  area: areaCode,
  package: z.string().regex(/^[a-z0-9-]+$/),
});

export const audit = z.object({
  id: z.number().int(),
  name: z.string(),
  area: z.string().nullable(),
  package: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const jobError = z.object({
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
});

export const jobStatus = z.enum(['queued', 'running', 'done', 'failed']);

export const uploadJob = z.object({
  id: z.number().int(),
  auditId: z.number().int(),
  file: z.string().nullable(),
  role: z.string().nullable(),
  status: jobStatus,
  progress: z.number(),
  counts: z.record(z.string(), z.unknown()).nullable(),
  errors: z.array(jobError),
  uploadId: z.number().int().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const runJob = z.object({
  id: z.number().int(),
  auditId: z.number().int(),
  status: jobStatus,
  progress: z.number(),
  counts: z.record(z.string(), z.unknown()).nullable(),
  errors: z.array(jobError),
  runId: z.number().int().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const uploadBody = z.object({
  role: z.string().describe('beneficiaries | payouts | register:<kind>'),
  file: z.union([z.instanceof(File), z.array(z.instanceof(File))]).describe('một hoặc nhiều tệp .xlsx/.csv'),
});

/**
 * An explicit column mapping, canonical field → column letter ("C") or exact header text: the upload's
 * optional `mapping` field (JSON text; null or "" = the field is read from no column), with the same meaning as the CLI's --mapping-file and the
 * upload preview's corrected columns. It applies to every sheet of every file of the request.
 */
export const uploadMapping = z.partialRecord(
  z.enum(Object.keys(CANONICAL_FIELDS) as [CanonicalField, ...CanonicalField[]]),
  z.string().trim().max(200).nullable().describe('chữ cột ("C"), tiêu đề cột, hoặc null/"" để không đọc trường này từ cột nào'),
);

export const finding = z.object({
  id: z.string(),
  auditId: z.number().int(),
  rule: z.string(),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  score: z.number(),
  amountAtRisk: z.number(),
  subject: z.object({ name: z.string().nullable(), idNumber: z.string().nullable(), commune: z.string().nullable() }),
  records: z.array(z.object({ role: z.string(), file: z.string(), sheet: z.string(), row: z.number().int() })),
  explanation: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  status: z.enum(REVIEW_STATUSES),
  version: z.number().int(),
  note: z.string().nullable(),
  reviewer: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  resolvedByData: z.boolean(),
});

export const findingsQuery = z.object({
  category: z.enum(CATEGORIES).optional(),
  rule: z.string().regex(/^[A-Z_]+$/).optional(),
  severity: z.enum(SEVERITIES).optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
  commune: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
  sort: z
    .string()
    .regex(/^(severity|amount|score|rule|commune|status)-(asc|desc)$/, 'sort phải có dạng <khóa>-<asc|desc>, khóa: severity, amount, score, rule, commune, status')
    .optional()
    .describe('thứ tự: severity-desc (mặc định), amount-desc, score-desc, rule-asc, commune-asc, status-asc …'),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const patchFindingBody = z.object({
  status: z.enum(REVIEW_STATUSES),
  note: z.string().max(2000).nullable().optional(),
  version: z.number().int().positive(),
  /** Which audit, when the same finding id exists in several audits (default: the most recent visible one). */
  auditId: z.number().int().positive().optional(),
});

export const user = z.object({
  id: z.number().int(),
  username: z.string(),
  role: z.enum(USER_ROLES),
  area: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const createUserBody = z.object({
  username: z.string().min(2).max(64),
  role: z.enum(USER_ROLES),
  area: areaCode.nullable().optional(),
});

export const patchUserBody = z
  .object({ role: z.enum(USER_ROLES).optional(), area: areaCode.nullable().optional(), disabled: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, 'cần ít nhất một trường cần đổi');

export const loginForm = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1000),
  _csrf: z.string().min(1),
  next: z.string().optional(),
});
