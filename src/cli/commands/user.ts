import os from 'node:os';
import type { Command } from 'commander';
import { openCliDb } from '../database.js';

/** `user add --username U --role R --area CODE`: creates a user and prints a generated password once. */
export function registerUser(program: Command): void {
  const user = program.command('user').description('Quản lý người dùng của dịch vụ');
  user
    .command('add')
    .description('Tạo người dùng và in mật khẩu sinh ngẫu nhiên (chỉ hiện một lần)')
    .requiredOption('--username <name>', 'tên đăng nhập')
    .requiredOption('--role <role>', 'vai trò: admin, inspector, monitor, auditor')
    .option('--area <code>', 'mã địa bàn GSO: tỉnh (2 chữ số), huyện (3) hoặc xã (5); bỏ trống với admin (toàn quốc)')
    .option('--db <path>', 'tệp SQLite hoặc postgres://… (mặc định ANSINH_DB / DATABASE_URL)')
    .action(async (opts: { username: string; role: string; area?: string; db?: string }) => {
      const { addUser } = await import('../../server/index.js');
      const handle = await openCliDb(opts.db);
      try {
        const { user: created, password } = await addUser(handle.db, {
          username: opts.username,
          role: opts.role,
          area: opts.area ?? null,
          actor: `cli:${os.userInfo().username}`,
        });
        process.stdout.write(
          `Đã tạo người dùng "${created.username}" (vai trò ${created.role}, địa bàn ${created.area ?? 'toàn quốc'}).\n` +
            `Mật khẩu (chỉ hiện một lần): ${password}\n`,
        );
      } finally {
        await handle.close();
      }
    });
}
