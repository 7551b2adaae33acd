import type { Command } from 'commander';
import { collect, parseMapping, parseRoleOption } from '../options.js';

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('Xem trước tệp: từng trang, dòng tiêu đề, ánh xạ cột, số dòng dữ liệu và dòng bỏ qua, vài dòng đầu')
    .argument('<file>', 'tệp .xlsx hoặc .csv')
    .option('--role <role>', 'vai trò của tệp', 'payouts')
    .option('--map <field=COL>', 'ánh xạ cột tường minh (lặp lại được)', collect, [])
    .option('--mapping-file <file>', 'tệp JSON ánh xạ cột')
    .option('--rows <n>', 'số dòng mẫu mỗi trang', '5')
    .action(async (file: string, opts: { role: string; map: string[]; mappingFile?: string; rows: string }) => {
      const { formatInspectReport, inspectFile } = await import('../../ingest/index.js');
      const mapping = parseMapping(opts.map, opts.mappingFile);
      const report = await inspectFile(file, {
        role: parseRoleOption(opts.role),
        ...(mapping ? { mapping } : {}),
        sampleRows: Math.max(0, Number.parseInt(opts.rows, 10) || 5),
      });
      process.stdout.write(formatInspectReport(report) + '\n');
    });
}
