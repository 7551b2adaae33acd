import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { AppError, ERROR_CODES, type ErrorCode } from '../domain/index.js';

/**
 * Codes only the HTTP layer produces, on top of the product's ErrorCode table. (Candidates for
 * src/domain/errors.ts: VALIDATION → 422, RATE_LIMITED → 429.)
 */
const SERVER_ONLY = { VALIDATION: 422, RATE_LIMITED: 429 } as const;

export type HttpErrorCode = ErrorCode | keyof typeof SERVER_ONLY;

/** The one table from error codes to HTTP statuses: the product's codes plus the server-only ones. */
export const HTTP_STATUS: Readonly<Record<HttpErrorCode, number>> = Object.freeze({
  ...(Object.fromEntries(Object.entries(ERROR_CODES).map(([code, v]) => [code, v.http])) as Record<ErrorCode, number>),
  ...SERVER_ONLY,
});

/** An error the HTTP layer raises itself (e.g. a body that fails its schema). */
export class HttpError extends Error {
  constructor(
    readonly code: HttpErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The JSON error body of the API: `{error: {code, message}}` (message in Vietnamese). */
export function errorResponse(c: Context, code: HttpErrorCode, message: string, headers?: Record<string, string>): Response {
  return c.json({ error: { code, message } }, HTTP_STATUS[code] as ContentfulStatusCode, headers);
}

/** Describes zod issues in Vietnamese, naming each field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `trường "${issue.path.join('.')}": ${issue.message}` : issue.message))
    .join('; ');
}

/** Turns anything thrown by a handler into the API's error response; unknown errors become INTERNAL. */
export function toErrorResponse(c: Context, error: unknown): Response {
  if (error instanceof AppError) return errorResponse(c, error.code, error.message);
  if (error instanceof HttpError) return errorResponse(c, error.code, error.message);
  if (error instanceof z.ZodError) return errorResponse(c, 'VALIDATION', describeIssues(error));
  if (error instanceof HTTPException) {
    if (error.status === 413) return errorResponse(c, 'TOO_LARGE', 'dữ liệu gửi lên vượt quá giới hạn cho phép');
    if (error.status === 401) return errorResponse(c, 'UNAUTHENTICATED', 'cần đăng nhập');
    if (error.status === 403) return errorResponse(c, 'FORBIDDEN', 'không có quyền thực hiện thao tác này');
    if (error.status === 404) return errorResponse(c, 'NOT_FOUND', 'không tìm thấy');
    return errorResponse(c, 'BAD_INPUT', 'yêu cầu không hợp lệ');
  }
  return errorResponse(c, 'INTERNAL', 'lỗi máy chủ; vui lòng thử lại hoặc báo quản trị viên');
}
