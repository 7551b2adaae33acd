import { serve, type ServerType } from '@hono/node-server';
import { loadConfig, type Config } from '../config/index.js';
import { AppError } from '../domain/index.js';
import { countUsers, deleteExpiredSessions, failInterruptedJobs, removeAbandonedUploads, openDb, type DbHandle } from '../store/index.js';
import type { AppDeps } from './app-env.js';
import { addUser } from './auth/index.js';
import { createApp } from './create-app.js';
import { loadDemoAudit, type DemoAuditOptions } from './demo-audit.js';
import { JobQueue } from './jobs/job-queue.js';
import { jsonLineLogger, type Logger } from './logger.js';

export interface StartServerOptions {
  /** Default: loadConfig() (ANSINH_DB / DATABASE_URL / PORT). */
  readonly config?: Readonly<Config>;
  /** Overrides config.port; 0 picks a free port. */
  readonly port?: number;
  readonly hostname?: string;
  readonly logger?: Logger;
  /** Where the one-time admin password is printed. Default: stdout. */
  readonly out?: NodeJS.WritableStream;
  readonly limits?: AppDeps['limits'];
  readonly secureCookies?: boolean;
  /** Load the bundled samples into a demo audit when the database has none (`npm start`). */
  readonly demo?: Pick<DemoAuditOptions, 'samplesDir' | 'reportsDir'>;
  /** How long close() waits for running jobs before marking them interrupted. Default 30 s. */
  readonly shutdownTimeoutMs?: number;
}

export interface RunningServer {
  readonly port: number;
  readonly handle: DbHandle;
  /** The background job queue (uploads, runs) the app uses. */
  readonly jobs: JobQueue;
  /**
   * Stops accepting requests, waits (bounded) for running and queued jobs, marks those still
   * unfinished as interrupted (to be sent again), closes open connections and the database.
   */
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it), fails jobs a previous process left unfinished, loads the demo
 * audit when asked and the database has none, creates the first admin with a generated one-time
 * password when there are no users (printed once, never a default password), and serves
 * {@link createApp} over HTTP.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const out = options.out ?? process.stdout;
  const handle = await openDb(config.databaseUrl ? { postgresUrl: config.databaseUrl } : { sqlitePath: config.sqlitePath });
  try {
    const startedAt = new Date().toISOString();
    await failInterruptedJobs(handle.db, startedAt, 'máy chủ đã khởi động lại khi công việc chưa xong; hãy gửi lại');
    // Rows of uploads a dead process left half-written were never visible; free their space and file hash.
    await removeAbandonedUploads(handle.db);
    await deleteExpiredSessions(handle.db, startedAt);
    // The demo first, so that the one-time password is printed last, just above the address.
    if (options.demo) await loadDemoAudit(handle.db, { ...options.demo, out });
    if ((await countUsers(handle.db)) === 0) {
      const { user, password } = await addUser(handle.db, { username: 'admin', role: 'admin', area: null, actor: 'system' });
      out.write(
        `Chưa có người dùng nào: đã tạo tài khoản quản trị "${user.username}" với mật khẩu dùng một lần:\n\n    ${password}\n\n` +
          'Mật khẩu này chỉ hiện một lần; hãy đăng nhập, đổi mật khẩu ở trang Tài khoản (/account) và tạo tài khoản cho từng người dùng.\n',
      );
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  const jobs = new JobQueue();
  const app = createApp({
    db: handle.db,
    config,
    jobs,
    logger: options.logger ?? jsonLineLogger,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.secureCookies !== undefined ? { secureCookies: options.secureCookies } : {}),
  });
  const listenPort = options.port ?? config.port;
  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: listenPort, ...(options.hostname ? { hostname: options.hostname } : {}) }, () => {
        s.off('error', reject);
        resolve(s);
      });
      s.once('error', reject);
    });
  } catch (error) {
    await handle.close();
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw new AppError(
      inUse ? 'CONFLICT' : 'INTERNAL',
      inUse ? `cổng ${listenPort} đang được một chương trình khác dùng; hãy chọn cổng khác (PORT hoặc --port)` : `không mở được cổng ${listenPort}: ${String(error)}`,
      undefined,
      { cause: error },
    );
  }
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : listenPort;
  let closing: Promise<void> | undefined;
  return {
    port,
    handle,
    jobs,
    close: () => (closing ??= shutDown(server, jobs, handle, options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS)),
  };
}

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 30_000;

async function shutDown(server: ServerType, jobs: JobQueue, handle: DbHandle, timeoutMs: number): Promise<void> {
  const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
  const http = server as Partial<Pick<import('node:http').Server, 'closeIdleConnections' | 'closeAllConnections'>>;
  http.closeIdleConnections?.();
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    jobs.idle().then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (!finished) {
    await failInterruptedJobs(handle.db, new Date().toISOString(), 'máy chủ đã dừng khi công việc chưa xong; hãy gửi lại');
  }
  // Requests still open (a progress page polling, a slow download) are cut once the jobs are settled.
  http.closeAllConnections?.();
  await stopped;
  await handle.close();
}
