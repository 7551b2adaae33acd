import type { Command } from 'commander';
import { AppError } from '../../domain/index.js';
import { packageFolderOption } from '../options.js';

interface ServeOptions {
  port?: string;
  demo?: boolean;
  samples: string;
  reports: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Chạy dịch vụ web và JSON API (cổng PORT, mặc định 8787; cơ sở dữ liệu ANSINH_DB hoặc DATABASE_URL)')
    .option('--port <n>', 'cổng (0 = một cổng còn trống)')
    .option('--demo', 'lần chạy đầu (chưa có cuộc kiểm tra nào): nạp dữ liệu mẫu vào một cuộc kiểm tra và ghi reports/demo.xlsx, reports/demo.json')
    .addOption(packageFolderOption('--samples <dir>', 'thư mục dữ liệu mẫu cho --demo', 'samples'))
    .addOption(packageFolderOption('--reports <dir>', 'thư mục báo cáo cho --demo', 'reports'))
    .action(async (opts: ServeOptions) => {
      const { startServer } = await import('../../server/index.js');
      const port = opts.port === undefined ? undefined : Number(opts.port);
      if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
        throw new AppError('BAD_INPUT', `cổng "${opts.port}" không hợp lệ: cần một số từ 0 đến 65535`);
      }
      const server = await startServer({
        ...(port !== undefined ? { port } : {}),
        ...(opts.demo ? { demo: { samplesDir: opts.samples, reportsDir: opts.reports } } : {}),
      });
      process.stdout.write(`Dịch vụ đang chạy tại http://localhost:${server.port}\n`);
      let stopping = false;
      const stop = (signal: NodeJS.Signals): void => {
        if (stopping) {
          process.stderr.write(`Nhận ${signal} lần nữa: dừng ngay, các công việc dở dang sẽ được đánh dấu khi khởi động lại.\n`);
          process.exit(1);
        }
        stopping = true;
        process.stdout.write(`Nhận ${signal}: ngừng nhận yêu cầu, chờ các công việc đang chạy xong rồi dừng…\n`);
        server.close().then(
          () => {
            process.stdout.write('Đã dừng dịch vụ.\n');
            process.exit(0);
          },
          (error: unknown) => {
            process.stderr.write(`Lỗi khi dừng dịch vụ: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      await new Promise<never>(() => undefined);
    });
}
