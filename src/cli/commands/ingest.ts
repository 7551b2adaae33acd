import path from 'node:path';
import type { Command } from 'commander';
import { openCliDb } from '../database.js';
import { collect, parseMapping, parseRoleOption } from '../options.js';
import { createProgress } from '../progress.js';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('Nạp tệp bảng tính (.xlsx, .csv) vào một cuộc kiểm tra; mỗi tệp nạp trọn vẹn hoặc không nạp gì')
    .requiredOption('--audit <name>', 'tên cuộc kiểm tra (tạo mới nếu chưa có)')
    .requiredOption('--role <role>', 'beneficiaries | payouts | register:<deceased|pension|unemployment|payroll|poor-2019|population>')
    .option('--package <id>', 'gói chính sách khi tạo cuộc kiểm tra mới', 'nq42-2020')
    .option('--area <code>', 'mã địa bàn (GSO) khi tạo cuộc kiểm tra mới')
    .option('--map <field=COL>', 'ánh xạ cột tường minh, ví dụ fullName=B (lặp lại được)', collect, [])
    .option('--mapping-file <file>', 'tệp JSON ánh xạ cột {"fullName": "B", …}')
    .option('--db <path>', 'tệp SQLite hoặc postgres://… (mặc định ANSINH_DB / DATABASE_URL)')
    .argument('<files...>', 'các tệp cần nạp')
    .action(async (files: string[], opts: { audit: string; role: string; package: string; area?: string; map: string[]; mappingFile?: string; db?: string }) => {
      const { createAudit, findAuditByName } = await import('../../store/index.js');
      const { ingestBatch } = await import('../../pipeline/ingest-batch.js');
      const role = parseRoleOption(opts.role);
      const mapping = parseMapping(opts.map, opts.mappingFile);
      const handle = await openCliDb(opts.db);
      try {
        const audit =
          (await findAuditByName(handle.db, opts.audit)) ??
          (await createAudit(handle.db, { name: opts.audit, area: opts.area ?? null, packageId: opts.package }));
        // The command owns the database while it runs: rows are written, and files read ahead, on threads of
        // their own (see ingestBatch). A file's progress line is made when its first rows come, so that its
        // rate counts from there.
        const progress = new Map<number, ReturnType<typeof createProgress>>();
        const progressOf = (k: number): ReturnType<typeof createProgress> => {
          let p = progress.get(k);
          if (p === undefined) {
            p = createProgress(path.basename(files[k] ?? ''));
            progress.set(k, p);
          }
          return p;
        };
        const uploads = files.map((file, k) => ({
          auditId: audit.id,
          path: file,
          role,
          ...(mapping ? { mapping } : {}),
          onProgress: (rows: number) => progressOf(k).update(rows),
        }));
        await ingestBatch(handle.db, uploads, (k, result) => {
          progressOf(k).done(result.stats.rowsRead);
          const { stats } = result;
          process.stdout.write(
            `Đã nạp "${path.basename(files[k] ?? '')}" (lần tải ${result.upload.id}): ${stats.rowsRead} dòng dữ liệu, ` +
              `${stats.rowsSkipped} dòng bỏ qua, ${stats.rowsRejected} dòng bị loại, ${stats.sheets.length} trang\n`,
          );
          for (const sheet of stats.sheets) {
            for (const problem of sheet.problems.slice(0, 20)) {
              process.stdout.write(`  ! trang "${problem.sheet}", dòng ${problem.row}${problem.column ? `, cột ${problem.column}` : ''}: ${problem.message}\n`);
            }
          }
        });
      } finally {
        await handle.close();
      }
    });
}
