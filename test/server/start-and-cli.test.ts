import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerToken } from '../../src/cli/commands/token.js';
import { registerUser } from '../../src/cli/commands/user.js';
import { loadConfig } from '../../src/config/index.js';
import { startServer, silentLogger } from '../../src/server/index.js';
import { listAuditLog, openDb } from '../../src/store/index.js';

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-start-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { stream, text: () => text };
}

describe('startServer', () => {
  it('prints a one-time admin password on the first start only, and serves over HTTP', async () => {
    const config = loadConfig({ ANSINH_DB: path.join(dir, 'svc.sqlite') });
    const first = collect();
    const server = await startServer({ config, port: 0, hostname: '127.0.0.1', logger: silentLogger, out: first.stream });
    let password = '';
    try {
      password = /mật khẩu dùng một lần:\s+(\S+)/.exec(first.text())?.[1] ?? '';
      expect(password.length).toBeGreaterThanOrEqual(16);
      const base = `http://127.0.0.1:${server.port}`;
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
      const csrfRes = await fetch(`${base}/login/csrf`);
      const csrf = ((await csrfRes.json()) as { csrfToken: string }).csrfToken;
      const login = await fetch(`${base}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `ansinh_login_csrf=${csrf}` },
        body: new URLSearchParams({ username: 'admin', password, _csrf: csrf }),
      });
      expect(login.status).toBe(303);
      const logins = await listAuditLog(server.handle.db, { action: 'login' });
      expect(logins[0]?.ip).toMatch(/127\.0\.0\.1/);
    } finally {
      await server.close();
    }
    const second = collect();
    const again = await startServer({ config, port: 0, hostname: '127.0.0.1', logger: silentLogger, out: second.stream });
    await again.close();
    expect(second.text()).toBe('');
  });
});

describe('CLI user add / token create', () => {
  async function run(args: string[]): Promise<string> {
    const program = new Command('ansinh').exitOverride();
    registerUser(program);
    registerToken(program);
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync(['node', 'ansinh', ...args]);
    } finally {
      spy.mockRestore();
      err.mockRestore();
    }
    return out;
  }

  it('creates a user with a printed password and an API token that resolves to that user', async () => {
    const db = path.join(dir, 'cli.sqlite');
    const out = await run(['user', 'add', '--username', 'TT.BaDinh', '--role', 'inspector', '--area', '001', '--db', db]);
    expect(out).toMatch(/Đã tạo người dùng "tt.badinh" \(vai trò inspector, địa bàn 001\)/);
    expect(/Mật khẩu \(chỉ hiện một lần\): (\S{16,})/.exec(out)).not.toBeNull();
    const token = (await run(['token', 'create', '--username', 'tt.badinh', '--db', db])).trim();
    expect(token).toMatch(/^ansinh_[\w-]{43}$/);
    await expect(run(['user', 'add', '--username', 'x', '--role', 'monitor', '--db', db])).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const handle = await openDb({ sqlitePath: db });
    try {
      const stored = await handle.db.selectFrom('api_tokens').select('token_hash').execute();
      expect(stored).toHaveLength(1);
      expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored[0]?.token_hash).not.toContain(token.slice(7, 20));
      expect((await listAuditLog(handle.db)).map((e) => e.action)).toEqual(['token.create', 'user.add']);
    } finally {
      await handle.close();
    }
  });
});
