import { z } from 'zod';
import { AppError } from '../../../domain/index.js';
import type { AuditLogQuery } from '../../../store/index.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD');

/** The audit log's filter as it travels in the query string (the page's form and the CSV link). */
export const auditLogFilter = z.object({
  user: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  from: day.or(z.literal('')).optional(),
  to: day.or(z.literal('')).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
export type AuditLogFilter = z.infer<typeof auditLogFilter>;

/** Start of a calendar day in Vietnam (UTC+7, no daylight saving) as an ISO instant. */
function vietnamDayStart(date: string, addDays = 0): string {
  const start = new Date(`${date}T00:00:00+07:00`);
  if (Number.isNaN(start.getTime())) throw new AppError('BAD_INPUT', `ngày "${date}" không hợp lệ`);
  return new Date(start.getTime() + addDays * 86_400_000).toISOString();
}

/** The store query of a filter: dates are whole days in Vietnam's time, "to" inclusive. */
export function toLogQuery(filter: AuditLogFilter): AuditLogQuery {
  return {
    ...(filter.user ? { actor: filter.user.toLowerCase() } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from ? { from: vietnamDayStart(filter.from) } : {}),
    ...(filter.to ? { before: vietnamDayStart(filter.to, 1) } : {}),
  };
}

/** The filter's query parameters (without the page), for links that keep it. */
export function filterParams(filter: AuditLogFilter): Record<string, string | undefined> {
  return { user: filter.user, action: filter.action, from: filter.from, to: filter.to };
}
