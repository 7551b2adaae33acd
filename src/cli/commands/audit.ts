import path from 'node:path';
import type { Command } from 'commander';
import { AppError, isRegisterKind, type RegisterKind } from '../../domain/index.js';
import type { AuditFilesResult } from '../../pipeline/index.js';
import { collect } from '../options.js';
import { createProgress } from '../progress.js';

function parseRegister(entry: string): { kind: RegisterKind; file: string } {
  const at = entry.indexOf('=');
  const kind = at > 0 ? entry.slice(0, at) : '';
  if (!isRegisterKind(kind)) {
    throw new AppError(
      'BAD_INPUT',
      `"--register ${entry}" phải có dạng LOẠI=TỆP với LOẠI là deceased, pension, unemployment, payroll, poor-2019 hoặc population`,
    );
  }
  return { kind, file: entry.slice(at + 1) };
}

const vnd = (n: number): string => `${n.toLocaleString('vi-VN')} đ`;

/** Prints the per-file and per-check summary of an audit to stdout. */
export function printAuditSummary(result: AuditFilesResult): void {
  const { document } = result;
  const out = process.stdout;
  out.write(`\nGói chính sách: ${document.package} (phiên bản quy tắc ${document.rulesVersion})\n`);
  out.write(`Phát hiện: ${document.summary.findings}, số tiền có nguy cơ sai: ${vnd(document.summary.amountAtRisk)}\n`);
  out.write('Theo quy tắc:\n');
  for (const check of document.summary.checks) {
    const note = check.note ? ` — ${check.note}` : '';
    out.write(`  ${check.id.padEnd(28)} ${String(check.count).padStart(6)} phát hiện  ${check.ms.toFixed(0).padStart(6)} ms${note}\n`);
  }
  const t = result.timings;
  out.write(`Thời gian: nạp ${(t['ingest'] ?? 0).toFixed(0)} ms, kiểm tra ${(t['checks'] ?? 0).toFixed(0)} ms\n`);
}

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('Nạp các danh sách và chạy mọi phép kiểm tra trên một cơ sở dữ liệu mới; ghi kết quả JSON và Excel')
    .option('--beneficiaries <files...>', 'danh sách đối tượng được hỗ trợ (đã phê duyệt)', [])
    .option('--payouts <files...>', 'danh sách chi trả / ký nhận', [])
    .option('--register <kind=file>', 'danh sách đối chiếu, ví dụ deceased=nguoi-chet.xlsx (lặp lại được)', collect, [])
    .option('--package <id>', 'gói chính sách (tệp rules/<id>.yaml)', 'nq42-2020')
    .option('--name <name>', 'tên cuộc kiểm tra')
    .option('--db <path>', 'dùng cơ sở dữ liệu này thay vì một tệp SQLite tạm')
    .option('--out <file>', 'tệp Excel kết quả (.xlsx)')
    .option('--json <file>', 'tệp JSON kết quả (ansinh.findings/1)')
    .action(async (opts: { beneficiaries: string[]; payouts: string[]; register: string[]; package: string; name?: string; db?: string; out?: string; json?: string }) => {
      const { auditFiles } = await import('../../pipeline/index.js');
      if (opts.payouts.length === 0 && opts.beneficiaries.length === 0) {
        throw new AppError('BAD_INPUT', 'cần ít nhất một tệp --payouts hoặc --beneficiaries');
      }
      const bars = new Map<string, ReturnType<typeof createProgress>>();
      const result = await auditFiles({
        name: opts.name ?? (opts.out ? path.basename(opts.out, path.extname(opts.out)) : 'Kiểm tra'),
        beneficiaries: opts.beneficiaries,
        payouts: opts.payouts,
        registers: opts.register.map(parseRegister),
        packageId: opts.package,
        ...(opts.db ? { db: opts.db } : {}),
        ...(opts.out ? { out: opts.out } : {}),
        ...(opts.json ? { json: opts.json } : {}),
        onProgress: (file, rows) => {
          let bar = bars.get(file);
          if (!bar) bars.set(file, (bar = createProgress(path.basename(file))));
          bar.update(rows);
        },
        onFile: (file, r) => {
          bars.get(file)?.done(r.stats.rowsRead);
          process.stdout.write(`Đã nạp ${path.basename(file)}: ${r.stats.rowsRead} dòng, bỏ qua ${r.stats.rowsSkipped}, loại ${r.stats.rowsRejected}\n`);
        },
      });
      printAuditSummary(result);
      if (opts.json) process.stdout.write(`Đã ghi ${opts.json}\n`);
      if (opts.out) process.stdout.write(`Đã ghi ${opts.out}\n`);
    });
}
