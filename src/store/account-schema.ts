import type { Generated } from 'kysely';

/**
 * Table types of the accounts migration (users, sessions, API tokens, the append-only audit log and
 * the service's background jobs), column names exactly as in the database.
 */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  role: string;
  /** GSO code of the user's area (province 2, district 3, commune 5 digits); null = nationwide. */
  area: string | null;
  /** `scrypt$N$r$p$salt$hash` (salt and hash base64url): the parameters travel with the hash. */
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** sha256 (hex) of the cookie value: a copy of the database does not yield usable sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string | null;
  /** sha256 (hex) of the token; the token itself is shown once and never stored. */
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  /** Username, or null when nobody is signed in (e.g. a failed login names the attempted user in detail). */
  actor: string | null;
  action: string;
  target: string | null;
  detail_json: string | null;
  ip: string | null;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  audit_id: number;
  status: string;
  progress: number;
  file: string | null;
  role: string | null;
  counts_json: string | null;
  errors_json: string | null;
  /** The stored upload's id (upload jobs) or the run's id (run jobs), once known. */
  result_id: number | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface AccountTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
}
