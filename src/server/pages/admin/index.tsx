import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../../domain/index.js';
import { findUserByName, listAuditLogActions, listUsers, queryAuditLog } from '../../../store/index.js';
import type { AppEnv, ServerContext } from '../../app-env.js';
import { logAction } from '../../audit-trail.js';
import { addUser } from '../../auth/index.js';
import { readQuery } from '../../request.js';
import { changeUser } from '../../routes/index.js';
import { asSentence } from '../format.js';
import { pagePermission, pageSession } from '../page-auth.js';
import { renderHtml } from '../render.js';
import { auditLogCsv } from './audit-log-csv.js';
import { auditLogFilter, toLogQuery } from './audit-log-filter.js';
import { AuditLogPage } from './audit-log-page.js';
import { UsersPage, type UsersPageProps } from './users-page.js';

const PAGE_SIZE = 50;

function field(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
}

async function renderUsers(ctx: ServerContext, c: Context<AppEnv>, props: Omit<UsersPageProps, 'c' | 'users'> = {}, status: 200 | 409 | 422 = 200): Promise<Response> {
  return renderHtml(c, <UsersPage c={c} users={await listUsers(ctx.db)} {...props} />, status);
}

/** Lock or unlock an account by username (through the same rules as PATCH /api/users/:id). */
async function setDisabled(ctx: ServerContext, c: Context<AppEnv>, disabled: boolean): Promise<Response> {
  const username = (c.req.param('username') ?? '').toLowerCase();
  const user = await findUserByName(ctx.db, username);
  if (!user) throw new AppError('NOT_FOUND', `không có người dùng "${username}"`);
  try {
    await changeUser(ctx, c, user.id, { disabled });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'BAD_INPUT')) return renderUsers(ctx, c, { error: asSentence(error.message) }, 409);
    throw error;
  }
  return renderUsers(ctx, c, { message: disabled ? `Đã khóa tài khoản ${user.username}; mọi phiên đăng nhập của người này đã bị thu hồi.` : `Đã mở khóa tài khoản ${user.username}.` });
}

/** Pages: users, audit log. */
export function adminPages(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const admin = [pageSession(ctx), pagePermission('user:manage')] as const;

  app.get('/admin/users', ...admin, (c) => renderUsers(ctx, c));

  app.post('/admin/users', ...admin, async (c) => {
    const form = (await c.req.parseBody()) as Record<string, unknown>;
    const values = { username: field(form, 'username'), role: field(form, 'role'), area: field(form, 'area') };
    try {
      const { user, password } = await addUser(ctx.db, {
        username: values.username,
        role: values.role,
        area: values.area || null,
        actor: c.get('user').username,
        ip: c.get('ip'),
        now: ctx.now(),
      });
      return renderUsers(ctx, c, { created: { username: user.username, password } });
    } catch (error) {
      if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'BAD_INPUT')) {
        return renderUsers(ctx, c, { error: asSentence(error.message), values }, error.code === 'CONFLICT' ? 409 : 422);
      }
      throw error;
    }
  });

  app.post('/admin/users/:username/disable', ...admin, (c) => setDisabled(ctx, c, true));
  app.post('/admin/users/:username/enable', ...admin, (c) => setDisabled(ctx, c, false));

  app.get('/admin/audit-log', ...admin, async (c) => {
    const filter = readQuery(c, auditLogFilter);
    const query = toLogQuery(filter);
    const counted = await queryAuditLog(ctx.db, { ...query, limit: 0 });
    const pages = Math.max(1, Math.ceil(counted.total / PAGE_SIZE));
    const page = Math.min(filter.page ?? 1, pages);
    const { total, items } = await queryAuditLog(ctx.db, { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const actions = await listAuditLogActions(ctx.db);
    return renderHtml(c, <AuditLogPage c={c} filter={filter} actions={actions} entries={items} total={total} page={page} pages={pages} />);
  });

  app.get('/admin/audit-log.csv', ...admin, async (c) => {
    const filter = readQuery(c, auditLogFilter);
    const { items } = await queryAuditLog(ctx.db, toLogQuery(filter));
    const body = auditLogCsv(items);
    await logAction(ctx, c, 'audit-log.export', null, { filter: { user: filter.user, action: filter.action, from: filter.from, to: filter.to }, rows: items.length });
    const stamp = ctx.now().toISOString().slice(0, 10).replace(/-/g, '');
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="nhat-ky-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    });
  });
  return app;
}
