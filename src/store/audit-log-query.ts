import type { AuditLogEntry } from './account-rows.js';
import { toAuditLogEntry } from './audit-log.js';
import type { Db } from './schema.js';

/** Filters of the audit-log page and its CSV export (all optional; times are ISO instants). */
export interface AuditLogQuery {
  /** Exact username. */
  actor?: string;
  /** Exact action, or a prefix when it ends with "." (e.g. "user." for every user change). */
  action?: string;
  /** Entries at or after this instant. */
  from?: string;
  /** Entries before this instant. */
  before?: string;
  limit?: number;
  offset?: number;
}

/** Audit-log entries matching `query`, newest first, with the total before paging. */
export async function queryAuditLog(db: Db, query: AuditLogQuery = {}): Promise<{ total: number; items: AuditLogEntry[] }> {
  let base = db.selectFrom('audit_log');
  if (query.actor) base = base.where('actor', '=', query.actor);
  if (query.action?.endsWith('.')) base = base.where('action', 'like', `${query.action.replace(/[%_]/g, '')}%`);
  else if (query.action) base = base.where('action', '=', query.action);
  if (query.from) base = base.where('at', '>=', query.from);
  if (query.before) base = base.where('at', '<', query.before);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  let rows = base.selectAll().orderBy('id', 'desc');
  if (query.limit !== undefined || query.offset) rows = rows.limit(query.limit ?? Number.MAX_SAFE_INTEGER);
  if (query.offset) rows = rows.offset(query.offset);
  return { total: Number(total?.n ?? 0), items: (await rows.execute()).map(toAuditLogEntry) };
}

/** The distinct actions in the log, for the filter's choices. */
export async function listAuditLogActions(db: Db): Promise<string[]> {
  return (await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute()).map((r) => r.action);
}
