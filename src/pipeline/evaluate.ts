import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError, isRegisterKind, type Finding, type RegisterKind } from '../domain/index.js';
import { auditFiles } from './audit-files.js';
import type { CheckTiming } from './findings-document.js';

const recordRef = z.object({ role: z.string(), file: z.string(), sheet: z.string(), row: z.number().int().positive() });
const answerKeySchema = z.object({
  schema: z.literal('ansinh.answers/1'),
  package: z.string(),
  files: z.array(z.object({ file: z.string(), role: z.string() })),
  anomalies: z.array(z.object({ rule: z.string(), records: z.array(recordRef).min(1), note: z.string().optional() })),
  traps: z.array(z.object({ kind: z.string().optional(), note: z.string().optional(), records: z.array(recordRef) })).optional(),
});
export type AnswerKey = z.infer<typeof answerKeySchema>;

export interface RuleScore {
  readonly rule: string;
  readonly expected: number;
  readonly found: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
}

const keyOf = (r: { role: string; file: string; sheet: string; row: number }): string => `${r.role}|${r.file}|${r.sheet}|${r.row}`;

/**
 * A finding answers an anomaly of the same rule when it cites the anomaly's rows: all of them for
 * one- or two-row anomalies, at least two for larger ones (a duplicate seen three times may be
 * reported pair by pair).
 */
function answers(finding: Finding, anomaly: AnswerKey['anomalies'][number]): boolean {
  const expected = new Set(anomaly.records.map(keyOf));
  const shared = finding.records.filter((r) => expected.has(keyOf(r))).length;
  return shared >= Math.min(expected.size, 2);
}

/** Precision and recall per rule of a findings list against an answer key. */
export function scoreFindings(findings: readonly Finding[], key: AnswerKey): RuleScore[] {
  const rules = [...new Set([...key.anomalies.map((a) => a.rule), ...findings.map((f) => f.rule)])].sort();
  return rules.map((rule) => {
    const expected = key.anomalies.filter((a) => a.rule === rule);
    const found = findings.filter((f) => f.rule === rule);
    const correct = found.filter((f) => expected.some((a) => answers(f, a))).length;
    const recalled = expected.filter((a) => found.some((f) => answers(f, a))).length;
    return {
      rule,
      expected: expected.length,
      found: found.length,
      truePositives: correct,
      precision: found.length === 0 ? (expected.length === 0 ? 1 : 0) : correct / found.length,
      recall: expected.length === 0 ? 1 : recalled / expected.length,
    };
  });
}

export interface TrapResult {
  readonly kind: string;
  readonly note: string;
  /** Rules of the row-level findings that cite this trap's rows (it should be none). */
  readonly trippedBy: readonly string[];
}

/**
 * Which traps (namesakes, household members, proxies, allowed combinations…) a row-level finding
 * fell into: a finding trips a trap when it cites its rows as an anomaly would be cited. Statistical
 * findings cite samples of a commune's rows and are left out.
 */
export function scoreTraps(findings: readonly Finding[], key: AnswerKey): TrapResult[] {
  const rowLevel = findings.filter((f) => f.category !== 'statistical');
  return (key.traps ?? []).map((trap) => {
    const rows = new Set(trap.records.map(keyOf));
    const trippedBy = rowLevel
      .filter((f) => f.records.filter((r) => rows.has(keyOf(r))).length >= Math.min(rows.size, 2))
      .map((f) => f.rule);
    return { kind: trap.kind ?? '', note: trap.note ?? '', trippedBy: [...new Set(trippedBy)] };
  });
}

export async function loadAnswerKey(dir: string): Promise<AnswerKey> {
  const file = path.join(dir, 'answers.json');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new AppError('UNREADABLE_FILE', 'không đọc được khóa đáp án answers.json', { file }, { cause: error });
  }
  const parsed = answerKeySchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('BAD_INPUT', `answers.json không đúng cấu trúc: ${parsed.error.issues[0]?.message ?? ''}`, { file });
  }
  return parsed.data;
}

/** Runs the audit on a samples folder and scores it against its answer key. */
export async function evaluateSamples(
  dir: string,
  options: { out?: string; json?: string } = {},
): Promise<{ scores: RuleScore[]; traps: TrapResult[]; findings: readonly Finding[]; timings: Record<string, number>; checks: readonly CheckTiming[] }> {
  const answerKey = await loadAnswerKey(dir);
  const byRole = (role: string): string[] => answerKey.files.filter((f) => f.role === role).map((f) => path.join(dir, f.file));
  const registers: { kind: RegisterKind; file: string }[] = [];
  for (const f of answerKey.files) {
    const kind = f.role.startsWith('register:') ? f.role.slice('register:'.length) : null;
    if (kind && isRegisterKind(kind)) registers.push({ kind, file: path.join(dir, f.file) });
  }
  const result = await auditFiles({
    name: `Đánh giá ${path.basename(path.resolve(dir))}`,
    beneficiaries: byRole('beneficiaries'),
    payouts: byRole('payouts'),
    registers,
    packageId: answerKey.package,
    ...(options.out ? { out: options.out } : {}),
    ...(options.json ? { json: options.json } : {}),
  });
  return {
    scores: scoreFindings(result.document.findings, answerKey),
    traps: scoreTraps(result.document.findings, answerKey),
    findings: result.document.findings,
    timings: result.timings,
    checks: result.run.checks,
  };
}
