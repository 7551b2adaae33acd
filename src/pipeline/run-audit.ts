import { registerKindOf, type Finding, type PersonRecord, type RegisterKind } from '../domain/index.js';
import { runChecks, type AuditData } from '../checks/index.js';
import { collectGarbage, lowerLateChecksHeapGrowth, raiseChecksHeapGrowth } from '../config/heap.js';
import { loadPackage, type PackageRules } from '../rules/index.js';
import {
  createRun,
  listFindings,
  listUploads,
  loadRecords,
  saveRunFindings,
  updateRun,
  type Db,
  type StoredFinding,
} from '../store/index.js';
import { buildFindingsDocument, toFinding, type CheckTiming, type FindingsDocument } from './findings-document.js';

export interface RunAuditResult {
  readonly runId: number;
  readonly rules: PackageRules;
  readonly data: AuditData;
  readonly findings: readonly StoredFinding[];
  readonly checks: readonly CheckTiming[];
  readonly document: FindingsDocument;
}

/** Splits an audit's stored rows by role into what the checks read (arrays of their exact length). */
export function partitionRecords(records: readonly PersonRecord[]): AuditData {
  const counts = new Map<string, number>();
  for (const record of records) counts.set(record.role, (counts.get(record.role) ?? 0) + 1);
  const byRole = new Map<string, PersonRecord[]>();
  for (const [role, count] of counts) byRole.set(role, new Array<PersonRecord>(count));
  const filled = new Map<string, number>();
  for (const record of records) {
    const at = filled.get(record.role) ?? 0;
    (byRole.get(record.role) as PersonRecord[])[at] = record;
    filled.set(record.role, at + 1);
  }
  const registers: Partial<Record<RegisterKind, PersonRecord[]>> = {};
  for (const [role, rows] of byRole) {
    const kind = registerKindOf(role as PersonRecord['role']);
    if (kind) registers[kind] = [...(registers[kind] ?? []), ...rows];
  }
  return { beneficiaries: byRole.get('beneficiaries') ?? [], payouts: byRole.get('payouts') ?? [], registers };
}

/**
 * Runs every enabled check of the audit's package over its stored rows (or `records`), stores the findings as a
 * new run (keeping review state of findings that still hold) and returns the findings document.
 */
export async function runAudit(
  db: Db,
  args: {
    auditId: number;
    packageId: string;
    now?: Date;
    /**
     * The audit's records as loadRecords reads them without raw cells, when the caller already has them (see
     * KeptRecords): taken here, so that the list of all of them (22 MB for a million-payout audit) is let go
     * once split by role.
     */
    kept?: { take(): readonly PersonRecord[] };
  },
): Promise<RunAuditResult> {
  const rules = loadPackage(args.packageId);
  const run = await createRun(db, args.auditId, args.packageId, rules.version);
  await updateRun(db, run.id, { status: 'running', progress: 0 });
  try {
    // The checks never read the raw cells: left out, the records take less memory.
    const data = partitionRecords(args.kept?.take() ?? (await loadRecords(db, args.auditId, undefined, { raw: false })));
    // The heap grows as for the checks (see raiseChecksHeapGrowth) once their rows are ready, after a full
    // collection: a million-payout audit's memory peaked there, at the start of the matcher, some 250 MB above
    // what the heap held live, before the first full collection of the checks.
    let lowerHeapGrowth = (): void => {};
    let restoreHeapGrowth = (): void => {};
    let checked: ReturnType<typeof runChecks>;
    try {
      checked = runChecks(data, rules, {
        onDataReady: () => {
          lowerHeapGrowth = raiseChecksHeapGrowth();
          collectGarbage();
        },
        // The matcher's prepared rows and pairs are garbage after its last check: collected at once, not on top of
        // the next checks' garbage, and the heap grows less than outside the checks from there (the records alone
        // are live; see LATE_CHECKS_HEAP_GROWING_PERCENT).
        onMatcherReleased: () => {
          lowerHeapGrowth(); // first: the collection sets the next limit
          restoreHeapGrowth = lowerLateChecksHeapGrowth();
          collectGarbage();
        },
        onMatcherLetGo: collectGarbage,
        beforeMatcherCheck: collectGarbage,
      });
    } finally {
      lowerHeapGrowth();
      restoreHeapGrowth();
    }
    const { findings, perCheck } = checked;
    const saved = await saveRunFindings(db, args.auditId, run.id, findings);
    const stored = await listFindings(db, args.auditId, { limit: Number.MAX_SAFE_INTEGER });
    await updateRun(db, run.id, {
      status: 'done',
      progress: 1,
      counts: { findings: findings.length, ...saved },
      finishedAt: new Date().toISOString(),
    });
    const document = buildFindingsDocument({
      packageId: args.packageId,
      rulesVersion: rules.version,
      generatedAt: args.now ?? new Date(),
      uploads: await listUploads(db, args.auditId),
      findings: stored.items.map(toFinding),
      checks: perCheck,
    });
    return { runId: run.id, rules, data, findings: stored.items, checks: perCheck, document };
  } catch (error) {
    await updateRun(db, run.id, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
