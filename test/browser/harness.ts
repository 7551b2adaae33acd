import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { AxeResults, Result } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { DEMO_AUDIT_NAME } from '../../src/server/demo-audit.js';
import { addUser } from '../../src/server/auth/index.js';
import { silentLogger, startServer, type RunningServer } from '../../src/server/index.js';
import { findAuditByName } from '../../src/store/index.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SAMPLES = path.join(ROOT, 'samples');
export const SCREENSHOTS = path.join(ROOT, 'reports', 'screenshots');

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it). */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
if (!HAS_CHROMIUM && process.env['CI']) {
  // CI installs chromium (.ci/run): there the browser tests must run, never be skipped.
  throw new Error(`CI: không có ${CHROMIUM}; .ci/run phải cài gói chromium bằng apt-get`);
}
if (!HAS_CHROMIUM) {
  console.warn(`[test/browser] không có ${CHROMIUM}: bỏ qua kiểm thử trình duyệt (skipped: Chromium is not installed; CI installs it).`);
}

/** The samples' district (Huyện Can Lộc, Hà Tĩnh): the area of every test user. */
export const SAMPLE_DISTRICT = '443';

/** Cheap scrypt for tests (the stored hash carries its parameters). */
const FAST_SCRYPT = { N: 1024, r: 8, p: 1 } as const;

export type TestRole = 'admin' | 'inspector' | 'monitor' | 'auditor';
export interface Account {
  readonly username: string;
  readonly password: string;
}

export interface Harness {
  readonly base: string;
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly accounts: Record<TestRole, Account>;
  /** The audit the server's first start built from samples/ (findings already present). */
  readonly demoAuditId: number;
  readonly tempDir: string;
  close(): Promise<void>;
}

/**
 * The real service in-process (startServer on a free port over a temp SQLite file, demo audit from
 * samples/ loaded), users of every role for the samples' district, and a headless Chromium.
 */
export async function startHarness(): Promise<Harness> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-browser-'));
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const out = new PassThrough();
  let printed = '';
  out.on('data', (c: Buffer) => (printed += c.toString('utf8')));
  const server = await startServer({
    config: loadConfig({ ANSINH_DB: path.join(tempDir, 'browser.sqlite') }),
    port: 0,
    hostname: '127.0.0.1',
    logger: silentLogger,
    out,
    demo: { samplesDir: SAMPLES, reportsDir: path.join(tempDir, 'reports') },
  });
  const adminPassword = /mật khẩu dùng một lần:\s+(\S+)/.exec(printed)?.[1];
  if (!adminPassword) throw new Error(`no admin password printed:\n${printed}`);
  const accounts: Record<TestRole, Account> = { admin: { username: 'admin', password: adminPassword } } as Record<TestRole, Account>;
  for (const role of ['inspector', 'monitor', 'auditor'] as const) {
    const username = `${role}.canloc`;
    const { password } = await addUser(server.handle.db, { username, role, area: SAMPLE_DISTRICT, scrypt: FAST_SCRYPT, actor: 'test' });
    accounts[role] = { username, password };
  }
  const demo = await findAuditByName(server.handle.db, DEMO_AUDIT_NAME);
  if (!demo) throw new Error('the demo audit was not created');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  return {
    base: `http://127.0.0.1:${server.port}`,
    server,
    browser,
    accounts,
    demoAuditId: demo.id,
    tempDir,
    close: async () => {
      await browser.close();
      await server.close();
      fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** A fresh browser context (own cookies) at the service, desktop size unless given. */
export async function newPage(h: Harness, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ baseURL: h.base, viewport, locale: 'vi-VN', acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let shots = 0;

/** Accessibility problems that fail the test (axe impact serious or critical), one line per rule. */
export function describeViolations(violations: readonly Result[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ')}]` : ''}`).join('; ')}`);
}

/**
 * What every visited page goes through: a full-page screenshot reports/screenshots/<NN>-<step>.png
 * and axe-core in the page (unless already checked); serious or critical violations fail the test (softly, so the scenario
 * goes on and every page is reported), naming the rule and the offending elements.
 */
export async function checkPage(page: Page, step: string, options: { axe?: boolean } = {}): Promise<void> {
  await page.waitForLoadState('load');
  shots += 1;
  // Long pages (the preview of six workbooks) take a while to capture on a busy machine.
  await page.screenshot({ path: path.join(SCREENSHOTS, `${String(shots).padStart(2, '0')}-${step}.png`), fullPage: true, timeout: 90_000 });
  // `axe: false` only for a page already checked, shown again after an in-page change.
  if (options.axe === false) return;
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(() => (globalThis as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
  expect(results.passes.length, `axe-core did not run on ${step}`).toBeGreaterThan(0);
  const problems = describeViolations(results.violations);
  expect.soft(problems, `axe-core on ${step} (${page.url()}):\n${problems.join('\n')}`).toEqual([]);
}

/** The page's width and the window's: the page overflows (scrolls sideways) when the first is larger. */
export async function overflowsHorizontally(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => {
    const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
    return { scrollWidth: w.document.documentElement.scrollWidth, innerWidth: w.innerWidth };
  });
}

/** Signs in through the login page and waits for the page it leads to. */
export async function signIn(page: Page, account: Account, step?: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  if (step) await checkPage(page, step);
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(account.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(account.password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.getByRole('button', { name: 'Đăng nhập' }).click()]);
}
