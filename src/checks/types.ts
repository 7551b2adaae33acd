import type { Category, Finding, PersonRecord, RegisterKind } from '../domain/index.js';
import type { PackageRules } from '../rules/index.js';
import type { MatchService } from './match-service.js';

/** What the checks read: the normalised rows of an audit, by role. */
export interface AuditData {
  beneficiaries: readonly PersonRecord[];
  payouts: readonly PersonRecord[];
  registers: Partial<Record<RegisterKind, readonly PersonRecord[]>>;
}

/** Everything a check needs; `matches` memoises matcher results shared between checks. */
export interface CheckContext {
  data: AuditData;
  rules: PackageRules;
  matches: MatchService;
  /**
   * Results several checks of the run share, under a key their module owns (see runMemo). A strong map,
   * dropped with the context: V8 marks a WeakMap's values only once it has marked their keys (see
   * PrepareCache.lists for what that cost).
   */
  memo: Map<symbol, unknown>;
}

/** One check: a module in src/checks/ plus one entry in {@link CHECKS}. */
export interface CheckDefinition {
  id: string;
  category: Category;
  /** Vietnamese title, as in the report's "Quy tắc" sheet. */
  title: string;
  legalBasis: string;
  run(ctx: CheckContext): Finding[];
  /**
   * The check reads `ctx.matches`. The matcher's prepared rows and results are kept for the run until the
   * last such check has run, then released (the statistical checks after them run in a smaller heap).
   */
  readonly usesMatcher?: boolean;
  /**
   * What the last {@link run} on this context could not look at (e.g. groups too small for a statistic),
   * for the run summary (`perCheck[].note`); undefined when there is nothing to say.
   */
  note?(ctx: CheckContext): string | undefined;
}
