import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { DEMO_AUDIT_NAME } from '../../src/server/demo-audit.js';
import { silentLogger, startServer } from '../../src/server/index.js';
import { ingestUpload } from '../../src/pipeline/index.js';
import { createAudit, getJob, insertJob, listAudits, listFindings, listRuns, listUploads, openDb, updateJob } from '../../src/store/index.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-start-demo-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Service {
  child: ChildProcessWithoutNullStreams;
  base: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `npm start` as a real process (tsx, the CLI's `serve --demo`) on a free port over `db`. */
async function startService(db: string, reports: string): Promise<Service> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--demo', '--port', '0', '--reports', reports], {
    cwd: ROOT,
    env: { ...process.env, ANSINH_DB: db, DATABASE_URL: '', PORT: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 150_000;
  for (;;) {
    const url = /Dịch vụ đang chạy tại (http:\/\/localhost:\d+)/.exec(stdout)?.[1];
    if (url) return { child, base: url.replace('localhost', '127.0.0.1'), stdout: () => stdout, stderr: () => stderr, exited };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the service did not start:\n${stdout}\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopService(service: Service): Promise<number | null> {
  service.child.kill('SIGTERM');
  return service.exited;
}

/** Signs in through the login form's API (CSRF cookie + field) and returns the session cookie. */
async function signIn(base: string, username: string, password: string): Promise<string> {
  const csrf = ((await (await fetch(`${base}/login/csrf`)).json()) as { csrfToken: string }).csrfToken;
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `ansinh_login_csrf=${csrf}` },
    body: new URLSearchParams({ username, password, _csrf: csrf }),
  });
  expect(res.status).toBe(303);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('ansinh_session='));
  if (!session) throw new Error('no session cookie');
  return session.split(';')[0] ?? '';
}

describe('npm start (serve --demo) as a real process', () => {
  it('loads the samples into a demo audit on the first start only, and stops cleanly on SIGTERM', { timeout: 400_000 }, async () => {
    const db = path.join(dir, 'service.sqlite');
    const reports = path.join(dir, 'reports');

    const first = await startService(db, reports);
    let password = '';
    try {
      password = /mật khẩu dùng một lần:\s+(\S+)/.exec(first.stdout())?.[1] ?? '';
      expect(password.length).toBeGreaterThanOrEqual(16);
      expect(first.stdout()).toMatch(/Kiểm tra mẫu xong: \d+ phát hiện\./);
      expect(fs.statSync(path.join(reports, 'demo.xlsx')).size).toBeGreaterThan(10_000);
      const document = JSON.parse(fs.readFileSync(path.join(reports, 'demo.json'), 'utf8')) as { findings: { rule: string }[] };
      expect(document.findings.some((f) => f.rule === 'DUPLICATE_PAYMENT')).toBe(true);

      const cookie = await signIn(first.base, 'admin', password);
      const list = ((await (await fetch(`${first.base}/api/audits`, { headers: { Cookie: cookie } })).json()) as { items: { id: number; name: string; area: string | null }[] })
        .items;
      expect(list.map((a) => [a.name, a.area])).toEqual([[DEMO_AUDIT_NAME, '443']]);
      const demoId = list[0]?.id ?? 0;
      const findings = (await (await fetch(`${first.base}/api/audits/${demoId}/findings`, { headers: { Cookie: cookie } })).json()) as { total: number };
      expect(findings.total).toBe(document.findings.length);

      // One structured (JSON) log line per request.
      const requestLines = first
        .stdout()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { method?: string; path?: string; status?: number });
      expect(requestLines).toContainEqual(expect.objectContaining({ method: 'GET', path: '/api/audits', status: 200 }));
    } finally {
      expect(await stopService(first)).toBe(0);
    }
    expect(first.stdout()).toContain('Đã dừng dịch vụ.');
    // A clean close checkpoints the write-ahead log and removes it.
    expect(fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0).toBe(0);
    const raw = new BetterSqlite3(db, { readonly: true });
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      raw.close();
    }

    const workbookTime = fs.statSync(path.join(reports, 'demo.xlsx')).mtimeMs;
    const second = await startService(db, reports);
    try {
      expect(second.stdout()).not.toContain('mật khẩu dùng một lần');
      expect(second.stdout()).not.toContain('Lần chạy đầu');
      const cookie = await signIn(second.base, 'admin', password);
      const audits = (await (await fetch(`${second.base}/api/audits`, { headers: { Cookie: cookie } })).json()) as { items: unknown[] };
      expect(audits.items).toHaveLength(1);
    } finally {
      expect(await stopService(second)).toBe(0);
    }
    expect(fs.statSync(path.join(reports, 'demo.xlsx')).mtimeMs).toBe(workbookTime);
  });

  it('refuses an invalid port with a Vietnamese message', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', 'abc'], {
      cwd: ROOT,
      env: { ...process.env, ANSINH_DB: path.join(dir, 'unused.sqlite') },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('cổng "abc" không hợp lệ');
  });
});

const quiet = (): PassThrough => new PassThrough().resume();

describe('the demo audit of startServer', () => {
  const demo = (name: string) => ({ samplesDir: path.join(ROOT, 'samples'), reportsDir: path.join(dir, `${name}-reports`) });

  it('is not created when the database already holds an audit', async () => {
    const config = loadConfig({ ANSINH_DB: path.join(dir, 'other.sqlite') });
    const handle = await openDb({ sqlitePath: config.sqlitePath });
    await createAudit(handle.db, { name: 'Kiểm tra thật', area: '001', packageId: 'nq42-2020' });
    await handle.close();
    const server = await startServer({ config, port: 0, hostname: '127.0.0.1', logger: silentLogger, out: quiet(), demo: demo('other') });
    try {
      expect((await listAudits(server.handle.db)).map((a) => a.name)).toEqual(['Kiểm tra thật']);
      expect(fs.existsSync(path.join(dir, 'other-reports', 'demo.xlsx'))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('is finished when a previous start stopped half-way (files already stored are not loaded again)', { timeout: 120_000 }, async () => {
    const config = loadConfig({ ANSINH_DB: path.join(dir, 'half.sqlite') });
    const handle = await openDb({ sqlitePath: config.sqlitePath });
    const audit = await createAudit(handle.db, { name: DEMO_AUDIT_NAME, area: '443', packageId: 'nq42-2020' });
    await ingestUpload(handle.db, { auditId: audit.id, path: path.join(ROOT, 'samples', 'payouts-nghen.xlsx'), role: 'payouts' });
    await handle.close();
    const server = await startServer({ config, port: 0, hostname: '127.0.0.1', logger: silentLogger, out: quiet(), demo: demo('half') });
    try {
      const uploads = await listUploads(server.handle.db, audit.id);
      expect(uploads.map((u) => u.file).sort()).toEqual(fs.readdirSync(path.join(ROOT, 'samples')).filter((f) => /\.(xlsx|csv)$/.test(f)).sort());
      expect((await listRuns(server.handle.db, audit.id)).map((r) => r.status)).toEqual(['done']);
      expect((await listFindings(server.handle.db, audit.id)).total).toBeGreaterThan(0);
      expect(fs.existsSync(path.join(dir, 'half-reports', 'demo.json'))).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('graceful shutdown of startServer', () => {

  it('refuses a port already in use with a Vietnamese message', async () => {
    const config = loadConfig({ ANSINH_DB: path.join(dir, 'busy.sqlite') });
    const first = await startServer({ config, port: 0, hostname: '127.0.0.1', logger: silentLogger, out: quiet() });
    try {
      await expect(startServer({ config, port: first.port, hostname: '127.0.0.1', logger: silentLogger, out: quiet() })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining(`cổng ${first.port} đang được một chương trình khác dùng`),
      });
    } finally {
      await first.close();
    }
  });

  it('lets a running job finish within the bound', async () => {
    const config = loadConfig({ ANSINH_DB: path.join(dir, 'finish.sqlite') });
    const server = await startServer({ config, port: 0, hostname: '127.0.0.1', logger: silentLogger, out: quiet() });
    const audit = await createAudit(server.handle.db, { name: 'A', area: '443', packageId: 'nq42-2020' });
    const job = await insertJob(server.handle.db, { kind: 'run', auditId: audit.id, createdBy: 'admin', createdAt: new Date().toISOString() });
    server.jobs.enqueue(async () => {
      await updateJob(server.handle.db, job.id, { status: 'running' });
      await new Promise((r) => setTimeout(r, 300));
      await updateJob(server.handle.db, job.id, { status: 'done', progress: 1, finishedAt: new Date().toISOString() });
    });
    await new Promise((r) => setTimeout(r, 50));
    await server.close();
    const handle = await openDb({ sqlitePath: config.sqlitePath });
    try {
      expect((await getJob(handle.db, job.id, 'run'))?.status).toBe('done');
    } finally {
      await handle.close();
    }
  });

  it('marks a job that outlasts the bound as interrupted, refuses new connections, and closes the database', async () => {
    const config = loadConfig({ ANSINH_DB: path.join(dir, 'interrupt.sqlite') });
    const server = await startServer({ config, port: 0, hostname: '127.0.0.1', logger: silentLogger, out: quiet(), shutdownTimeoutMs: 200 });
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const audit = await createAudit(server.handle.db, { name: 'B', area: '443', packageId: 'nq42-2020' });
    const job = await insertJob(server.handle.db, { kind: 'upload', auditId: audit.id, file: 'x.xlsx', role: 'payouts', createdBy: 'admin', createdAt: new Date().toISOString() });
    let release: () => void = () => undefined;
    server.jobs.enqueue(async () => {
      await updateJob(server.handle.db, job.id, { status: 'running' });
      await new Promise<void>((r) => (release = r));
    });
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    release();
    const handle = await openDb({ sqlitePath: config.sqlitePath });
    try {
      const stored = await getJob(handle.db, job.id, 'upload');
      expect(stored?.status).toBe('failed');
      expect(stored?.errors[0]?.message).toContain('máy chủ đã dừng khi công việc chưa xong');
    } finally {
      await handle.close();
    }
  });
});
