import type { Finding, PersonRecord, Severity } from '../../domain/index.js';
import { checkRules, pushTo, runMemo } from '../helpers.js';
import type { CheckContext, CheckDefinition } from '../types.js';

/** Settings of a statistical check: severity from the package and its numeric thresholds. */
export interface StatSettings {
  readonly severity: Severity;
  /** A threshold from the package's `thresholds` map, else the built-in default. */
  num(key: string, fallback: number): number;
}

/** What one run of a statistical check found, and what it had to leave out and why. */
export interface StatResult {
  readonly findings: Finding[];
  /** Vietnamese note for the run summary (groups too small, amounts fixed by policy…). */
  readonly note?: string;
}

/** The shape every statistical check module fills in. */
export interface StatCheckSpec {
  readonly id: string;
  readonly title: string;
  readonly legalBasis: string;
  analyse(ctx: CheckContext, settings: StatSettings): StatResult;
}

/** The common legal basis: these are risk indicators for choosing what to verify, not violations. */
export const RISK_BASIS =
  'Quyết định 15/2020/QĐ-TTg (giám sát, công khai); kiểm tra thống kê hỗ trợ chọn mẫu xác minh — là dấu hiệu rủi ro, không phải kết luận sai phạm';

/**
 * A {@link CheckDefinition} of category `statistical` from a spec. The analysis of a context is kept for
 * the run (runMemo) so that `note(ctx)` after `run(ctx)` reports on the same run without computing it again.
 */
export function statisticalCheck(spec: StatCheckSpec): CheckDefinition {
  const key = Symbol(spec.id);
  const analyse = (ctx: CheckContext): StatResult =>
    runMemo(ctx, key, (): StatResult => {
      const cfg = checkRules(ctx, spec.id);
      return cfg?.enabled
        ? spec.analyse(ctx, { severity: cfg.severity, num: (k, fallback) => cfg.thresholds?.[k] ?? fallback })
        : { findings: [] };
    });
  return {
    id: spec.id,
    category: 'statistical',
    title: spec.title,
    legalBasis: spec.legalBasis,
    run: (ctx) => analyse(ctx).findings,
    note: (ctx) => analyse(ctx).note,
  };
}

/** Rows sorted by where they sit (file, sheet, row): a deterministic order for citing samples. */
export function byPosition(rows: readonly PersonRecord[]): PersonRecord[] {
  return [...rows].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row));
}

/** At most `limit` rows (in position order) for a finding's `records`; the full count goes in the evidence. */
export function sampleRows(rows: readonly PersonRecord[], limit: number): PersonRecord[] {
  return byPosition(rows).slice(0, Math.max(1, Math.floor(limit)));
}

/** Groups items by a key, skipping null keys; insertion order kept. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    if (k === null) continue;
    pushTo(out, k, item);
  }
  return out;
}

/** "3 nhóm" style list of skip reasons joined for a note; undefined when there are none. */
export function joinNotes(parts: readonly (string | null | undefined | false)[]): string | undefined {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p.length > 0);
  return kept.length > 0 ? kept.join('; ') : undefined;
}
