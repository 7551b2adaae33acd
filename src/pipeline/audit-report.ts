import type { PersonRecord, RecordRef } from '../domain/index.js';
import { CHECKS, checkSettings } from '../checks/index.js';
import { writeFindingsWorkbook, type ReportFinding, type ReportInput } from '../report/index.js';
import { listUploads, type Db, type StoredFinding } from '../store/index.js';
import type { RunAuditResult } from './run-audit.js';

const refKey = (r: Pick<RecordRef, 'role' | 'file' | 'sheet' | 'row'>): string => `${r.role}\u0000${r.file}\u0000${r.sheet}\u0000${r.row}`;

interface CommuneTally {
  code: string | null;
  name: string;
  beneficiaries: number;
  payouts: number;
  amountPaid: number;
  findings: number;
  amountAtRisk: number;
}

function communeTable(run: RunAuditResult, byRef: Map<string, PersonRecord>): CommuneTally[] {
  const table = new Map<string, CommuneTally>();
  const entry = (record: PersonRecord | undefined, fallback: string | null): CommuneTally => {
    const key = record?.communeCode ?? record?.communeName ?? fallback ?? '(không rõ)';
    let tally = table.get(key);
    if (!tally) {
      tally = { code: record?.communeCode ?? null, name: record?.communeName ?? fallback ?? '(không rõ)', beneficiaries: 0, payouts: 0, amountPaid: 0, findings: 0, amountAtRisk: 0 };
      table.set(key, tally);
    }
    return tally;
  };
  for (const record of run.data.beneficiaries) entry(record, null).beneficiaries += 1;
  for (const record of run.data.payouts) {
    const tally = entry(record, null);
    tally.payouts += 1;
    tally.amountPaid += record.amount ?? 0;
  }
  for (const finding of run.findings) {
    const first = finding.records[0];
    const tally = entry(first ? byRef.get(refKey(first)) : undefined, finding.subject.commune);
    tally.findings += 1;
    tally.amountAtRisk += finding.amountAtRisk;
  }
  return [...table.values()].sort((a, b) => (a.code ?? a.name).localeCompare(b.code ?? b.name));
}

function* reportFindings(findings: readonly StoredFinding[], byRef: Map<string, PersonRecord>): Iterable<ReportFinding> {
  for (const finding of findings) {
    const records = finding.records.map((r) => byRef.get(refKey(r)));
    const person = records.find((r) => r !== undefined);
    const paid = records.find((r) => r?.role === 'payouts');
    yield {
      ...finding,
      birthYear: person?.birthYear ?? null,
      village: person?.village ?? null,
      groupCode: person?.groupCode ?? null,
      amountPaid: paid?.amount ?? null,
      reviewer: finding.reviewer,
      note: finding.note,
      reviewedAt: finding.reviewedAt,
    };
  }
}

/**
 * The records the run's findings cite, by refKey, found by file, sheet and row without a key per row: keying
 * every row of a million-row audit took seconds and a map of millions.
 */
function recordsCited(run: RunAuditResult): Map<string, PersonRecord> {
  const keys = new Set<string>();
  const rowsOf = new Map<string, Map<string, Set<number>>>(); // file → sheet → rows cited
  for (const finding of run.findings) {
    for (const ref of finding.records) {
      keys.add(refKey(ref));
      let sheets = rowsOf.get(ref.file);
      if (sheets === undefined) rowsOf.set(ref.file, (sheets = new Map()));
      let rows = sheets.get(ref.sheet);
      if (rows === undefined) sheets.set(ref.sheet, (rows = new Set()));
      rows.add(ref.row);
    }
  }
  const byRef = new Map<string, PersonRecord>();
  for (const list of [run.data.beneficiaries, run.data.payouts, ...Object.values(run.data.registers)]) {
    for (const record of list ?? []) {
      if (rowsOf.get(record.file)?.get(record.sheet)?.has(record.row) !== true) continue;
      const key = refKey(record);
      if (keys.has(key)) byRef.set(key, record);
    }
  }
  return byRef;
}

/** Writes the findings workbook of a finished run (sheets per CONTRACTS.md). */
export async function writeAuditReport(
  db: Db,
  args: { auditId: number; title: string; run: RunAuditResult; out: string | NodeJS.WritableStream; maskIds: boolean; generatedAt?: Date },
): Promise<void> {
  const { run } = args;
  const byRef = recordsCited(run);
  const uploads = await listUploads(db, args.auditId);
  const counts = new Map(run.checks.map((c) => [c.id, c]));
  const input: ReportInput = {
    title: args.title,
    packageId: run.rules.id,
    packageTitle: run.rules.title,
    rulesVersion: run.rules.version,
    generatedAt: args.generatedAt ?? new Date(run.document.generatedAt),
    inputs: uploads.map((u) => ({
      role: u.role,
      file: u.file,
      sha256: u.sha256,
      rowsRead: u.rowsRead,
      rowsSkipped: u.rowsSkipped,
      sheets: (u.sheets ?? []).map((s) => ({ sheet: s.sheet, rowsRead: s.rowsRead, rowsSkipped: s.rowsSkipped })),
    })),
    checks: CHECKS.map((check) => {
      const settings = checkSettings(run.rules, check.id);
      const timing = counts.get(check.id);
      return {
        id: check.id,
        category: check.category,
        title: check.title,
        legalBasis: check.legalBasis,
        severity: settings.severity,
        thresholds: settings.thresholds,
        count: timing?.count ?? 0,
        ...(timing?.note ? { note: timing.note } : {}),
      };
    }),
    communes: communeTable(run, byRef),
    findings: reportFindings(run.findings, byRef),
    maskIds: args.maskIds,
  };
  await writeFindingsWorkbook(input, args.out);
}
