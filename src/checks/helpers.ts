import { isRegisterKind, toPlainRecord, type PersonRecord, type Severity } from '../domain/index.js';
import type { CheckRules, GroupRules, PackageRules } from '../rules/index.js';
import type { CheckContext } from './types.js';

/** The package's settings of a check; undefined when the package does not configure it. */
export function checkRules(ctx: CheckContext, id: string): CheckRules | undefined {
  return (ctx.rules.checks as Partial<Record<string, CheckRules>>)[id];
}

/** What this run keeps under `key` (see CheckContext.memo), made by `make` when first asked for. */
export function runMemo<T>(ctx: CheckContext, key: symbol, make: () => T): T {
  if (ctx.memo.has(key)) return ctx.memo.get(key) as T;
  const value = make();
  ctx.memo.set(key, value);
  return value;
}

/**
 * The rows audited as payments: the payout lists when given, else the approved lists (an audit of
 * lists that carry the amounts before payment).
 */
export function paymentRows(ctx: CheckContext): { role: 'payouts' | 'beneficiaries'; rows: readonly PersonRecord[] } {
  return ctx.data.payouts.length > 0 ? { role: 'payouts', rows: ctx.data.payouts } : { role: 'beneficiaries', rows: ctx.data.beneficiaries };
}

/** The package group of a row, when its code is one of the package's. */
export function groupOf(ctx: CheckContext, r: PersonRecord): GroupRules | undefined {
  return r.groupCode === null ? undefined : ctx.rules.groups[r.groupCode];
}

/** The Vietnamese group name of a code, else the label as written. */
export function groupName(ctx: CheckContext, r: PersonRecord): string {
  const g = groupOf(ctx, r);
  return g ? `${g.name} (${r.groupCode ?? ''})` : (r.groupLabel ?? r.groupCode ?? '(không ghi nhóm)');
}

/** Rows of the given roles (for data-quality checks configured per role, registers as `register:<kind>`). */
export function rowsOfRoles(ctx: CheckContext, roles: readonly string[] | undefined): PersonRecord[] {
  const wanted = roles ?? ['payouts', 'beneficiaries'];
  const lists = wanted.map((role): readonly PersonRecord[] => {
    if (role === 'payouts') return ctx.data.payouts;
    if (role === 'beneficiaries') return ctx.data.beneficiaries;
    const kind = role.startsWith('register:') ? role.slice('register:'.length) : role;
    return isRegisterKind(kind) ? (ctx.data.registers[kind] ?? []) : [];
  });
  // concat copies whole lists; flatMap went element by element (a third of a second per call at two million rows).
  return ([] as PersonRecord[]).concat(...lists);
}

/** A payment row, the approved-list row of the same person (when payouts were matched to approved lists), and the row with gaps filled from it. */
export interface PaymentItem {
  readonly row: PersonRecord;
  readonly index: number;
  readonly approval: PersonRecord | null;
  /** The payment row with personal fields it lacks (birth, gender, revenue, household) taken from the approval. */
  readonly view: PersonRecord;
  /** One field of {@link view}, without building the view (a copy of the row, for nearly every payout). */
  filled<K extends keyof PersonRecord>(field: K): PersonRecord[K];
}

const FILLED_FROM_APPROVAL = ['birthDate', 'birthYear', 'gender', 'revenue', 'householdCode', 'householdHead', 'members', 'relation'] as const;
const FILLED = new Set<string>(FILLED_FROM_APPROVAL);

/**
 * A {@link PaymentItem} whose view is made when first asked for: the checks read one or two filled fields of
 * every payout but need the whole view only for the few they report (a million copies of the rows took
 * seconds and some 400 MB).
 */
class LazyPaymentItem implements PaymentItem {
  #view: PersonRecord | null = null;

  constructor(
    readonly row: PersonRecord,
    readonly index: number,
    readonly approval: PersonRecord | null,
  ) {}

  get view(): PersonRecord {
    this.#view ??= viewOf(this.row, this.approval);
    return this.#view;
  }

  filled<K extends keyof PersonRecord>(field: K): PersonRecord[K] {
    const own = this.row[field];
    if (own !== null || this.approval === null || !FILLED.has(field)) return own;
    return this.approval[field];
  }
}

/**
 * The payment rows with their approvals, each item made when read (see {@link paymentItems}): a million
 * payouts kept a million item objects and an array of them (some 60 MB) for the whole run of the checks;
 * here, an approved-list row number per payout.
 */
export class PaymentItems implements Iterable<PaymentItem> {
  constructor(
    /** The payment rows, in order. */
    readonly rows: readonly PersonRecord[],
    private readonly approved: readonly PersonRecord[],
    /** Per payment row: the approved-list row of its approval, or −1; null when none has one. */
    private readonly approvalRow: Int32Array | null,
  ) {}

  get length(): number {
    return this.rows.length;
  }

  /** The item of payment row i (a new object on each read). */
  at(i: number): PaymentItem | undefined {
    const row = this.rows[i];
    if (row === undefined) return undefined;
    const b = this.approvalRow === null ? -1 : (this.approvalRow[i] ?? -1);
    return new LazyPaymentItem(row, i, b >= 0 ? (this.approved[b] ?? null) : null);
  }

  [Symbol.iterator](): Iterator<PaymentItem> {
    let i = 0;
    return {
      next: (): IteratorResult<PaymentItem> => {
        const item = this.at(i++);
        return item === undefined ? { done: true, value: undefined } : { done: false, value: item };
      },
    };
  }
}

/** The row with the fields of FILLED_FROM_APPROVAL it lacks taken from its approval (the row itself when none). */
function viewOf(row: PersonRecord, approval: PersonRecord | null): PersonRecord {
  if (approval === null) return row;
  const filled: Record<string, unknown> = {};
  for (const f of FILLED_FROM_APPROVAL) if (row[f] === null && approval[f] !== null) filled[f] = approval[f];
  return Object.keys(filled).length > 0 ? ({ ...toPlainRecord(row), ...filled } as PersonRecord) : row;
}

/**
 * The payment rows ({@link paymentRows}) each with its approved-list row: wrong-recipient findings cite both,
 * and read fields such as the declared revenue from the approved list when the payout list lacks them.
 */
export function paymentItems(ctx: CheckContext): { role: 'payouts' | 'beneficiaries'; items: PaymentItems } {
  // Several checks of a run walk the same items: built once per run (the context), not once per check.
  return runMemo(ctx, PAYMENT_ITEMS, () => buildPaymentItems(ctx));
}

const PAYMENT_ITEMS = Symbol('payment items');

function buildPaymentItems(ctx: CheckContext): { role: 'payouts' | 'beneficiaries'; items: PaymentItems } {
  const { role, rows } = paymentRows(ctx);
  const linked = role === 'payouts' && ctx.data.beneficiaries.length > 0;
  if (!linked) return { role, items: new PaymentItems(rows, ctx.data.beneficiaries, null) };
  const best = ctx.matches.bestMatches('payouts', 'beneficiaries');
  const approvalRow = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const pair = best.at(i) ?? null;
    approvalRow[i] = pair !== null && pair.decision === 'match' ? pair.b : -1;
  }
  return { role, items: new PaymentItems(rows, ctx.data.beneficiaries, approvalRow) };
}

const MATCHER_CHECKS = new Set([
  'NOT_IN_APPROVED_LIST', 'DECEASED', 'EXCLUDED_BY_REGISTER', 'NOT_ON_POOR_LIST', 'MULTIPLE_POLICIES',
  'DUPLICATE_PAYMENT', 'DUPLICATE_BENEFICIARY', 'SHARED_ACCOUNT',
]);

/** A check's settings in a package, for the report's "Quy tắc" sheet: severity, legal basis and the thresholds used. */
export function checkSettings(
  rules: PackageRules,
  id: string,
): { enabled: boolean; severity: Severity; basis: string | null; thresholds: Record<string, unknown> } {
  const cfg = (rules.checks as Partial<Record<string, CheckRules>>)[id];
  if (cfg === undefined) return { enabled: false, severity: 'low', basis: null, thresholds: {} };
  const { enabled, severity, basis, confirmed: _c, note: _n, thresholds: extra, ...rest } = cfg;
  const thresholds: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) thresholds[k] = v;
  Object.assign(thresholds, extra ?? {});
  if (MATCHER_CHECKS.has(id)) {
    thresholds.matchThreshold = rules.matching.matchThreshold;
    thresholds.possibleThreshold = rules.matching.possibleThreshold;
  }
  return { enabled, severity, basis, thresholds };
}

/** Appends `item` to the list kept under `key` (creating it): the grouping step of many checks. */
export function pushTo<K, T>(groups: Map<K, T[]>, key: K, item: T): void {
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
}
