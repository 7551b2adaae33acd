import type { Command } from 'commander';
import { startServer } from '../../server/index.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Chạy dịch vụ web và JSON API (cổng PORT, mặc định 8787; cơ sở dữ liệu ANSINH_DB hoặc DATABASE_URL)')
    .option('--port <n>', 'cổng')
    .action(async (opts: { port?: string }) => {
      const server = await startServer(opts.port ? { port: Number(opts.port) } : {});
      process.stdout.write(`Dịch vụ đang chạy tại http://localhost:${server.port}\n`);
      const stop = (): void => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise<never>(() => undefined);
    });
}
