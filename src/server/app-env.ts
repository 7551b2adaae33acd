import type { Context, Hono } from 'hono';
import type { Config } from '../config/index.js';
import type { Db, SessionRow, UserRow } from '../store/index.js';
import type { RateLimitOptions } from './auth/index.js';
import type { LoginRateLimiter } from './auth/index.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { Logger } from './logger.js';

/** What createApp needs; everything but db and config has a default. */
export interface AppDeps {
  readonly db: Db;
  readonly config: Readonly<Config>;
  /** The current time (tests move it to expire sessions). */
  readonly clock?: () => Date;
  readonly jobs?: JobQueue;
  /** One JSON record per request; silent in tests. Default: JSON lines on stdout. */
  readonly logger?: Logger;
  readonly limits?: {
    /** Largest accepted request body, in bytes (uploads). Default 200 MiB. */
    readonly maxUploadBytes?: number;
    readonly sessionTtlMs?: number;
    readonly login?: RateLimitOptions;
  };
  /** Force the cookies' Secure flag; default: set when the request came over https. */
  readonly secureCookies?: boolean;
  /** The client's address for logs, rate limits and the audit log. Default: the socket's address. */
  readonly clientIp?: (c: Context) => string;
  /** Folder for uploaded files while they wait to be ingested. Default: the OS temp folder. */
  readonly tempDir?: string;
  /** Reported by /api/version. */
  readonly version?: string;
  /**
   * More sub-apps mounted after the API (e.g. the hono/jsx pages): each gets the resolved context,
   * so it can use the same database, clock, authentication and job queue.
   */
  readonly extraRoutes?: readonly ((ctx: ServerContext) => Hono<AppEnv>)[];
}

/** The resolved dependencies every route reads. */
export interface ServerContext {
  readonly db: Db;
  readonly config: Readonly<Config>;
  readonly now: () => Date;
  readonly jobs: JobQueue;
  readonly logger: Logger;
  readonly maxUploadBytes: number;
  readonly sessionTtlMs: number;
  readonly loginLimiter: LoginRateLimiter;
  readonly secureCookies: boolean | undefined;
  readonly clientIp: (c: Context) => string;
  readonly tempDir: string;
  readonly version: string;
}

/** Per-request values set by the middleware. */
export interface AppEnv {
  Variables: {
    user: UserRow;
    authVia: 'session' | 'token';
    session: SessionRow | null;
    ip: string;
  };
}
