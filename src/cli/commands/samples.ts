import type { Command } from 'commander';
import { packageFolderOption } from '../options.js';

export function registerSamples(program: Command): void {
  program
    .command('samples')
    .description('Sinh bộ bảng tính mẫu có cài sẵn sai phạm và khóa đáp án answers.json')
    .option('--seed <n>', 'hạt giống ngẫu nhiên', '42')
    .option('--rows <n>', 'số dòng chi trả xấp xỉ', '600')
    .addOption(packageFolderOption('--out <dir>', 'thư mục ghi', 'samples'))
    .action(async (opts: { seed: string; rows: string; out: string }) => {
      const { generateSamples } = await import('../../samples/index.js');
      const result = await generateSamples({ seed: Number(opts.seed), rows: Number(opts.rows), outDir: opts.out });
      process.stdout.write(`Đã ghi ${result.files.length} tệp và answers.json vào ${opts.out}\n`);
    });
}
