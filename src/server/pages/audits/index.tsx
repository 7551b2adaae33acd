import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../../domain/index.js';
import { listRecordCommunes, listRuns, listUploads, summarizeFindings } from '../../../store/index.js';
import type { AppEnv, ServerContext } from '../../app-env.js';
import { logAction } from '../../audit-trail.js';
import { getVisibleAudit, getVisibleJob } from '../../auth/index.js';
import { HttpError } from '../../errors.js';
import { acceptRun } from '../../jobs/run-job.js';
import { idParam } from '../../request.js';
import { createAuditFor } from '../../routes/index.js';
import * as s from '../../schemas.js';
import { asSentence } from '../format.js';
import { pagePermission, pageSession } from '../page-auth.js';
import { renderHtml } from '../render.js';
import { renderHome } from '../shell/index.js';
import { DashboardPage } from './dashboard-page.js';
import { postingListResponse } from './posting-list.js';
import { RunPage } from './run-page.js';

function field(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
}

async function createAudit(ctx: ServerContext, c: Context<AppEnv>): Promise<Response> {
  const form = (await c.req.parseBody()) as Record<string, unknown>;
  const values = { name: field(form, 'name'), area: field(form, 'area'), package: field(form, 'package') };
  const parsed = s.createAuditBody.safeParse(values);
  if (!parsed.success) {
    const problems: string[] = [];
    if (!values.name) problems.push('Hãy nhập tên cuộc kiểm tra.');
    else if (values.name.length > 200) problems.push('Tên cuộc kiểm tra dài quá 200 ký tự.');
    if (!/^(\d{2}|\d{3}|\d{5})$/.test(values.area)) problems.push('Địa bàn phải là mã tỉnh (2 chữ số), huyện (3) hoặc xã (5) theo danh mục GSO 2020.');
    if (problems.length === 0) problems.push('Hãy chọn gói hỗ trợ trong danh sách.');
    return renderHome(ctx, c, { error: problems.join(' '), values }, 422);
  }
  try {
    const audit = await createAuditFor(ctx, c, parsed.data);
    return c.redirect(`/audits/${audit.id}`, 303);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'FORBIDDEN' || error.code === 'BAD_INPUT')) {
      return renderHome(ctx, c, { error: asSentence(error.message), values }, error.code === 'FORBIDDEN' ? 403 : 422);
    }
    if (error instanceof HttpError && error.code === 'VALIDATION') return renderHome(ctx, c, { error: asSentence(error.message), values }, 422);
    throw error;
  }
}

/** Pages: audit dashboard, runs, downloads. */
export function auditPages(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/audits', pageSession(ctx), pagePermission('audit:create'), (c) => createAudit(ctx, c));

  app.get('/audits/:id', pageSession(ctx), pagePermission('audit:read'), async (c) => {
    const audit = await getVisibleAudit(ctx.db, c.get('user'), idParam(c));
    const [uploads, runs, summary, communes] = await Promise.all([
      listUploads(ctx.db, audit.id),
      listRuns(ctx.db, audit.id),
      summarizeFindings(ctx.db, audit.id),
      listRecordCommunes(ctx.db, audit.id),
    ]);
    return renderHtml(c, <DashboardPage c={c} audit={audit} uploads={uploads} runs={runs} summary={summary} communes={communes} />);
  });

  app.get('/audits/:id/posting-list.xlsx', pageSession(ctx), pagePermission('download'), async (c) => {
    const audit = await getVisibleAudit(ctx.db, c.get('user'), idParam(c));
    return postingListResponse(ctx, c, audit, (c.req.query('commune') ?? '').trim());
  });

  app.post('/audits/:id/runs', pageSession(ctx), pagePermission('run'), async (c) => {
    const audit = await getVisibleAudit(ctx.db, c.get('user'), idParam(c));
    const job = await acceptRun(ctx, { audit, user: c.get('user') });
    await logAction(ctx, c, 'run', `audit:${audit.id}`, { runJob: job.id });
    return c.redirect(`/runs/${job.id}`, 303);
  });

  app.get('/runs/:id', pageSession(ctx), pagePermission('audit:read'), async (c) => {
    const job = await getVisibleJob(ctx.db, c.get('user'), idParam(c), 'run');
    const audit = await getVisibleAudit(ctx.db, c.get('user'), job.auditId);
    return renderHtml(c, <RunPage c={c} audit={audit} job={job} />);
  });
  return app;
}
