import { gammaln } from 'simple-statistics';

/**
 * Tail probabilities the statistical checks compare with their thresholds. Written out here because
 * simple-statistics gives chi-square critical values only at fixed significance levels, not p-values.
 */

const EPS = 1e-14;
const MAX_ITER = 500;

/** Regularised lower incomplete gamma P(a, x) (Numerical Recipes: series below a + 1, continued fraction above). */
export function lowerGammaRegularized(a: number, x: number): number {
  if (x <= 0) return 0;
  if (!Number.isFinite(x)) return 1;
  const lnPrefix = -x + a * Math.log(x) - gammaln(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITER; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return Math.min(1, sum * Math.exp(lnPrefix));
  }
  // Continued fraction for Q(a, x) (modified Lentz).
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.max(0, 1 - Math.exp(lnPrefix) * h);
}

/** P(χ² ≥ stat) with `df` degrees of freedom. */
export function chiSquarePValue(stat: number, df: number): number {
  if (stat <= 0) return 1;
  return Math.max(0, Math.min(1, 1 - lowerGammaRegularized(df / 2, stat / 2)));
}

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  return lowerGammaRegularized(k, lambda);
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log space (n up to a few hundred thousand). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lnCombTerm = (i: number) => gammaln(n + 1) - gammaln(i + 1) - gammaln(n - i + 1) + i * Math.log(p) + (n - i) * Math.log(1 - p);
  let sum = 0;
  for (let i = k; i <= n; i++) {
    const t = Math.exp(lnCombTerm(i));
    sum += t;
    if (i > n * p && t < sum * 1e-16) break;
  }
  return Math.min(1, sum);
}
