import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, expect, it } from 'vitest';
import { listAuditLog, listUploads } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { bearer, json, makeApp, payoutsWorkbook, seed, uploadForm, waitForJob, type TestApp } from './support.js';

interface UploadJson {
  id: number;
  status: string;
  file: string;
  uploadId: number | null;
  counts: Record<string, unknown> | null;
  errors: { code: string; message: string; file?: string }[];
}

forEachDialect('API upload → run → findings → review', (ctx) => {
  let t: TestApp | undefined;
  afterEach(() => t?.cleanup());

  it('ingests an uploaded workbook in the background, runs the checks and serves, reviews and downloads the findings', async () => {
    t = makeApp(ctx.db());
    const { tokens, auditA } = await seed(ctx.db());
    const insp = tokens['insp-a'];
    const res = await t.app.request(`/api/audits/${auditA.id}/uploads`, {
      method: 'POST',
      headers: bearer(insp),
      body: uploadForm('payouts', [{ name: 'chi-tra-phuc-xa.xlsx', data: await payoutsWorkbook() }]),
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const { uploads } = (await res.json()) as { uploads: UploadJson[] };
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({ status: 'queued', file: 'chi-tra-phuc-xa.xlsx', role: 'payouts' });
    const upload = (await waitForJob(t.app, `/api/uploads/${uploads[0]?.id}`, insp)) as unknown as UploadJson;
    expect(upload.errors).toEqual([]);
    expect(upload).toMatchObject({ status: 'done', progress: 1, counts: { rowsRead: 4, rowsSkipped: 0, sheets: [{ sheet: 'Phúc Xá', rowsRead: 4 }] } });
    const stored = await listUploads(ctx.db(), auditA.id);
    expect(stored.map((u) => [u.id, u.file, u.uploadedBy])).toEqual([[upload.uploadId, 'chi-tra-phuc-xa.xlsx', 'insp-a']]);
    await t.jobs.idle();
    expect(fs.readdirSync(t.tempDir)).toEqual([]); // the temp copy is gone

    // No run yet: the document and the workbook cannot be built.
    expect((await t.app.request(`/api/audits/${auditA.id}/findings.json`, { headers: bearer(insp) })).status).toBe(409);

    const runRes = await t.app.request(`/api/audits/${auditA.id}/runs`, { method: 'POST', headers: bearer(insp) });
    expect(runRes.status).toBe(202);
    const runJob = (await runRes.json()) as { id: number };
    const run = await waitForJob(t.app, `/api/runs/${runJob.id}`, tokens['aud-a']);
    expect(run).toMatchObject({ status: 'done', progress: 1, runId: expect.any(Number), counts: { findings: 1, inserted: 1 } });

    const list = (await (await t.app.request(`/api/audits/${auditA.id}/findings?rule=DUPLICATE_PAYMENT`, { headers: bearer(tokens['mon-a']) })).json()) as {
      total: number;
      items: { id: string; version: number; subject: { idNumber: string }; records: unknown[] }[];
    };
    expect(list.total).toBe(1);
    const finding = list.items[0];
    expect(finding?.subject.idNumber).toBe('001050012345');
    expect(finding?.records).toHaveLength(2);
    const search = (await (await t.app.request(`/api/audits/${auditA.id}/findings?q=b%C3%ACnh`, { headers: bearer(tokens['mon-a']) })).json()) as { total: number };
    expect(search.total).toBe(0);

    const reviewed = await t.app.request(`/api/findings/${finding?.id}`, {
      ...json({ status: 'verifying', note: 'Mời hộ gia đình lên đối chiếu', version: finding?.version }, bearer(tokens['mon-a'])),
      method: 'PATCH',
    });
    expect(reviewed.status).toBe(200);
    expect(await reviewed.json()).toMatchObject({ status: 'verifying', version: 2 });

    const docRes = await t.app.request(`/api/audits/${auditA.id}/findings.json`, { headers: bearer(tokens['aud-a']) });
    expect(docRes.status).toBe(200);
    const doc = (await docRes.json()) as { schema: string; package: string; inputs: { file: string; rowsRead: number }[]; summary: { findings: number }; findings: { id: string; status: string; version: number }[] };
    expect(doc).toMatchObject({ schema: 'ansinh.findings/1', package: 'nq42-2020', inputs: [{ file: 'chi-tra-phuc-xa.xlsx', rowsRead: 4 }], summary: { findings: 1 } });
    expect(doc.findings).toMatchObject([{ id: finding?.id, status: 'verifying', version: 2 }]);

    const xlsx = await t.app.request(`/api/audits/${auditA.id}/report.xlsx`, { headers: bearer(tokens['aud-a']) });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toContain('Trùng lặp');
    const sheet = workbook.getWorksheet('Trùng lặp');
    const cells: string[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain(finding?.id);

    const actions = (await listAuditLog(ctx.db())).map((e) => `${e.actor}:${e.action}`);
    expect(actions).toEqual(expect.arrayContaining(['insp-a:upload', 'insp-a:run', 'mon-a:finding.status', 'aud-a:download']));
  });

  it('queues one upload per file, refuses a repeated file and reports unreadable files with their name', async () => {
    t = makeApp(ctx.db());
    const { tokens, auditA } = await seed(ctx.db());
    const insp = tokens['insp-a'];
    const data = await payoutsWorkbook();
    const res = await t.app.request(`/api/audits/${auditA.id}/uploads`, {
      method: 'POST',
      headers: bearer(insp),
      body: uploadForm('payouts', [
        { name: 'dot-1.xlsx', data },
        { name: 'dot-1-ban-sao.xlsx', data },
        { name: 'hong.xlsx', data: 'đây không phải tệp Excel' },
      ]),
    });
    expect(res.status).toBe(202);
    const { uploads } = (await res.json()) as { uploads: UploadJson[] };
    expect(uploads.map((u) => u.file)).toEqual(['dot-1.xlsx', 'dot-1-ban-sao.xlsx', 'hong.xlsx']);
    const done = [] as UploadJson[];
    for (const u of uploads) done.push((await waitForJob(t.app, `/api/uploads/${u.id}`, insp)) as unknown as UploadJson);
    expect(done.map((u) => u.status)).toEqual(['done', 'failed', 'failed']);
    expect(done[1]?.errors).toMatchObject([{ code: 'DUPLICATE_UPLOAD', file: 'dot-1-ban-sao.xlsx' }]);
    expect(done[2]?.errors[0]).toMatchObject({ file: 'hong.xlsx' });
    expect(done[2]?.errors[0]?.code).not.toBe('INTERNAL');
    expect((await listUploads(ctx.db(), auditA.id)).map((u) => u.file)).toEqual(['dot-1.xlsx']);
  });

  it('answers 415 for a non-multipart upload or an unsupported file, 422 for a bad role or no file, 413 above the size limit', async () => {
    t = makeApp(ctx.db(), { maxUploadBytes: 64 * 1024 });
    const { tokens, auditA } = await seed(ctx.db());
    const insp = tokens['insp-a'];
    const url = `/api/audits/${auditA.id}/uploads`;
    expect((await t.app.request(url, json({ role: 'payouts' }, bearer(insp)))).status).toBe(415);
    const pdf = await t.app.request(url, { method: 'POST', headers: bearer(insp), body: uploadForm('payouts', [{ name: 'danh-sach.pdf', data: '%PDF' }]) });
    expect(pdf.status).toBe(415);
    expect(await pdf.json()).toMatchObject({ error: { code: 'UNSUPPORTED_FORMAT', message: expect.stringMatching(/danh-sach\.pdf/) } });
    const badRole = await t.app.request(url, { method: 'POST', headers: bearer(insp), body: uploadForm('register:unknown', [{ name: 'a.xlsx', data: 'x' }]) });
    expect(badRole.status).toBe(422);
    expect((await t.app.request(url, { method: 'POST', headers: bearer(insp), body: uploadForm('payouts', []) })).status).toBe(422);
    const big = await payoutsWorkbook(3000);
    expect(big.length).toBeGreaterThan(64 * 1024);
    const tooLarge = await t.app.request(url, { method: 'POST', headers: bearer(insp), body: uploadForm('payouts', [{ name: 'lon.xlsx', data: big }]) });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: { code: 'TOO_LARGE' } });
    expect(t.jobs.size).toBe(0);
    expect(await listUploads(ctx.db(), auditA.id)).toEqual([]);
  });
});
