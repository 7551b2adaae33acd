import type { Context } from 'hono';
import { appendAuditLog } from '../store/index.js';
import type { AppEnv, ServerContext } from './app-env.js';

/**
 * Appends an action of the current request to the audit log: the signed-in user (or `actor`), the
 * time from the app's clock and the client's address.
 */
export async function logAction(
  ctx: ServerContext,
  c: Context<AppEnv>,
  action: string,
  target: string | null,
  detail?: unknown,
  actor?: string | null,
): Promise<void> {
  await appendAuditLog(ctx.db, {
    at: ctx.now().toISOString(),
    actor: actor !== undefined ? actor : (c.get('user')?.username ?? null),
    action,
    target,
    detail,
    ip: c.get('ip') ?? null,
  });
}
