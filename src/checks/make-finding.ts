import type { Category, Finding, PersonRecord, RecordRef, Severity } from '../domain/index.js';
import { explainMatch, type MatchPair } from '../match/index.js';
import { findingId } from './finding-id.js';

/** What a check says about one anomaly; {@link makeFinding} fills in the rest. */
export interface FindingDraft {
  readonly rule: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly score?: number;
  readonly amountAtRisk: number;
  /** The person the finding is about (subject name, ID and commune are taken from it). */
  readonly subject: PersonRecord | null;
  /** Every row the finding rests on. */
  readonly records: readonly PersonRecord[];
  /** Person keys and payment identities: what makes the finding the same one across runs. */
  readonly identities: readonly string[];
  readonly explanation: string;
  readonly evidence: Record<string, unknown>;
}

/** The row reference of a record. */
export function refOf(r: PersonRecord): RecordRef {
  return { role: r.role, file: r.file, sheet: r.sheet, row: r.row };
}

/** A new finding (status 'new', version 1) with its stable id; records are listed once each, in order. */
export function makeFinding(d: FindingDraft): Finding {
  const seen = new Set<string>();
  const records: RecordRef[] = [];
  for (const r of d.records) {
    const key = `${r.role}|${r.file}|${r.sheet}|${r.row}`;
    if (seen.has(key)) continue;
    seen.add(key);
    records.push(refOf(r));
  }
  const s = d.subject;
  return {
    id: findingId(d.rule, d.identities),
    rule: d.rule,
    category: d.category,
    severity: d.severity,
    score: Math.round((d.score ?? 1) * 1000) / 1000,
    amountAtRisk: Math.max(0, Math.round(d.amountAtRisk)),
    subject: { name: s?.fullName ?? null, idNumber: s?.idNumber ?? null, commune: s === null ? null : (s.communeName ?? s.communeCode) },
    records,
    explanation: d.explanation,
    evidence: d.evidence,
    status: 'new',
    version: 1,
  };
}

/** The matcher's field-by-field comparison, for a finding's evidence. */
export function matchEvidence(pair: MatchPair): Record<string, unknown> {
  return {
    decision: pair.decision,
    weight: Math.round(pair.weight * 100) / 100,
    probability: Math.round(pair.probability * 1000) / 1000,
    byId: pair.byId,
    waterfall: explainMatch(pair),
    comparisons: pair.comparisons.map((c) => ({ field: c.field, label: c.label, a: c.a, b: c.b, level: c.level, weight: Math.round(c.weight * 100) / 100 })),
  };
}

/** Vietnamese summary of a pair's agreement: "khớp theo số giấy tờ" or "mức tương đồng 97%". */
export function matchSummary(pair: MatchPair): string {
  if (pair.byId) return 'trùng số CMND/CCCD';
  return `khớp họ tên và thông tin nhân thân (xác suất cùng một người ${Math.round(pair.probability * 100)}%)`;
}

/** A check's finding builder: fixes rule, category and severity so each call names only what varies. */
export function findingMaker(
  rule: string,
  category: Category,
  severity: Severity,
): (draft: Omit<FindingDraft, 'rule' | 'category' | 'severity'>) => Finding {
  return (draft) => makeFinding({ rule, category, severity, ...draft });
}
