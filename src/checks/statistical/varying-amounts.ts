import type { PersonRecord } from '../../domain/index.js';
import { paymentRows, runMemo } from '../helpers.js';
import type { CheckContext } from '../types.js';
import { isPolicyFixedAmount } from './units.js';

/**
 * The payment rows whose amounts can carry a statistical signal: positive amounts that the package does
 * not fix (groups with a provincial minimum, rows of no package group, and amounts the package does not
 * accept). Amounts fixed by policy (rate × months or members) are counted separately, because digit and
 * distribution tests mean nothing on them.
 */
export function varyingAmountRows(ctx: CheckContext): { readonly rows: readonly PersonRecord[]; readonly fixed: number } {
  return runMemo(ctx, VARYING_ROWS, () => selectVaryingRows(ctx));
}

/**
 * Per run: three checks (BENFORD_DEVIATION, ROUND_AMOUNT, AMOUNT_OUTLIER) read the same rows, each pass
 * over a million payouts some 0.45 s.
 */
const VARYING_ROWS = Symbol('varying amount rows');

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
