import type { Category, Finding } from '../domain/index.js';
import type { StoredFinding, UploadRow } from '../store/index.js';

export interface CheckTiming {
  readonly id: string;
  readonly ms: number;
  readonly count: number;
  readonly note?: string;
}

export interface Tally {
  count: number;
  amountAtRisk: number;
}

export interface FindingsSummary {
  readonly findings: number;
  readonly amountAtRisk: number;
  readonly byCategory: Record<string, Tally>;
  readonly byRule: Record<string, Tally & { category: Category }>;
  readonly byCommune: Record<string, Tally>;
  readonly checks: readonly CheckTiming[];
}

export interface FindingsInput {
  readonly role: string;
  readonly file: string;
  readonly sha256: string;
  readonly sheets: { sheet: string; rowsRead: number; rowsSkipped: number }[];
  readonly rowsRead: number;
  readonly rowsSkipped: number;
}

/** The `ansinh.findings/1` document written by the CLI and served by the API (CONTRACTS.md). */
export interface FindingsDocument {
  readonly schema: 'ansinh.findings/1';
  readonly package: string;
  readonly rulesVersion: string;
  readonly generatedAt: string;
  readonly inputs: readonly FindingsInput[];
  readonly summary: FindingsSummary;
  readonly findings: readonly Finding[];
}

function add(tallies: Record<string, Tally>, key: string, amount: number): void {
  const tally = (tallies[key] ??= { count: 0, amountAtRisk: 0 });
  tally.count += 1;
  tally.amountAtRisk += amount;
}

/** Strips the store's review bookkeeping so a document carries exactly the contract's finding fields. */
export function toFinding(stored: StoredFinding): Finding {
  return {
    id: stored.id,
    rule: stored.rule,
    category: stored.category,
    severity: stored.severity,
    score: stored.score,
    amountAtRisk: stored.amountAtRisk,
    subject: stored.subject,
    records: stored.records,
    explanation: stored.explanation,
    evidence: stored.evidence,
    status: stored.status,
    version: stored.version,
  };
}

/** Counts and amounts at risk by category, rule and commune. */
export function summarize(findings: readonly Finding[], checks: readonly CheckTiming[]): FindingsSummary {
  const byCategory: Record<string, Tally> = {};
  const byRule: Record<string, Tally & { category: Category }> = {};
  const byCommune: Record<string, Tally> = {};
  let amountAtRisk = 0;
  for (const finding of findings) {
    amountAtRisk += finding.amountAtRisk;
    add(byCategory, finding.category, finding.amountAtRisk);
    const rule = (byRule[finding.rule] ??= { count: 0, amountAtRisk: 0, category: finding.category });
    rule.count += 1;
    rule.amountAtRisk += finding.amountAtRisk;
    add(byCommune, finding.subject.commune ?? '(không rõ)', finding.amountAtRisk);
  }
  return { findings: findings.length, amountAtRisk, byCategory, byRule, byCommune, checks };
}

/** Describes an upload as one entry of the document's `inputs`. */
export function describeUpload(upload: UploadRow): FindingsInput {
  const sheets = (upload.sheets ?? []).map((s) => ({ sheet: s.sheet, rowsRead: s.rowsRead, rowsSkipped: s.rowsSkipped }));
  return {
    role: upload.role,
    file: upload.file,
    sha256: upload.sha256,
    sheets,
    rowsRead: upload.rowsRead,
    rowsSkipped: upload.rowsSkipped,
  };
}

export function buildFindingsDocument(args: {
  packageId: string;
  rulesVersion: string;
  generatedAt: Date;
  uploads: readonly UploadRow[];
  findings: readonly Finding[];
  checks: readonly CheckTiming[];
}): FindingsDocument {
  return {
    schema: 'ansinh.findings/1',
    package: args.packageId,
    rulesVersion: args.rulesVersion,
    generatedAt: args.generatedAt.toISOString(),
    inputs: args.uploads.map(describeUpload),
    summary: summarize(args.findings, args.checks),
    findings: args.findings,
  };
}
