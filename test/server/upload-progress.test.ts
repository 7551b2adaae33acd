import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JobQueue } from '../../src/server/index.js';
import { progressBoard, type JobProgressEvent } from '../../src/server/jobs/job-progress.js';
import { estimateRows } from '../../src/server/jobs/upload-estimate.js';
import { withLiveProgress } from '../../src/server/jobs/upload-job.js';
import type { ServerContext } from '../../src/server/app-env.js';
import { getJob, type JobRow } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { bearer, login, makeApp, seed, uploadForm, waitForJob, type TestApp } from './support.js';
import { confirmBody, postConfirm, postPreview, previewForm, titledPayoutsWorkbook } from './upload-pages-support.js';

const ROWS = 3000;

/** Checks the reports of one job: strictly rising, several strictly between 0 and 1, the last exactly 1. */
function expectRealProgress(events: readonly JobProgressEvent[]): void {
  const values = events.map((e) => e.progress);
  expect(values.length).toBeGreaterThanOrEqual(4);
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1] ?? 0);
  expect(values.filter((v) => v > 0 && v < 1).length).toBeGreaterThanOrEqual(3);
  expect(values.slice(0, -1).every((v) => v < 1)).toBe(true);
  expect(values.at(-1)).toBe(1);
}

forEachDialect('upload progress', (ctx) => {
  let t: TestApp | undefined;
  afterEach(() => t?.cleanup());

  it(`moves between 0 and 1 while a ${ROWS}-row previewed file is stored, against the preview's row count, and is 1 only once stored`, async () => {
    t = makeApp(ctx.db());
    const app = t;
    const { passwords, auditA } = await seed(ctx.db());
    const insp = await login(app.app, 'insp-a', passwords['insp-a'] ?? '');
    const html = await (await postPreview(app.app, auditA.id, insp, previewForm(insp.csrf, 'payouts', [{ name: 'lon.xlsx', data: await titledPayoutsWorkbook(ROWS) }]))).text();
    expect(html).toContain(`Tổng số dòng dữ liệu: ${new Intl.NumberFormat('vi-VN').format(ROWS)}`);

    const events: JobProgressEvent[] = [];
    const statusAtOne: Promise<JobRow | undefined>[] = [];
    const overlaid: number[] = [];
    const running = (id: number): JobRow => ({
      id, kind: 'upload', auditId: auditA.id, status: 'running', progress: 0, file: 'lon.xlsx', role: 'payouts', counts: null, errors: [],
      resultId: null, createdBy: 'insp-a', createdAt: '2026-11-29T08:00:00.000Z', finishedAt: null,
    });
    const readers = { jobs: app.jobs } as unknown as ServerContext;
    const unsubscribe = progressBoard(app.jobs).subscribe((e) => {
      events.push(e);
      if (e.progress < 1) overlaid.push(withLiveProgress(readers, running(e.jobId)).progress);
      if (e.progress === 1) statusAtOne.push(getJob(ctx.db(), e.jobId, 'upload'));
    });
    const confirm = await postConfirm(app.app, auditA.id, insp, confirmBody(html, insp.csrf));
    expect(confirm.status).toBe(303);
    const jobId = Number(/jobs=(\d+)/.exec(confirm.headers.get('location') ?? '')?.[1]);
    await app.jobs.idle();
    unsubscribe();

    const mine = events.filter((e) => e.jobId === jobId);
    expectRealProgress(mine);
    expect(mine.every((e) => e.rowsExpected === ROWS)).toBe(true);
    expect(mine.map((e) => e.rowsRead).slice(0, 3)).toEqual([500, 1000, 1500]);
    // The 1 is reported after the job's final state is stored.
    const [atOne] = await Promise.all(statusAtOne);
    expect(atOne).toMatchObject({ status: 'done', progress: 1 });
    const api = await app.app.request(`/api/uploads/${jobId}`, { headers: { Cookie: insp.cookie } });
    expect(await api.json()).toMatchObject({ status: 'done', progress: 1, counts: { rowsRead: ROWS } });
    // While it ran, readers of the job (the API, the progress page) saw the live value of each report.
    expect(overlaid).toEqual(mine.slice(0, -1).map((e) => e.progress));
  });

  it('estimates the row count of an API upload from the file and still ends at exactly 1; a failed upload never reports 1', async () => {
    t = makeApp(ctx.db());
    const app = t;
    const { tokens, auditA } = await seed(ctx.db());
    const events: JobProgressEvent[] = [];
    progressBoard(app.jobs).subscribe((e) => events.push(e));
    const res = await app.app.request(`/api/audits/${auditA.id}/uploads`, {
      method: 'POST',
      headers: bearer(tokens['insp-a']),
      body: uploadForm('payouts', [{ name: 'lon.xlsx', data: await titledPayoutsWorkbook(ROWS) }]),
    });
    const { uploads } = (await res.json()) as { uploads: { id: number }[] };
    const jobId = uploads[0]?.id ?? 0;
    const job = await waitForJob(app.app, `/api/uploads/${jobId}`, tokens['insp-a']);
    expect(job).toMatchObject({ status: 'done', progress: 1, counts: { rowsRead: ROWS } });
    await app.jobs.idle();
    const mine = events.filter((e) => e.jobId === jobId);
    expectRealProgress(mine);
    const estimate = mine[0]?.rowsExpected ?? 0;
    expect(estimate).toBeGreaterThan(ROWS / 2);
    expect(estimate).toBeLessThan(ROWS * 2);

    const form = uploadForm('payouts', [{ name: 'sai-cot.xlsx', data: await titledPayoutsWorkbook(ROWS + 1) }]);
    form.append('mapping', '{"phone": "Z"}');
    const failed = (await (await app.app.request(`/api/audits/${auditA.id}/uploads`, { method: 'POST', headers: bearer(tokens['insp-a']), body: form })).json()) as {
      uploads: { id: number }[];
    };
    const failedId = failed.uploads[0]?.id ?? 0;
    expect(await waitForJob(app.app, `/api/uploads/${failedId}`, tokens['insp-a'])).toMatchObject({ status: 'failed', progress: 0 });
    expect(events.filter((e) => e.jobId === failedId && e.progress === 1)).toEqual([]);
  });
});

describe('JobProgressBoard', () => {
  it('keeps a job below 1 until it is finished, drops reports that go backwards and forgets finished jobs', () => {
    const board = progressBoard(new JobQueue());
    const seen: number[] = [];
    board.subscribe((e) => seen.push(e.progress));
    board.report({ jobId: 1, progress: 0.5, rowsRead: 5, rowsExpected: 10 });
    board.report({ jobId: 1, progress: 0.4, rowsRead: 4, rowsExpected: 10 });
    board.report({ jobId: 1, progress: 1.3, rowsRead: 13, rowsExpected: 10 });
    board.report({ jobId: 1, progress: 1.5, rowsRead: 15, rowsExpected: 10 });
    expect(board.get(1)?.progress).toBe(0.99);
    board.finish(1, 'done');
    board.finish(2, 'failed');
    expect(seen).toEqual([0.5, 0.99, 1]);
    expect(board.get(1)).toBeUndefined();
  });

  it('is one board per queue', () => {
    const queue = new JobQueue();
    expect(progressBoard(queue)).toBe(progressBoard(queue));
    expect(progressBoard(new JobQueue())).not.toBe(progressBoard(queue));
  });

  it('overlays a running job with its live progress and leaves finished jobs as stored', () => {
    const jobs = new JobQueue();
    const ctx = { jobs } as unknown as ServerContext;
    const job: JobRow = {
      id: 7, kind: 'upload', auditId: 1, status: 'running', progress: 0, file: 'a.xlsx', role: 'payouts', counts: null, errors: [],
      resultId: null, createdBy: 'insp-a', createdAt: '2026-11-29T08:00:00.000Z', finishedAt: null,
    };
    progressBoard(jobs).report({ jobId: 7, progress: 0.25, rowsRead: 500, rowsExpected: 2000 });
    expect(withLiveProgress(ctx, job)).toMatchObject({ status: 'running', progress: 0.25, counts: { rowsRead: 500, rowsExpected: 2000 } });
    expect(withLiveProgress(ctx, { ...job, status: 'done', progress: 1 })).toMatchObject({ status: 'done', progress: 1 });
  });
});

describe('estimateRows', () => {
  it("counts a CSV's lines, with or without a final line break", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-estimate-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.csv'), 'Họ và tên;Số tiền\nAn;1\nBình;2\n');
      fs.writeFileSync(path.join(dir, 'b.csv'), 'Họ và tên;Số tiền\nAn;1\nBình;2');
      expect(await estimateRows(path.join(dir, 'a.csv'))).toBe(3);
      expect(await estimateRows(path.join(dir, 'b.csv'))).toBe(3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
