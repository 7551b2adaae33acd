import { describe, expect, it } from 'vitest';
import { binomialUpperTail, chiSquarePValue, modifiedZ, peerStats, poissonUpperTail, viNumber, viProbability } from '../../src/checks/statistical/index.js';

describe('probabilities', () => {
  it('gives chi-square p-values at the tabulated critical values', () => {
    expect(chiSquarePValue(15.507, 8)).toBeCloseTo(0.05, 3);
    expect(chiSquarePValue(26.124, 8)).toBeCloseTo(0.001, 4);
    expect(chiSquarePValue(112.022, 89)).toBeCloseTo(0.05, 3);
    expect(chiSquarePValue(0, 8)).toBe(1);
  });

  it('gives Poisson and binomial upper tails', () => {
    // P(X ≥ 2 | λ = 1) = 1 − 2/e
    expect(poissonUpperTail(2, 1)).toBeCloseTo(1 - 2 / Math.E, 10);
    expect(poissonUpperTail(0, 3)).toBe(1);
    // P(X ≥ 9 | n = 10, p = 0,5) = 11/1024
    expect(binomialUpperTail(9, 10, 0.5)).toBeCloseTo(11 / 1024, 12);
    expect(binomialUpperTail(11, 10, 0.5)).toBe(0);
  });
});

describe('robust statistics', () => {
  it('computes the modified z-score from median and MAD, falling back to the mean absolute deviation', () => {
    const s = peerStats([1, 2, 3, 4, 100]);
    expect(s.median).toBe(3);
    expect(s.mad).toBe(1);
    expect(modifiedZ(10, s)).toBeCloseTo(0.6745 * 7, 10);
    const flat = peerStats([5, 5, 5, 5, 9]);
    expect(flat.mad).toBe(0);
    expect(modifiedZ(9, flat)).toBeCloseTo(4 / (1.253314 * 0.8), 6);
    expect(modifiedZ(6, peerStats([5, 5, 5]))).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('Vietnamese number format', () => {
  it('writes decimals with a comma and thousands with a dot', () => {
    expect(viNumber(3.14159, 1)).toBe('3,1');
    expect(viNumber(312, 1)).toBe('312');
    expect(viNumber(1234567.891, 2)).toBe('1.234.567,89');
    expect(viNumber(-0.5, 1)).toBe('-0,5');
    expect(viProbability(0.0042)).toBe('0,004');
    expect(viProbability(2.1e-7)).toBe('2,1·10⁻⁷');
  });
});
