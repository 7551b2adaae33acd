import type { AuditLogEntry } from './account-rows.js';
import type { Db } from './schema.js';

/**
 * Appends one entry to the audit log. There is deliberately no update or delete: the table refuses
 * both (triggers), so the log shows every action as it happened.
 */
export async function appendAuditLog(
  db: Db,
  entry: { at: string; actor: string | null; action: string; target?: string | null; detail?: unknown; ip?: string | null },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? null,
      detail_json: entry.detail === undefined ? null : JSON.stringify(entry.detail),
      ip: entry.ip ?? null,
    })
    .execute();
}

/** Audit-log entries, newest first, optionally of one action. */
export async function listAuditLog(db: Db, filter: { action?: string; limit?: number } = {}): Promise<AuditLogEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc');
  if (filter.action) query = query.where('action', '=', filter.action);
  query = query.limit(filter.limit ?? 1000);
  const rows = await query.execute();
  return rows.map(toAuditLogEntry);
}

/** An audit_log row as an entry (detail parsed). */
export function toAuditLogEntry(r: { id: number; at: string; actor: string | null; action: string; target: string | null; detail_json: string | null; ip: string | null }): AuditLogEntry {
  return {
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    action: r.action,
    target: r.target,
    detail: r.detail_json === null ? null : (JSON.parse(r.detail_json) as unknown),
    ip: r.ip,
  };
}
