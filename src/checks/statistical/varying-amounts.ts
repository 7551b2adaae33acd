import type { PersonRecord } from '../../domain/index.js';
import { paymentRows } from '../helpers.js';
import type { CheckContext } from '../types.js';
import { isPolicyFixedAmount } from './units.js';

/**
 * The payment rows whose amounts can carry a statistical signal: positive amounts that the package does
 * not fix (groups with a provincial minimum, rows of no package group, and amounts the package does not
 * accept). Amounts fixed by policy (rate × months or members) are counted separately, because digit and
 * distribution tests mean nothing on them.
 */
export function varyingAmountRows(ctx: CheckContext): { readonly rows: readonly PersonRecord[]; readonly fixed: number } {
  let found = byContext.get(ctx);
  if (found === undefined) {
    found = selectVaryingRows(ctx);
    byContext.set(ctx, found);
  }
  return found;
}

/**
 * Per run: three checks (BENFORD_DEVIATION, ROUND_AMOUNT, AMOUNT_OUTLIER) read the same rows, each pass
 * over a million payouts some 0.45 s.
 */
const byContext = new WeakMap<CheckContext, { readonly rows: readonly PersonRecord[]; readonly fixed: number }>();

function selectVaryingRows(ctx: CheckContext): { rows: PersonRecord[]; fixed: number } {
  const rows: PersonRecord[] = [];
  let fixed = 0;
  for (const r of paymentRows(ctx).rows) {
    if (r.amount === null || r.amount <= 0) continue;
    if (isPolicyFixedAmount(ctx, r)) fixed++;
    else rows.push(r);
  }
  return { rows, fixed };
}
