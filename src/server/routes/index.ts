import type { RouteSpec } from '../route-spec.js';
import { AUDIT_ROUTES } from './audits.js';
import { FINDING_ROUTES } from './findings.js';
import { LOGIN_ROUTES } from './login.js';
import { META_ROUTES } from './meta.js';
import { RUN_ROUTES } from './runs.js';
import { TOKEN_ROUTES } from './tokens.js';
import { UPLOAD_ROUTES } from './uploads.js';
import { USER_ROUTES } from './users.js';

export { auditRoutes, createAuditFor } from './audits.js';
export { findingRoutes } from './findings.js';
export { issueLoginCsrf, LOGIN_CSRF_COOKIE, loginRoutes, safeNext } from './login.js';
export { metaRoutes } from './meta.js';
export { runRoutes } from './runs.js';
export { presentToken, revokeTokenFor, tokenRoutes } from './tokens.js';
export { uploadRoutes } from './uploads.js';
export { changeUser, userRoutes } from './users.js';

/** Every route of the JSON API and session endpoints, as specs (the OpenAPI document's source). */
export const ALL_ROUTE_SPECS: readonly RouteSpec[] = [
  ...Object.values(META_ROUTES),
  ...Object.values(LOGIN_ROUTES),
  ...Object.values(AUDIT_ROUTES),
  ...Object.values(UPLOAD_ROUTES),
  ...Object.values(RUN_ROUTES),
  ...Object.values(FINDING_ROUTES),
  ...Object.values(USER_ROUTES),
  ...Object.values(TOKEN_ROUTES),
];
