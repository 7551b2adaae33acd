import { chiSquarePValue } from './probability.js';

/**
 * Benford's law tests of amounts (Nigrini, "Benford's Law", 2012): observed shares of the first digit
 * (1–9) or first two digits (10–99) against log10(1 + 1/d), with the mean absolute deviation (MAD) and
 * its conformity ranges, and a chi-square goodness-of-fit p-value.
 */

export type DigitTest = 'first' | 'firstTwo';

/** Nigrini's MAD conformity ranges (upper bounds) for each test. */
export const NIGRINI_MAD: Record<DigitTest, { close: number; acceptable: number; marginal: number }> = {
  first: { close: 0.006, acceptable: 0.012, marginal: 0.015 },
  firstTwo: { close: 0.0012, acceptable: 0.0018, marginal: 0.0022 },
};

export type Conformity = 'close' | 'acceptable' | 'marginal' | 'nonconformity';

export const CONFORMITY_LABELS: Record<Conformity, string> = {
  close: 'phù hợp chặt',
  acceptable: 'phù hợp chấp nhận được',
  marginal: 'phù hợp ở mức biên',
  nonconformity: 'không phù hợp',
};

export interface DigitTestResult {
  readonly test: DigitTest;
  readonly n: number;
  readonly digits: number[];
  readonly observed: number[];
  readonly expected: number[];
  readonly counts: number[];
  readonly mad: number;
  readonly conformity: Conformity;
  readonly chiSquare: number;
  readonly df: number;
  readonly pValue: number;
}

/** The first `k` significant digits of a positive amount as a number (1234 → 1 or 12), null below 10^(k−1). */
export function leadingDigits(amount: number, k: 1 | 2): number | null {
  const v = Math.floor(Math.abs(amount));
  if (v < 10 ** (k - 1)) return null;
  return Number(String(v).slice(0, k));
}

/** Expected Benford share of leading digits `d` (1–9 or 10–99). */
export function benfordShare(d: number): number {
  return Math.log10(1 + 1 / d);
}

/** Nigrini's conformity class of a MAD value. */
export function conformityOf(test: DigitTest, mad: number): Conformity {
  const r = NIGRINI_MAD[test];
  return mad <= r.close ? 'close' : mad <= r.acceptable ? 'acceptable' : mad <= r.marginal ? 'marginal' : 'nonconformity';
}

/** Runs the first-digit or first-two-digits test over positive amounts. */
export function digitTest(amounts: readonly number[], test: DigitTest): DigitTestResult {
  const k = test === 'first' ? 1 : 2;
  const digits = test === 'first' ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : Array.from({ length: 90 }, (_, i) => i + 10);
  const counts = digits.map(() => 0);
  let n = 0;
  for (const a of amounts) {
    const d = leadingDigits(a, k);
    if (d === null) continue;
    const i = d - (k === 1 ? 1 : 10);
    counts[i] = (counts[i] ?? 0) + 1;
    n++;
  }
  const expected = digits.map(benfordShare);
  const observed = counts.map((c) => (n === 0 ? 0 : c / n));
  const mad = n === 0 ? 0 : observed.reduce((s, o, i) => s + Math.abs(o - (expected[i] ?? 0)), 0) / digits.length;
  const chiSquare = n === 0 ? 0 : counts.reduce((s, c, i) => s + (c - n * (expected[i] ?? 0)) ** 2 / (n * (expected[i] ?? 1)), 0);
  const df = digits.length - 1;
  return { test, n, digits, observed, expected, counts, mad, conformity: conformityOf(test, mad), chiSquare, df, pValue: n === 0 ? 1 : chiSquarePValue(chiSquare, df) };
}
