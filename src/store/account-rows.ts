/** A user role: what a user may do (see src/server/auth/permissions.ts). */
export const USER_ROLES = ['admin', 'inspector', 'monitor', 'auditor'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export function isUserRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}

/** A user account, without its password hash. */
export interface UserRow {
  id: number;
  username: string;
  role: UserRole;
  /** GSO code of the area the user sees (2, 3 or 5 digits); null = nationwide. */
  area: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A live or dead session as stored (the id is the hash of the cookie value). */
export interface SessionRow {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface ApiTokenRow {
  id: number;
  userId: number;
  name: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** One audit-log entry: who did what to which object, when and from where. */
export interface AuditLogEntry {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  detail: unknown;
  ip: string | null;
}

export type JobKind = 'upload' | 'run';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A problem of a background job, located as precisely as known. */
export interface JobError {
  code: string;
  message: string;
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
}

/** A background job started through the service: an upload's ingest or a run of the checks. */
export interface JobRow {
  id: number;
  kind: JobKind;
  auditId: number;
  status: JobStatus;
  progress: number;
  file: string | null;
  role: string | null;
  counts: Record<string, unknown> | null;
  errors: JobError[];
  resultId: number | null;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}
