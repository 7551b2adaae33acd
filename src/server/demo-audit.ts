import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Role } from '../domain/index.js';
import { ingestUpload, loadAnswerKey, runAudit, writeAuditReport, type RunAuditResult } from '../pipeline/index.js';
import { appendAuditLog, createAudit, findAuditByName, listAudits, listRuns, listUploads, type AuditRow, type Db } from '../store/index.js';

/** The name of the audit the first start builds from the bundled samples. */
export const DEMO_AUDIT_NAME = 'Kiểm tra mẫu — dữ liệu samples/';

export interface DemoAuditOptions {
  /** The sample folder with its answers.json (which lists each file's role and the area). */
  readonly samplesDir: string;
  /** Where demo.xlsx and demo.json are written. */
  readonly reportsDir: string;
  readonly out: NodeJS.WritableStream;
  readonly now?: () => Date;
}

export interface DemoAuditResult {
  readonly audit: AuditRow;
  readonly findings: number;
  readonly workbook: string;
  readonly json: string;
}

/**
 * Loads the bundled samples into a demo audit when the database has no audit yet (the first start),
 * or finishes one a previous start left half-loaded (files already stored are not loaded again).
 * Runs every check, writes the workbook and JSON document the `demo` command writes, and prints the
 * findings per check. Returns null when there is nothing to do (later starts).
 */
export async function loadDemoAudit(db: Db, options: DemoAuditOptions): Promise<DemoAuditResult | null> {
  const now = options.now ?? (() => new Date());
  const existing = await findAuditByName(db, DEMO_AUDIT_NAME);
  if (existing) {
    const runs = await listRuns(db, existing.id);
    if (runs.some((r) => r.status === 'done')) return null;
  } else if ((await listAudits(db)).length > 0) {
    return null;
  }

  const key = await loadAnswerKey(options.samplesDir);
  const area = sampleArea(JSON.parse(await readFile(path.join(options.samplesDir, 'answers.json'), 'utf8')));
  const write = (text: string): void => void options.out.write(text);
  write(`Lần chạy đầu: nạp dữ liệu mẫu ${options.samplesDir} vào cuộc kiểm tra "${DEMO_AUDIT_NAME}"…\n`);
  const audit = existing ?? (await createAudit(db, { name: DEMO_AUDIT_NAME, area, packageId: key.package, createdBy: 'system' }));
  if (!existing) {
    await appendAuditLog(db, { at: now().toISOString(), actor: 'system', action: 'audit.create', target: `audit:${audit.id}`, detail: { demo: true, area }, ip: null });
  }

  const stored = new Set((await listUploads(db, audit.id)).map((u) => u.file));
  for (const file of key.files) {
    if (stored.has(path.basename(file.file))) continue;
    const result = await ingestUpload(db, { auditId: audit.id, path: path.join(options.samplesDir, file.file), role: file.role as Role, uploadedBy: 'system' });
    write(`  đã nạp ${file.file} (${file.role}): ${result.upload.rowsRead} dòng\n`);
  }

  const run = await runAudit(db, { auditId: audit.id, packageId: audit.packageId, now: now() });
  await appendAuditLog(db, { at: now().toISOString(), actor: 'system', action: 'run', target: `audit:${audit.id}`, detail: { runId: run.runId, demo: true }, ip: null });
  const json = path.join(options.reportsDir, 'demo.json');
  const workbook = path.join(options.reportsDir, 'demo.xlsx');
  await mkdir(options.reportsDir, { recursive: true });
  await writeFile(json, JSON.stringify(run.document, null, 2) + '\n', 'utf8');
  await writeAuditReport(db, { auditId: audit.id, title: audit.name, run, out: workbook, maskIds: false });
  write(summary(run, workbook, json));
  return { audit, findings: run.findings.length, workbook, json };
}

/** The samples' district (or province) GSO code, from answers.json's `area` block (not in the scored schema). */
function sampleArea(key: unknown): string | null {
  const area = (key as { area?: { district?: { code?: unknown }; province?: { code?: unknown } } }).area;
  const code = area?.district?.code ?? area?.province?.code;
  return typeof code === 'string' && code !== '' ? code : null;
}

function summary(run: RunAuditResult, workbook: string, json: string): string {
  const lines = [`Kiểm tra mẫu xong: ${run.findings.length} phát hiện.`];
  for (const check of run.checks) if (check.count > 0) lines.push(`  ${check.id.padEnd(28)} ${String(check.count).padStart(5)} phát hiện`);
  lines.push(`Báo cáo Excel: ${workbook}`, `Kết quả JSON: ${json}`, '');
  return lines.join('\n');
}
