import { AppError, type Finding } from '../domain/index.js';
import { CHECKS } from '../checks/index.js';
import { loadPackage } from '../rules/index.js';
import { getAudit, listFindings, listRuns, listUploads, loadRecords, type Db, type RunRow, type StoredFinding } from '../store/index.js';
import { writeAuditReport } from './audit-report.js';
import { buildFindingsDocument, toFinding, type CheckTiming, type FindingsDocument } from './findings-document.js';
import { partitionRecords, type RunAuditResult } from './run-audit.js';

/** The latest finished run of an audit; CONFLICT when the checks have not run yet. */
export async function latestDoneRun(db: Db, auditId: number): Promise<RunRow> {
  const run = (await listRuns(db, auditId)).find((r) => r.status === 'done');
  if (!run) throw new AppError('CONFLICT', `cuộc kiểm tra số ${auditId} chưa có lượt chạy kiểm tra nào hoàn tất; hãy chạy kiểm tra trước`);
  return run;
}


/** Per-check counts rebuilt from stored findings (timings are not stored: ms is 0). */
function checkCounts(findings: readonly StoredFinding[]): CheckTiming[] {
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  return CHECKS.map((check) => ({ id: check.id, ms: 0, count: byRule.get(check.id) ?? 0 }));
}

async function storedState(db: Db, auditId: number): Promise<{ run: RunRow; findings: StoredFinding[] }> {
  const run = await latestDoneRun(db, auditId);
  const { items } = await listFindings(db, auditId, { limit: Number.MAX_SAFE_INTEGER });
  return { run, findings: items };
}

/**
 * The `ansinh.findings/1` document of an audit as it stands in the store: the findings of its latest
 * run with their current review status and version (what the API serves at `findings.json`).
 */
export async function findingsDocumentFromStore(db: Db, args: { auditId: number; generatedAt: Date }): Promise<FindingsDocument> {
  const { run, findings } = await storedState(db, args.auditId);
  return buildFindingsDocument({
    packageId: run.packageId,
    rulesVersion: run.rulesVersion,
    generatedAt: args.generatedAt,
    uploads: await listUploads(db, args.auditId),
    findings: findings.map(toFinding),
    checks: checkCounts(findings),
  });
}

/**
 * Writes the findings workbook of an audit from the store (latest finished run, current review
 * state), rebuilding the RunAuditResult that writeAuditReport reads.
 */
export async function writeReportFromStore(
  db: Db,
  args: { auditId: number; out: string | NodeJS.WritableStream; maskIds: boolean; generatedAt: Date },
): Promise<void> {
  const audit = await getAudit(db, args.auditId);
  if (!audit) throw new AppError('NOT_FOUND', `không tìm thấy cuộc kiểm tra số ${args.auditId}`);
  const { run, findings } = await storedState(db, args.auditId);
  const checks = checkCounts(findings);
  const document = await findingsDocumentFromStore(db, { auditId: args.auditId, generatedAt: args.generatedAt });
  const result: RunAuditResult = {
    runId: run.id,
    rules: loadPackage(run.packageId),
    data: partitionRecords(await loadRecords(db, args.auditId)),
    findings,
    checks,
    document,
  };
  await writeAuditReport(db, { auditId: args.auditId, title: audit.name, run: result, out: args.out, maskIds: args.maskIds, generatedAt: args.generatedAt });
}
