const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * An instant as the wall-clock time in Vietnam (UTC+7, no daylight saving), expressed as the UTC-based
 * Date exceljs writes: Excel cells have no time zone, and readers expect Vietnamese time.
 */
export function vietnamWallClock(instant: Date): Date {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS);
}

/**
 * The calendar day in Vietnam of an ISO date or date-time, as a UTC-midnight Date for a dd/mm/yyyy cell;
 * null when the text is no date.
 * @example vietnamDay('2020-05-31T20:00:00Z') // 2020-06-01T00:00:00Z
 */
export function vietnamDay(iso: string | null): Date | null {
  if (iso === null) return null;
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const local = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? instant : vietnamWallClock(instant);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}
