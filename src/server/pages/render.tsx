import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { AppError } from '../../domain/index.js';
import type { AppEnv } from '../app-env.js';
import { describeIssues, HTTP_STATUS, HttpError } from '../errors.js';
import { Layout } from './layout.js';

/** Sends a full HTML document (doctype + the element) with the given status. */
export async function renderHtml(c: Context, element: Child, status: ContentfulStatusCode = 200): Promise<Response> {
  const body = await Promise.resolve(element === null || element === undefined ? '' : (element as { toString(): string | Promise<string> }).toString());
  return c.html(`<!DOCTYPE html>${body}`, status, { 'Cache-Control': 'no-store' });
}

const ERROR_TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Cần đăng nhập',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  409: 'Dữ liệu đã thay đổi',
  413: 'Tệp quá lớn',
  415: 'Định dạng không được hỗ trợ',
  422: 'Dữ liệu không hợp lệ',
  429: 'Quá nhiều yêu cầu',
  500: 'Lỗi máy chủ',
};

/** An HTML error page in the site's layout (the signed-in user's menu when there is one). */
export function renderErrorPage(c: Context<AppEnv>, status: number, message: string): Promise<Response> {
  const title = ERROR_TITLES[status] ?? 'Lỗi';
  return renderHtml(
    c,
    <Layout c={c} title={title}>
      <h1>{title}</h1>
      <p role="alert" class="error">
        {message}
      </p>
      <p>
        <a href="/">Về trang chủ</a>
      </p>
    </Layout>,
    status as ContentfulStatusCode,
  );
}

/** The pages' error handler: AppError/HttpError/zod errors become an HTML page with their status. */
export function pageErrorHandler(error: Error, c: Context<AppEnv>): Promise<Response> {
  if (error instanceof AppError) return renderErrorPage(c, HTTP_STATUS[error.code], error.message);
  if (error instanceof HttpError) return renderErrorPage(c, HTTP_STATUS[error.code], error.message);
  if (error instanceof z.ZodError) return renderErrorPage(c, 422, describeIssues(error));
  console.error(error);
  return renderErrorPage(c, 500, 'Đã có lỗi ở máy chủ. Vui lòng thử lại hoặc báo quản trị viên.');
}
