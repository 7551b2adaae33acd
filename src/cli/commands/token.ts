import os from 'node:os';
import type { Command } from 'commander';
import { openCliDb } from '../database.js';

/** `token create --username U`: prints a new API token for scripts (shown once, stored hashed). */
export function registerToken(program: Command): void {
  const token = program.command('token').description('Mã truy cập API cho tập lệnh');
  token
    .command('create')
    .description('Tạo mã truy cập API cho một người dùng (dùng trong tiêu đề Authorization: Bearer …); chỉ hiện một lần')
    .requiredOption('--username <name>', 'tên đăng nhập')
    .option('--name <label>', 'ghi chú cho mã (ví dụ tên tập lệnh)')
    .option('--db <path>', 'tệp SQLite hoặc postgres://… (mặc định ANSINH_DB / DATABASE_URL)')
    .action(async (opts: { username: string; name?: string; db?: string }) => {
      const { createToken } = await import('../../server/index.js');
      const handle = await openCliDb(opts.db);
      try {
        const result = await createToken(handle.db, { username: opts.username, name: opts.name ?? null, actor: `cli:${os.userInfo().username}` });
        process.stdout.write(`${result.token}\n`);
        process.stderr.write(`Mã truy cập API của "${result.user.username}" (chỉ hiện một lần; lưu ở nơi an toàn).\n`);
      } finally {
        await handle.close();
      }
    });
}
