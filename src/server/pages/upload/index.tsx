import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { parseRole } from '../../../domain/index.js';
import type { AuditRow } from '../../../store/index.js';
import type { AppEnv, ServerContext } from '../../app-env.js';
import { logAction } from '../../audit-trail.js';
import { getVisibleAudit, getVisibleJob } from '../../auth/index.js';
import { acceptUploads, unsupportedUpload, withLiveProgress, type SavedUpload } from '../../jobs/upload-job.js';
import {
  claimStaging,
  createStaging,
  loadStaging,
  removeStaging,
  stageFile,
  writeManifest,
  type RefusedFile,
  type StagedFile,
} from '../../jobs/upload-staging.js';
import { idParam } from '../../request.js';
import { pagePermission, pageSession } from '../page-auth.js';
import { renderErrorPage, renderHtml } from '../render.js';
import { inspectStaged } from './inspect-staged.js';
import { readMappingChoice } from './mapping-form.js';
import { PreviewPage } from './preview-page.js';
import { ProgressPage } from './progress-page.js';
import { UploadFormPage } from './upload-form-page.js';

/** Files per progress page (the `jobs` query). */
const MAX_JOBS_SHOWN = 50;

function filesOf(form: Record<string, unknown>): File[] {
  const raw = form['file'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  // A form sent with no file chosen carries one empty, nameless part.
  return list.filter((f): f is File => f instanceof File && !(f.name === '' && f.size === 0));
}

/** Pages: upload, preview + mapping correction, progress. */
export function uploadPages(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const audit = (c: Context<AppEnv>): Promise<AuditRow> => getVisibleAudit(ctx.db, c.get('user'), idParam(c));

  app.get('/audits/:id/upload', pageSession(ctx), pagePermission('upload'), async (c) => {
    return renderHtml(c, <UploadFormPage c={c} audit={await audit(c)} />);
  });

  app.post('/audits/:id/upload/preview', pageSession(ctx), pagePermission('upload'), async (c) => {
    const a = await audit(c);
    const form = await c.req.parseBody({ all: true });
    const roleField = typeof form['role'] === 'string' ? form['role'].trim() : '';
    const role = parseRole(roleField);
    const files = filesOf(form);
    const problems = [
      ...(role === null ? ['Hãy chọn loại danh sách.'] : []),
      ...(files.length === 0 ? ['Hãy chọn ít nhất một tệp .xlsx hoặc .csv.'] : []),
    ];
    if (role === null || problems.length > 0) return renderHtml(c, <UploadFormPage c={c} audit={a} role={roleField} errors={problems} />, 422);

    const { id, dir } = await createStaging(ctx);
    const staged: StagedFile[] = [];
    const refused: RefusedFile[] = [];
    try {
      for (const [index, file] of files.entries()) {
        const unsupported = unsupportedUpload(file.name);
        if (unsupported) {
          refused.push({ name: file.name, message: unsupported.message });
          continue;
        }
        const saved = await stageFile(dir, index, file);
        const inspected = await inspectStaged(saved.path, { name: saved.name, folder: saved.folder }, role);
        if ('ok' in inspected) staged.push(inspected.ok);
        else {
          refused.push({ name: saved.name, message: inspected.error });
          await rm(path.dirname(saved.path), { recursive: true, force: true });
        }
      }
      const manifest = { id, username: c.get('user').username, auditId: a.id, role, createdAt: ctx.now().toISOString(), files: staged, refused };
      if (staged.length === 0) await removeStaging(ctx, id);
      else await writeManifest(ctx, manifest);
      return renderHtml(c, <PreviewPage c={c} audit={a} manifest={manifest} />, staged.length === 0 ? 422 : 200);
    } catch (error) {
      await removeStaging(ctx, id);
      throw error;
    }
  });

  app.post('/audits/:id/upload/confirm', pageSession(ctx), pagePermission('upload'), async (c) => {
    const a = await audit(c);
    const form = await c.req.parseBody({ all: true });
    const stagingId = typeof form['staging'] === 'string' ? form['staging'] : '';
    const manifest = await loadStaging(ctx, stagingId, { username: c.get('user').username, auditId: a.id });
    const choice = readMappingChoice(manifest, form);
    if (choice.errors.length > 0) {
      return renderHtml(c, <PreviewPage c={c} audit={a} manifest={manifest} selected={choice.selected} errors={choice.errors} />, 422);
    }
    const claimed = await claimStaging(ctx, manifest);
    const files: SavedUpload[] = manifest.files.flatMap((file) => {
      const saved = claimed.get(file.folder);
      if (!saved) return [];
      const mapping = choice.mappings.get(file.folder);
      return [{ ...saved, rowsExpected: file.rowsRead, ...(mapping && Object.keys(mapping).length > 0 ? { mapping } : {}) }];
    });
    const jobs = await acceptUploads(ctx, { audit: a, user: c.get('user'), role: manifest.role, files });
    for (const [i, job] of jobs.entries()) {
      const mapping = files[i]?.mapping;
      await logAction(ctx, c, 'upload', `audit:${a.id}`, { uploadJob: job.id, file: job.file, role: manifest.role, ...(mapping ? { mapping } : {}) });
    }
    return c.redirect(`/audits/${a.id}/upload/progress?jobs=${jobs.map((j) => j.id).join(',')}`, 303);
  });

  app.get('/audits/:id/upload/progress', pageSession(ctx), pagePermission('audit:read'), async (c) => {
    const a = await audit(c);
    const ids = (c.req.query('jobs') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => /^\d{1,15}$/.test(s))
      .map(Number)
      .slice(0, MAX_JOBS_SHOWN);
    if (ids.length === 0) return renderErrorPage(c, 404, 'Không có lần tải nào để theo dõi.');
    const jobs = [];
    for (const id of [...new Set(ids)]) {
      const job = await getVisibleJob(ctx.db, c.get('user'), id, 'upload');
      if (job.auditId !== a.id) return renderErrorPage(c, 404, `Lần tải số ${id} không thuộc cuộc kiểm tra này.`);
      jobs.push(withLiveProgress(ctx, job));
    }
    return renderHtml(c, <ProgressPage c={c} audit={a} jobs={jobs} />);
  });
  return app;
}
