import type { Finding, PersonRecord } from '../domain/index.js';
import type { PackageRules } from '../rules/index.js';
import { checkRules } from './helpers.js';
import { createMatchService } from './match-service.js';
import { dropReuploads } from './reuploads.js';
import { CHECKS } from './registry.js';
import { textKey } from './text.js';
import type { AuditData, CheckContext, CheckDefinition } from './types.js';

/** Timing and outcome of one check in a run. */
export interface CheckRun {
  id: string;
  ms: number;
  count: number;
  note?: string;
}

/**
 * Readies an audit's rows for the checks, so a repeated or corrected upload never produces findings
 * against itself: drops files a later corrected file replaces and exact copies of rows that arrive again in
 * another file ({@link dropReuploads}), and footer total rows.
 */
export function prepareData(data: AuditData): AuditData {
  const clean = (rows: readonly PersonRecord[]) => {
    const noTotals = rows.filter((r) => !isTotalRow(r));
    return dropReuploads(noTotals.length === rows.length ? rows : noTotals).kept;
  };
  const registers: AuditData['registers'] = {};
  for (const [kind, rows] of Object.entries(data.registers) as [keyof AuditData['registers'], AuditData['registers'][keyof AuditData['registers']]][]) {
    if (rows) registers[kind] = clean(rows);
  }
  return { beneficiaries: clean(data.beneficiaries), payouts: clean(data.payouts), registers };
}

/** Footer labels of commune lists ("Cộng", "Tổng cộng"; "Céng" is "Cộng" in undecoded TCVN3). */
const TOTAL_LABEL = /^(tong cong|cong|tong so|tong|cong trang|tong cong trang|ceng|t ng ceng)$/;

/**
 * A total row that reached the checks as a person (ingestion should skip them): a footer label in the
 * name column and no ID. Kept out so it is never reported as a person.
 */
export function isTotalRow(r: PersonRecord): boolean {
  return r.idNumber === null && r.fullName !== null && !startsOffLabel(r.fullName) && TOTAL_LABEL.test(textKey(r.fullName));
}

/**
 * Whether a text starts with an ASCII letter other than t or c, so its key cannot start a footer label (most
 * names: folding every name without an ID was a second of a million-row audit).
 */
function startsOffLabel(text: string): boolean {
  const c = text.charCodeAt(0) | 0x20; // A–Z → a–z; no other character lands in a–z
  return c >= 0x61 && c <= 0x7a && c !== 0x74 && c !== 0x63;
}

/** Findings with the same id (the same anomaly reached twice) become one, listing all their rows. */
function mergeSameId(findings: readonly Finding[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const f of findings) {
    const prior = byId.get(f.id);
    if (prior === undefined) {
      byId.set(f.id, f);
      continue;
    }
    const keys = new Set(prior.records.map((r) => `${r.role}|${r.file}|${r.sheet}|${r.row}`));
    const extra = f.records.filter((r) => !keys.has(`${r.role}|${r.file}|${r.sheet}|${r.row}`));
    byId.set(f.id, { ...prior, records: [...prior.records, ...extra] });
  }
  return [...byId.values()];
}

/**
 * Runs the registered checks the package enables (or only those named) over one audit's data.
 * A check that throws does not stop the others: its error is reported in `perCheck[].note`.
 */
export function runChecks(
  data: AuditData,
  rules: PackageRules,
  options?: {
    only?: string[];
    /**
     * Called once the matcher's memory is released (after its last user): a process holding a large audit
     * can collect then (see collectGarbage), before the statistical checks add to a heap still full of it.
     */
    onMatcherReleased?: () => void;
    /**
     * Called once the rows are ready for the checks (see prepareData), before the first check: a process
     * holding a large audit can collect then, so the matcher does not build on top of the ingest's and the
     * preparation's garbage (see collectGarbage).
     */
    onDataReady?: () => void;
    /**
     * Called after a check once the matcher let go of memory it held for that check alone (see
     * MatchService.takeLetGo): a process holding a large audit can collect then, before the next check
     * builds on top of it (the poor households' register, some 45 MB of arrays for a million payouts, was
     * still held when the next check's blocking made the audit's memory peak).
     */
    onMatcherLetGo?: () => void;
    /**
     * Called before each check that uses the matcher but the first, once the matcher has let go of the arrays
     * it reuses (see MatchService.trim): a process holding a large audit can collect then. The heap of a
     * million-payout audit grew by 100 to 150 MB of garbage from one matcher check to the next (the limit a
     * full collection sets is twice what it keeps), and the poor households' register was prepared on top of
     * it and of arrays sized for the two lists of a million rows before it: the audit's memory peak.
     */
    beforeMatcherCheck?: () => void;
  },
): { findings: Finding[]; perCheck: CheckRun[] } {
  const prepared = prepareData(data);
  options?.onDataReady?.();
  const ctx: CheckContext = { data: prepared, rules, matches: createMatchService(prepared, rules), memo: new Map() };
  const findings: Finding[] = [];
  const perCheck: CheckRun[] = [];
  const selected = CHECKS.filter((check) => !options?.only || options.only.includes(check.id));
  const usesMatcher = (check: CheckDefinition): boolean => check.usesMatcher === true && checkRules(ctx, check.id)?.enabled === true;
  const firstMatcherUser = selected.findIndex(usesMatcher);
  const lastMatcherUser = selected.findLastIndex(usesMatcher);
  for (const [index, check] of selected.entries()) {
    // The checks after the last matcher user run without the matcher's memory (a third of the heap).
    if (index === lastMatcherUser + 1 && index > 0) {
      ctx.matches.release();
      options?.onMatcherReleased?.();
    }
    const cfg = checkRules(ctx, check.id);
    if (!cfg?.enabled) {
      perCheck.push({ id: check.id, ms: 0, count: 0, note: cfg ? 'tắt trong gói chính sách' : 'gói chính sách không cấu hình kiểm tra này' });
      continue;
    }
    if (index > firstMatcherUser && index <= lastMatcherUser && usesMatcher(check)) {
      ctx.matches.trim();
      options?.beforeMatcherCheck?.();
    }
    const started = performance.now();
    try {
      const found = mergeSameId(check.run(ctx));
      findings.push(...found);
      if (ctx.matches.takeLetGo()) options?.onMatcherLetGo?.();
      const own = check.note?.(ctx);
      perCheck.push({ id: check.id, ms: Math.round(performance.now() - started), count: found.length, ...noteFor(check.id, ctx), ...(own ? { note: own } : {}) });
    } catch (err) {
      perCheck.push({ id: check.id, ms: Math.round(performance.now() - started), count: 0, note: `lỗi khi chạy: ${(err as Error).message}` });
    }
  }
  // Also when the last check run used the matcher: what it kept (among it the arrays the blocking reuses,
  // held per thread, not per run) goes with this run instead of staying until the next one.
  ctx.matches.release();
  return { findings, perCheck };
}

/** Why a check could not look at anything (a list it needs was not uploaded). */
function noteFor(id: string, ctx: CheckContext): { note?: string } {
  const { data } = ctx;
  const needs: Record<string, boolean> = {
    NOT_IN_APPROVED_LIST: data.beneficiaries.length > 0 && data.payouts.length > 0,
    DECEASED: (data.registers.deceased?.length ?? 0) > 0,
    NOT_ON_POOR_LIST: (data.registers['poor-2019']?.length ?? 0) > 0,
    EXCLUDED_BY_REGISTER: ctx.rules.registerExclusions.some((e) => (data.registers[e.register]?.length ?? 0) > 0),
    DUPLICATE_BENEFICIARY: data.beneficiaries.length > 0,
    DUPLICATE_PAYMENT: data.payouts.length > 0,
  };
  return needs[id] === false ? { note: 'không đánh giá được: chưa có danh sách cần đối chiếu' } : {};
}
