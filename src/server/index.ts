export type { AppDeps, AppEnv, ServerContext } from './app-env.js';
export { createApp, DEFAULT_MAX_UPLOAD_BYTES } from './create-app.js';
export { startServer, type RunningServer, type StartServerOptions } from './start-server.js';
export { JobQueue } from './jobs/job-queue.js';
export { jsonLineLogger, silentLogger, type Logger } from './logger.js';
export { HTTP_STATUS, type HttpErrorCode } from './errors.js';
export { issueLoginCsrf, LOGIN_CSRF_COOKIE, ALL_ROUTE_SPECS } from './routes/index.js';
export { addUser, createToken, CSRF_FIELD, CSRF_HEADER, SESSION_COOKIE, USER_ROLE_LABELS, can, type Permission } from './auth/index.js';
