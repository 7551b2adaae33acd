import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { packagePath } from '../../config/index.js';
import { AppError } from '../../domain/index.js';
import type { Db } from '../../store/index.js';
import { openCliDb } from '../database.js';

/** The audit named by --audit, or the only/most recent one when there is no doubt. */
async function chooseAudit(db: Db, name: string | undefined): Promise<{ id: number; name: string }> {
  const { findAuditByName, listAudits } = await import('../../store/index.js');
  if (name) {
    const audit = await findAuditByName(db, name);
    if (!audit) throw new AppError('NOT_FOUND', `không có cuộc kiểm tra tên "${name}" trong cơ sở dữ liệu`);
    return audit;
  }
  const audits = await listAudits(db);
  const only = audits.length === 1 ? audits[0] : undefined;
  if (!only) {
    throw new AppError(
      'BAD_INPUT',
      audits.length === 0
        ? 'cơ sở dữ liệu chưa có cuộc kiểm tra nào (chạy ingest/audit với --db trước)'
        : `có ${audits.length} cuộc kiểm tra; chọn một bằng --audit TÊN (${audits.map((a) => a.name).join(', ')})`,
    );
  }
  return only;
}

export function registerReview(program: Command): void {
  program
    .command('import-review')
    .description('Nhập lại tệp Excel phát hiện đã được xem xét: áp dụng trạng thái và ghi chú của từng dòng (cả tệp hoặc không gì cả)')
    .argument('<file>', 'tệp .xlsx phát hiện đã chỉnh sửa')
    .option('--audit <name>', 'tên cuộc kiểm tra (bỏ qua nếu cơ sở dữ liệu chỉ có một)')
    .option('--reviewer <name>', 'người xem xét', os.userInfo().username)
    .option('--db <path>', 'tệp SQLite hoặc postgres://… (mặc định ANSINH_DB / DATABASE_URL)')
    .action(async (file: string, opts: { audit?: string; reviewer: string; db?: string }) => {
      const { importReview } = await import('../../pipeline/index.js');
      const handle = await openCliDb(opts.db);
      try {
        const audit = await chooseAudit(handle.db, opts.audit);
        const result = await importReview(handle.db, { auditId: audit.id, file, reviewer: opts.reviewer });
        if (result.problems.length > 0) {
          for (const p of result.problems) {
            process.stderr.write(`  trang "${p.sheet}", dòng ${p.row}, cột ${p.column}: ${p.message}\n`);
          }
          throw new AppError('BAD_INPUT', `${result.problems.length} dòng không áp dụng được; không thay đổi gì`, { file: path.basename(file) });
        }
        process.stdout.write(`Đã cập nhật ${result.applied} phát hiện (${result.unchanged} dòng không đổi) trong "${audit.name}".\n`);
      } finally {
        await handle.close();
      }
    });

  program
    .command('posting-list')
    .description('Ghi danh sách niêm yết công khai của một xã (số CMND/CCCD được che bớt)')
    .requiredOption('--commune <code>', 'mã xã GSO (5 chữ số)')
    .option('--audit <name>', 'tên cuộc kiểm tra (bỏ qua nếu cơ sở dữ liệu chỉ có một)')
    .option('--out <file>', 'tệp .xlsx ghi ra (mặc định reports/niem-yet-<mã xã>.xlsx của bộ công cụ)')
    .option('--db <path>', 'tệp SQLite hoặc postgres://… (mặc định ANSINH_DB / DATABASE_URL)')
    .action(async (opts: { commune: string; audit?: string; out?: string; db?: string }) => {
      const { writeCommunePostingList } = await import('../../pipeline/index.js');
      const handle = await openCliDb(opts.db);
      try {
        const audit = await chooseAudit(handle.db, opts.audit);
        const out = opts.out ?? packagePath('reports', `niem-yet-${opts.commune}.xlsx`);
        const result = await writeCommunePostingList(handle.db, { auditId: audit.id, communeCode: opts.commune, out });
        process.stdout.write(`Đã ghi ${out}: ${result.rows} người.\n`);
      } finally {
        await handle.close();
      }
    });
}
