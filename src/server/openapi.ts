import { z } from 'zod';
import type { RouteSpec } from './route-spec.js';
import { errorBody } from './schemas.js';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, { unrepresentable: 'any', io }) as Json;
  delete out['$schema'];
  return out;
}

/** `/api/audits/:id` → `/api/audits/{id}` and the names of the path parameters. */
function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: converted, params };
}

function requestBody(spec: RouteSpec): Json | undefined {
  if (!spec.body) return undefined;
  const schema = jsonSchema(spec.body.schema, 'input');
  if (spec.body.type === 'json') return { required: true, content: { 'application/json': { schema } } };
  if (spec.body.type === 'form') return { required: true, content: { 'application/x-www-form-urlencoded': { schema } } };
  // Files are binary strings in OpenAPI; zod cannot say so itself.
  const properties = { ...((schema['properties'] as Json | undefined) ?? {}) };
  if ('file' in properties) properties['file'] = { type: 'array', items: { type: 'string', format: 'binary' } };
  return { required: true, content: { 'multipart/form-data': { schema: { ...schema, properties } } } };
}

const ERROR_STATUSES: Record<string, string> = {
  '400': 'yêu cầu không hợp lệ',
  '401': 'chưa đăng nhập / mã truy cập không hợp lệ',
  '403': 'không có quyền hoặc thiếu mã CSRF',
  '404': 'không tồn tại hoặc ngoài địa bàn của người dùng',
  '409': 'xung đột (trùng tên, phiên bản đã đổi, chưa chạy kiểm tra)',
  '413': 'dữ liệu quá lớn',
  '415': 'kiểu nội dung không được hỗ trợ',
  '422': 'nội dung không đúng lược đồ',
};

/**
 * The OpenAPI 3.1 document of the service, generated from the route specs (the same zod schemas
 * the handlers validate with), so it lists every route that exists and nothing else.
 */
export function buildOpenApi(specs: readonly RouteSpec[], info: { title: string; version: string }): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const spec of specs) {
    const { path, params } = openApiPath(spec.path);
    const parameters: Json[] = params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    if (spec.query) {
      for (const [name, field] of Object.entries(spec.query.shape)) {
        parameters.push({ name, in: 'query', required: !(field as z.ZodType).safeParse(undefined).success, schema: jsonSchema(field as z.ZodType, 'input') });
      }
    }
    const ok: Json = { description: spec.response.description };
    if (spec.response.schema) ok['content'] = { 'application/json': { schema: jsonSchema(spec.response.schema, 'output') } };
    else if (spec.response.contentType) ok['content'] = { [spec.response.contentType]: {} };
    const responses: Json = { [String(spec.response.status)]: ok };
    for (const [status, description] of Object.entries(ERROR_STATUSES)) {
      responses[status] = { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    const body = requestBody(spec);
    (paths[path] ??= {})[spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.auth === 'user' ? { security: [{ bearer: [] }, { session: [] }] } : { security: [] }),
      ...(spec.permission ? { 'x-permission': spec.permission } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(body ? { requestBody: body } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBody, 'output') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'mã truy cập API (npm run ansinh -- token create)' },
        session: { type: 'apiKey', in: 'cookie', name: 'ansinh_session', description: 'phiên đăng nhập; yêu cầu ghi cần tiêu đề X-CSRF-Token' },
      },
    },
  };
}
