import { serve, type ServerType } from '@hono/node-server';
import { loadConfig, type Config } from '../config/index.js';
import { countUsers, deleteExpiredSessions, failInterruptedJobs, openDb, type DbHandle } from '../store/index.js';
import type { AppDeps } from './app-env.js';
import { addUser } from './auth/index.js';
import { createApp } from './create-app.js';
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
}

export interface RunningServer {
  readonly port: number;
  readonly handle: DbHandle;
  /** Stops accepting requests, lets queued jobs finish, closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it), fails jobs a previous process left unfinished, creates the
 * first admin with a generated one-time password when there are no users (printed once, never a
 * default password), and serves {@link createApp} over HTTP.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const out = options.out ?? process.stdout;
  const handle = await openDb(config.databaseUrl ? { postgresUrl: config.databaseUrl } : { sqlitePath: config.sqlitePath });
  try {
    const startedAt = new Date().toISOString();
    await failInterruptedJobs(handle.db, startedAt, 'máy chủ đã khởi động lại khi công việc chưa xong; hãy gửi lại');
    await deleteExpiredSessions(handle.db, startedAt);
    if ((await countUsers(handle.db)) === 0) {
      const { user, password } = await addUser(handle.db, { username: 'admin', role: 'admin', area: null, actor: 'system' });
      out.write(
        `Chưa có người dùng nào: đã tạo tài khoản quản trị "${user.username}" với mật khẩu dùng một lần:\n\n    ${password}\n\n` +
          'Mật khẩu này chỉ hiện một lần; hãy đăng nhập và tạo tài khoản cho từng người dùng.\n',
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
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? config.port, ...(options.hostname ? { hostname: options.hostname } : {}) }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? config.port);
  return {
    port,
    handle,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs.idle();
      await handle.close();
    },
  };
}
