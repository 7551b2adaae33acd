import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { AppEnv, ServerContext } from './app-env.js';
import { authenticate, requirePermission } from './auth/authenticate.js';
import type { Permission } from './auth/index.js';

/**
 * What a route is, as data: method, path, who may call it and the zod schemas of its body, query and
 * response. Routes are registered only through {@link defineRoute}, and the OpenAPI document is
 * generated from the same specs, so the two cannot drift apart.
 */
export interface RouteSpec {
  readonly method: 'get' | 'post' | 'patch' | 'delete';
  /** Hono path syntax (`/api/audits/:id`). */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** 'none' = public; 'user' = session or Bearer token (CSRF checked for sessions on unsafe methods). */
  readonly auth: 'none' | 'user';
  readonly permission?: Permission;
  readonly body?: { readonly type: 'json' | 'multipart' | 'form'; readonly schema: z.ZodType };
  readonly query?: z.ZodObject;
  readonly response: { readonly status: number; readonly schema?: z.ZodType; readonly contentType?: string; readonly description: string };
}

/** Registers `handler` for `spec` on `app`, behind authentication and the permission check the spec names. */
export function defineRoute(
  app: Hono<AppEnv>,
  ctx: ServerContext,
  spec: RouteSpec,
  handler: (c: Context<AppEnv>) => Promise<Response> | Response,
): void {
  const middleware: MiddlewareHandler<AppEnv>[] = [];
  if (spec.auth === 'user') middleware.push(authenticate(ctx));
  if (spec.permission) middleware.push(requirePermission(spec.permission));
  app.on([spec.method.toUpperCase()], [spec.path], ...middleware, handler);
}
