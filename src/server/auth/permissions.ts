import type { UserRole } from '../../store/index.js';

/** Everything a request can ask to do; each route names the one it needs. */
export type Permission = 'audit:read' | 'audit:create' | 'upload' | 'run' | 'finding:review' | 'download' | 'user:manage';

/**
 * Who may do what. Inspectors create audits, upload, run checks and download; monitors read and
 * review findings of their area; auditors only read and download; admins manage users (and, being
 * nationwide, may do everything else too).
 */
export const PERMISSIONS: Readonly<Record<UserRole, readonly Permission[]>> = {
  admin: ['audit:read', 'audit:create', 'upload', 'run', 'finding:review', 'download', 'user:manage'],
  inspector: ['audit:read', 'audit:create', 'upload', 'run', 'download'],
  monitor: ['audit:read', 'finding:review', 'download'],
  auditor: ['audit:read', 'download'],
};

export function can(role: UserRole, permission: Permission): boolean {
  return PERMISSIONS[role].includes(permission);
}

/** Vietnamese names of the roles, for messages and pages. */
export const USER_ROLE_LABELS: Readonly<Record<UserRole, string>> = {
  admin: 'Quản trị',
  inspector: 'Thanh tra',
  monitor: 'Giám sát (MTTQ)',
  auditor: 'Kiểm toán',
};
