import os from 'node:os';
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
      const { createAudit, findAuditByName, startUploadWriter } = await import('../../store/index.js');
      const { ingestUpload } = await import('../../pipeline/ingest-upload.js');
      const role = parseRoleOption(opts.role);
      const mapping = parseMapping(opts.map, opts.mappingFile);
      const handle = await openCliDb(opts.db);
      // The command owns the database while it runs: the rows may be written from a worker thread, one for
      // all the files when there are several (see auditFiles), else one for a large file.
      let writer = files.length > 1 && os.availableParallelism() >= 2 ? startUploadWriter(handle.db) : undefined;
      try {
        const audit =
          (await findAuditByName(handle.db, opts.audit)) ??
          (await createAudit(handle.db, { name: opts.audit, area: opts.area ?? null, packageId: opts.package }));
        for (const file of files) {
          const progress = createProgress(path.basename(file));
          const result = await ingestUpload(handle.db, {
            auditId: audit.id,
            path: file,
            role,
            ...(mapping ? { mapping } : {}),
            ...(writer ? { sharedWriter: writer } : { writeInWorker: 'auto' as const }),
            onProgress: (rows) => progress.update(rows),
          });
          progress.done(result.stats.rowsRead);
          const { stats } = result;
          process.stdout.write(
            `Đã nạp "${path.basename(file)}" (lần tải ${result.upload.id}): ${stats.rowsRead} dòng dữ liệu, ` +
              `${stats.rowsSkipped} dòng bỏ qua, ${stats.rowsRejected} dòng bị loại, ${stats.sheets.length} trang\n`,
          );
          for (const sheet of stats.sheets) {
            for (const problem of sheet.problems.slice(0, 20)) {
              process.stdout.write(`  ! trang "${problem.sheet}", dòng ${problem.row}${problem.column ? `, cột ${problem.column}` : ''}: ${problem.message}\n`);
            }
          }
        }
        await writer?.close();
        writer = undefined;
      } finally {
        await writer?.abort();
        await handle.close();
      }
    });
}
