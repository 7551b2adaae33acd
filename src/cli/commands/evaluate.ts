import type { Command } from 'commander';
import { packageFolderOption } from '../options.js';

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('Chạy kiểm tra trên bộ mẫu và in độ chính xác (precision) và độ phủ (recall) của từng quy tắc theo khóa đáp án')
    .addOption(packageFolderOption('--samples <dir>', 'thư mục mẫu có answers.json', 'samples'))
    .option('--json <file>', 'ghi thêm kết quả JSON')
    .action(async (opts: { samples: string; json?: string }) => {
      const { evaluateSamples } = await import('../../pipeline/index.js');
      const { scores, traps, checks } = await evaluateSamples(opts.samples, opts.json ? { json: opts.json } : {});
      const out = process.stdout;
      out.write(`${'Quy tắc'.padEnd(28)} ${'cần tìm'.padStart(8)} ${'tìm thấy'.padStart(9)} ${'đúng'.padStart(6)} ${'precision'.padStart(10)} ${'recall'.padStart(8)}\n`);
      for (const s of scores) {
        out.write(
          `${s.rule.padEnd(28)} ${String(s.expected).padStart(8)} ${String(s.found).padStart(9)} ${String(s.truePositives).padStart(6)} ${s.precision.toFixed(3).padStart(10)} ${s.recall.toFixed(3).padStart(8)}\n`,
        );
      }
      const tripped = traps.filter((t) => t.trippedBy.length > 0);
      out.write(`\nBẫy (trùng tên, cùng hộ, nhận thay, kết hợp được phép…): ${traps.length}, bị báo nhầm: ${tripped.length}\n`);
      for (const t of tripped) out.write(`  ! ${t.kind} (${t.trippedBy.join(', ')}): ${t.note}\n`);
      const scored = new Set(scores.map((s) => s.rule));
      const silent = checks.filter((c) => !scored.has(c.id));
      if (silent.length > 0) {
        out.write('\nQuy tắc không có phát hiện và không có sai phạm cài sẵn:\n');
        for (const c of silent) out.write(`  ${c.id.padEnd(28)} ${c.note ?? 'không phát hiện gì'}\n`);
      }
    });
}
