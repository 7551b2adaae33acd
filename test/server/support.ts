import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Hono } from 'hono';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import type { Finding } from '../../src/domain/index.js';
import { createApp, JobQueue, silentLogger, type AppEnv, type Logger } from '../../src/server/index.js';
import { addUser, createToken } from '../../src/server/auth/index.js';
import { createAudit, createRun, saveRunFindings, updateRun, type AuditRow, type Db, type UserRole } from '../../src/store/index.js';

/** Cheap scrypt for tests (the stored hash carries its parameters, so login verifies with these). */
export const FAST_SCRYPT = { N: 1024, r: 8, p: 1 } as const;

export interface TestApp {
  app: Hono<AppEnv>;
  jobs: JobQueue;
  clock: { now: Date };
  tempDir: string;
  cleanup(): void;
}

/** The app over `db` with a movable clock, a silent logger, its own job queue and temp folder. */
export function makeApp(
  db: Db,
  options: { maxUploadBytes?: number; login?: { maxFailures: number; windowMs: number }; logger?: Logger } = {},
): TestApp {
  const clock = { now: new Date('2026-11-29T08:00:00.000Z') };
  const jobs = new JobQueue();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-server-test-'));
  const app = createApp({
    db,
    config: loadConfig({}),
    clock: () => clock.now,
    jobs,
    logger: options.logger ?? silentLogger,
    tempDir,
    limits: {
      ...(options.maxUploadBytes ? { maxUploadBytes: options.maxUploadBytes } : {}),
      ...(options.login ? { login: options.login } : {}),
    },
  });
  return { app, jobs, clock, tempDir, cleanup: () => fs.rmSync(tempDir, { recursive: true, force: true }) };
}

export interface Seeded {
  /** username → API token */
  tokens: Record<string, string>;
  passwords: Record<string, string>;
  /** Audit in commune 00001 (Phường Phúc Xá, Quận Ba Đình 001, Hà Nội 01). */
  auditA: AuditRow;
  /** Audit in district 002 (Quận Hoàn Kiếm, Hà Nội). */
  auditB: AuditRow;
}

/** Users of every role in district 001 (A), a monitor of district 002 (B), a Hà Nội inspector and an admin. */
export const USERS: readonly { username: string; role: UserRole; area: string | null }[] = [
  { username: 'admin', role: 'admin', area: null },
  { username: 'insp-a', role: 'inspector', area: '001' },
  { username: 'mon-a', role: 'monitor', area: '001' },
  { username: 'aud-a', role: 'auditor', area: '001' },
  { username: 'mon-b', role: 'monitor', area: '002' },
  { username: 'insp-b', role: 'inspector', area: '002' },
  { username: 'insp-hn', role: 'inspector', area: '01' },
  { username: 'mon-xa', role: 'monitor', area: '00004' },
];

export async function seed(db: Db): Promise<Seeded> {
  const tokens: Record<string, string> = {};
  const passwords: Record<string, string> = {};
  for (const u of USERS) {
    const { password } = await addUser(db, { ...u, scrypt: FAST_SCRYPT });
    passwords[u.username] = password;
    tokens[u.username] = (await createToken(db, { username: u.username })).token;
  }
  const auditA = await createAudit(db, { name: 'Phúc Xá 2020', area: '00001', packageId: 'nq42-2020', createdBy: 'insp-a' });
  const auditB = await createAudit(db, { name: 'Hoàn Kiếm 2020', area: '002', packageId: 'nq42-2020', createdBy: 'insp-b' });
  return { tokens, passwords, auditA, auditB };
}

/** Stored findings from one real run (a later run would mark absent ones resolved by data). */
export async function seedFindings(db: Db, auditId: number, list: readonly (Partial<Finding> & { id: string })[]): Promise<void> {
  const run = await createRun(db, auditId, 'nq42-2020', 'test');
  const findings: Finding[] = list.map((overrides) => ({
    rule: 'DUPLICATE_PAYMENT',
    category: 'duplicate',
    severity: 'high',
    score: 1,
    amountAtRisk: 1_500_000,
    subject: { name: 'Nguyễn Văn An', idNumber: '001050012345', commune: 'Phường Phúc Xá' },
    records: [{ role: 'payouts', file: 'chi-tra.xlsx', sheet: 'Xã', row: 2 }],
    explanation: 'Chi trả hai lần cho cùng một người',
    evidence: { rows: 2 },
    status: 'new',
    version: 1,
    ...overrides,
  }));
  await saveRunFindings(db, auditId, run.id, findings);
  await updateRun(db, run.id, { status: 'done', progress: 1, counts: { findings: findings.length }, finishedAt: new Date().toISOString() });
}

export async function seedFinding(db: Db, auditId: number, id: string, overrides: Partial<Finding> = {}): Promise<void> {
  await seedFindings(db, auditId, [{ ...overrides, id }]);
}

export function bearer(token: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  if (!token) throw new Error('no token');
  return { Authorization: `Bearer ${token}`, ...extra };
}

export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** The `name=value` pairs a response sets, by cookie name. */
export function setCookies(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/** Signs in through the login form (with its CSRF cookie); returns the Cookie header and the session's CSRF token. */
export async function login(app: Hono<AppEnv>, username: string, password: string): Promise<{ cookie: string; csrf: string; setCookie: string[] }> {
  const csrfRes = await app.request('/login/csrf');
  const loginCsrf = setCookies(csrfRes)['ansinh_login_csrf'] ?? '';
  const res = await app.request('/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `ansinh_login_csrf=${loginCsrf}` },
    body: new URLSearchParams({ username, password, _csrf: loginCsrf, next: '/kiem-tra' }),
  });
  expect(res.status, await res.clone().text()).toBe(303);
  const session = setCookies(res)['ansinh_session'];
  if (!session) throw new Error('no session cookie');
  const cookie = `ansinh_session=${session}`;
  const me = (await (await app.request('/api/session', { headers: { Cookie: cookie } })).json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken, setCookie: res.headers.getSetCookie() };
}

/** A small payouts workbook of Phường Phúc Xá in which one person is paid twice (one DUPLICATE_PAYMENT). */
export async function payoutsWorkbook(extraRows = 0): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phúc Xá');
  ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Số CMND/CCCD', 'Xã/phường', 'Quận/huyện', 'Tỉnh/thành phố', 'Nhóm đối tượng', 'Số tiền', 'Ngày chi trả']);
  const people: [string, number, string][] = [
    ['Nguyễn Văn An', 1950, '001050012345'],
    ['Trần Thị Bình', 1960, '001160023456'],
    ['Lê Văn Cường', 1945, '001045034567'],
    ['Nguyễn Văn An', 1950, '001050012345'],
  ];
  for (let i = 0; i < extraRows; i++) people.push([`Phạm Văn Số ${i}`, 1940 + (i % 30), `0010${String(40 + (i % 30))}${String(100000 + i).padStart(6, '0')}`]);
  people.forEach(([name, year, id], i) => ws.addRow([i + 1, name, year, id, 'Phúc Xá', 'Ba Đình', 'Hà Nội', 'Người có công', 1_500_000, '15/05/2020']));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart body with a role and files. */
export function uploadForm(role: string, files: { name: string; data: Uint8Array | string }[]): FormData {
  const form = new FormData();
  form.append('role', role);
  for (const f of files) form.append('file', new File([typeof f.data === 'string' ? f.data : new Uint8Array(f.data)], f.name));
  return form;
}

/** Polls GET `path` until the job is no longer queued or running. */
export async function waitForJob(app: Hono<AppEnv>, pathname: string, token: string | undefined): Promise<Record<string, unknown>> {
  for (let i = 0; i < 600; i++) {
    const res = await app.request(pathname, { headers: bearer(token) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    if (body['status'] === 'done' || body['status'] === 'failed') return body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${pathname} did not finish`);
}
