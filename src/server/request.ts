import type { Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../domain/index.js';
import { describeIssues, HttpError } from './errors.js';

const vietnamese = z.locales.vi().localeError;

/** True when the request's Content-Type is `type` (parameters such as charset ignored). */
export function hasContentType(c: Context, type: string): boolean {
  const header = c.req.header('content-type') ?? '';
  return header.split(';')[0]?.trim().toLowerCase() === type;
}

/** Validates `data` with `schema`, zod messages in Vietnamese; VALIDATION (422) on failure. */
export function validate<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data, { error: vietnamese });
  if (!result.success) throw new HttpError('VALIDATION', describeIssues(result.error));
  return result.data;
}

/** The JSON body validated by `schema`: 415 unless JSON, 400 when it does not parse, 422 when it does not fit. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  if (!hasContentType(c, 'application/json')) throw new AppError('UNSUPPORTED_FORMAT', 'nội dung gửi lên phải là JSON (Content-Type: application/json)');
  let data: unknown;
  try {
    data = JSON.parse(await c.req.text());
  } catch {
    throw new AppError('BAD_INPUT', 'nội dung gửi lên không phải JSON hợp lệ');
  }
  return validate(schema, data);
}

/** The query string validated by `schema`; BAD_INPUT (400) when it does not fit. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const result = schema.safeParse(c.req.query(), { error: vietnamese });
  if (!result.success) throw new AppError('BAD_INPUT', `tham số truy vấn không hợp lệ: ${describeIssues(result.error)}`);
  return result.data;
}

/** A positive integer path parameter; NOT_FOUND otherwise (no such object can exist). */
export function idParam(c: Context, name = 'id'): number {
  const raw = c.req.param(name) ?? '';
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND', `không tìm thấy đối tượng số "${raw}"`);
  return id;
}
