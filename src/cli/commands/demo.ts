import path from 'node:path';
import type { Command } from 'commander';
import { packageFolderOption } from '../options.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Chạy kiểm tra mẫu trên bộ dữ liệu samples/ bằng SQLite nhúng; ghi reports/demo.xlsx và reports/demo.json')
    .addOption(packageFolderOption('--samples <dir>', 'thư mục mẫu', 'samples'))
    .addOption(packageFolderOption('--out <dir>', 'thư mục báo cáo', 'reports'))
    .action(async (opts: { samples: string; out: string }) => {
      const { evaluateSamples } = await import('../../pipeline/index.js');
      const out = path.join(opts.out, 'demo.xlsx');
      const json = path.join(opts.out, 'demo.json');
      const { findings, scores } = await evaluateSamples(opts.samples, { out, json });
      const stdout = process.stdout;
      stdout.write(`Kiểm tra mẫu xong: ${findings.length} phát hiện.\n`);
      for (const s of scores) stdout.write(`  ${s.rule.padEnd(28)} ${String(s.found).padStart(5)} phát hiện (cài sẵn ${s.expected})\n`);
      stdout.write(`Báo cáo Excel: ${out}\nKết quả JSON: ${json}\n`);
    });
}
