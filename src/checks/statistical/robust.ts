import { mean, median } from 'simple-statistics';

/** The centre and spread of a peer group, as the modified z-score of Iglewicz and Hoaglin uses them. */
export interface PeerStats {
  readonly n: number;
  readonly median: number;
  /** Median absolute deviation from the median (raw, not scaled). */
  readonly mad: number;
  /** Mean absolute deviation from the median: the spread used when half the peers or more share one value (MAD = 0). */
  readonly meanAd: number;
}

/** Median, MAD and mean absolute deviation of `values` (at least one value). */
export function peerStats(values: readonly number[]): PeerStats {
  const med = median([...values]);
  const deviations = values.map((v) => Math.abs(v - med));
  return { n: values.length, median: med, mad: median(deviations), meanAd: mean(deviations) };
}

/**
 * Modified z-score 0.6745·(x − median)/MAD (Iglewicz & Hoaglin 1993; |z| > 3.5 is their outlier rule).
 * When MAD is 0 (most peers equal), (x − median)/(1.253314·mean absolute deviation) as IBM SPSS does;
 * when the peers are all equal, 0 for the same value and ±Infinity otherwise.
 */
export function modifiedZ(x: number, s: PeerStats): number {
  const diff = x - s.median;
  if (s.mad > 0) return (0.6745 * diff) / s.mad;
  if (s.meanAd > 0) return diff / (1.253314 * s.meanAd);
  return diff === 0 ? 0 : diff > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}
