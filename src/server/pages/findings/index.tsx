import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError, REVIEW_STATUSES, type ReviewStatus } from '../../../domain/index.js';
import {
  applyReviews,
  findingHistory,
  findingStates,
  getFinding,
  listFindingCommunes,
  listFindings,
  loadSourceRecords,
  setFindingReview,
  type AuditRow,
  type StoredFinding,
} from '../../../store/index.js';
import type { AppEnv, ServerContext } from '../../app-env.js';
import { logAction } from '../../audit-trail.js';
import { can, getVisibleAudit } from '../../auth/index.js';
import { idParam } from '../../request.js';
import { withQuery } from '../format.js';
import { pagePermission, pageSession } from '../page-auth.js';
import { renderHtml } from '../render.js';
import { CasePage, type CasePageProps } from './case-page.js';
import { FindingsListPage } from './list-page.js';
import { listParams, PAGE_SIZE, readListQuery, storeFilter } from './list-query.js';

/** Most findings one bulk change may name (a page shows 100). */
const MAX_BULK = 1000;

type FormBody = Record<string, string | File | (string | File)[]>;

function field(body: FormBody, name: string): string | undefined {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

function fields(body: FormBody, name: string): string[] {
  const value = body[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
}

function reviewStatus(value: string | undefined): ReviewStatus {
  if (value !== undefined && (REVIEW_STATUSES as readonly string[]).includes(value)) return value as ReviewStatus;
  throw new AppError('BAD_INPUT', `trạng thái "${value ?? ''}" không hợp lệ`);
}

function findingPath(auditId: number, findingId: string): string {
  return `/audits/${auditId}/findings/${encodeURIComponent(findingId)}`;
}

async function visibleFinding(ctx: ServerContext, c: Context<AppEnv>): Promise<{ audit: AuditRow; finding: StoredFinding }> {
  const audit = await getVisibleAudit(ctx.db, c.get('user'), idParam(c));
  const id = c.req.param('findingId') ?? '';
  const finding = await getFinding(ctx.db, audit.id, id);
  if (!finding) throw new AppError('NOT_FOUND', `không tìm thấy phát hiện "${id}" trong cuộc kiểm tra này`);
  return { audit, finding };
}

async function renderCase(
  ctx: ServerContext,
  c: Context<AppEnv>,
  view: { audit: AuditRow; finding: StoredFinding } & Pick<CasePageProps, 'saved' | 'conflict'>,
  status: 200 | 409 = 200,
): Promise<Response> {
  const { audit, finding } = view;
  const [sources, history] = await Promise.all([
    loadSourceRecords(ctx.db, audit.id, finding.records),
    findingHistory(ctx.db, audit.id, finding.id),
  ]);
  const canReview = can(c.get('user').role, 'finding:review');
  return renderHtml(
    c,
    <CasePage c={c} audit={audit} finding={finding} sources={sources} history={history} canReview={canReview} saved={view.saved ?? false} conflict={view.conflict} />,
    status,
  );
}

/** Pages: findings list, bulk status, case page. */
export function findingPages(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/audits/:id/findings', pageSession(ctx), pagePermission('audit:read'), async (c) => {
    const audit = await getVisibleAudit(ctx.db, c.get('user'), idParam(c));
    const query = readListQuery((name) => c.req.query(name));
    let page = query.page;
    let result = await listFindings(ctx.db, audit.id, storeFilter(query, page));
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    if (page > pages) {
      page = pages;
      result = await listFindings(ctx.db, audit.id, storeFilter(query, page));
    }
    const updated = Number(c.req.query('updated'));
    return renderHtml(
      c,
      <FindingsListPage
        c={c}
        audit={audit}
        query={query}
        page={page}
        pages={pages}
        total={result.total}
        items={result.items}
        communes={await listFindingCommunes(ctx.db, audit.id)}
        canReview={can(c.get('user').role, 'finding:review')}
        updated={Number.isSafeInteger(updated) && updated >= 0 ? updated : undefined}
      />,
    );
  });

  // Registered before the case page's POST, whose :findingId would match "bulk-status" too.
  app.post('/audits/:id/findings/bulk-status', pageSession(ctx), pagePermission('finding:review'), async (c) => {
    const user = c.get('user');
    const audit = await getVisibleAudit(ctx.db, user, idParam(c));
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const status = reviewStatus(field(body, 'status'));
    const ids = fields(body, 'ids');
    if (ids.length > MAX_BULK) throw new AppError('BAD_INPUT', `chỉ được chọn tối đa ${MAX_BULK} phát hiện mỗi lần`);
    // Only findings of this audit: ids of other audits (or made up) are not touched.
    const states = await findingStates(ctx.db, audit.id, ids);
    const changes = [...states].filter(([, state]) => state.status !== status);
    await applyReviews(
      ctx.db,
      audit.id,
      changes.map(([id]) => ({ id, status })),
      user.username,
    );
    for (const [id, before] of changes) {
      await logAction(ctx, c, 'finding.status', `audit:${audit.id}/finding:${id}`, { from: before.status, to: status, version: before.version + 1, bulk: true });
    }
    const back = readListQuery((name) => field(body, `back_${name}`));
    return c.redirect(withQuery(`/audits/${audit.id}/findings`, { ...listParams(back), updated: changes.length }), 303);
  });

  app.get('/audits/:id/findings/:findingId', pageSession(ctx), pagePermission('audit:read'), async (c) => {
    const view = await visibleFinding(ctx, c);
    return renderCase(ctx, c, { ...view, saved: c.req.query('saved') === '1' });
  });

  app.post('/audits/:id/findings/:findingId', pageSession(ctx), pagePermission('finding:review'), async (c) => {
    const user = c.get('user');
    const { audit, finding } = await visibleFinding(ctx, c);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const status = reviewStatus(field(body, 'status'));
    const note = (field(body, 'note') ?? '').replace(/\r\n/g, '\n').trim();
    if (note.length > 2000) throw new AppError('BAD_INPUT', 'ghi chú dài quá 2.000 ký tự');
    const version = Number(field(body, 'version'));
    if (!Number.isSafeInteger(version) || version < 1) throw new AppError('BAD_INPUT', 'thiếu phiên bản của phát hiện; hãy tải lại trang');
    let updated: StoredFinding;
    try {
      updated = await setFindingReview(ctx.db, audit.id, finding.id, { status, note: note === '' ? null : note, reviewer: user.username, expectedVersion: version });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
      const current = (await getFinding(ctx.db, audit.id, finding.id)) ?? finding;
      return renderCase(ctx, c, { audit, finding: current, conflict: { draft: { status, note }, sentVersion: version } }, 409);
    }
    await logAction(ctx, c, 'finding.status', `audit:${audit.id}/finding:${finding.id}`, { from: finding.status, to: updated.status, version: updated.version });
    return c.redirect(`${findingPath(audit.id, finding.id)}?saved=1`, 303);
  });

  return app;
}
