import { describe, expect, it } from 'vitest';
import { digitTest, leadingDigits } from '../../src/checks/statistical/index.js';
import type { PersonRecord } from '../../src/domain/index.js';
import { canLocPayout, rng, RULES_2021, run, someone, withThresholds } from './data.js';

/** `n` amounts from a log-uniform distribution over [10^5, 10^8): Benford's law holds for them. */
function logUniform(n: number, seed: number): number[] {
  const rand = rng(seed);
  return Array.from({ length: n }, () => Math.round(10 ** (5 + 3 * rand()) / 1000) * 1000);
}

/** `n` "invented" amounts: uniform over [0,1; 10) million, the way people make up figures. */
function invented(n: number, seed: number): number[] {
  const rand = rng(seed);
  return Array.from({ length: n }, () => Math.round((100_000 + rand() * 9_900_000) / 1000) * 1000);
}

/** Payout rows of the nq68-2021 TUDO group (amounts set by provinces above a minimum) in commune `c`. */
function rowsOf(amounts: readonly number[], c: number, seed: number): PersonRecord[] {
  const rand = rng(seed);
  return amounts.map((amount, i) => canLocPayout(c, { ...someone(rand, seed * 10_000 + i), groupCode: 'TUDO', amount, row: i + 3 }));
}

describe('digitTest', () => {
  it('finds log-uniform amounts conforming and uniform ones not, on both tests', () => {
    const good = digitTest(logUniform(3000, 1), 'first');
    expect(good.n).toBe(3000);
    expect(good.mad).toBeLessThan(0.006);
    expect(good.conformity).toBe('close');
    expect(good.pValue).toBeGreaterThan(0.01);
    const bad = digitTest(invented(3000, 2), 'first');
    expect(bad.conformity).toBe('nonconformity');
    expect(bad.pValue).toBeLessThan(1e-10);
    expect(digitTest(logUniform(5000, 3), 'firstTwo').conformity).not.toBe('nonconformity');
    expect(digitTest(invented(5000, 4), 'firstTwo').conformity).toBe('nonconformity');
  });

  it('reads leading digits of amounts', () => {
    expect(leadingDigits(1_500_000, 1)).toBe(1);
    expect(leadingDigits(1_500_000, 2)).toBe(15);
    expect(leadingDigits(7, 2)).toBeNull();
    expect(leadingDigits(0, 1)).toBeNull();
  });
});

describe('BENFORD_DEVIATION', () => {
  it('passes Benford-conforming paying units and flags the one with invented amounts', () => {
    const payouts = [...rowsOf(logUniform(600, 10), 0, 1), ...rowsOf(logUniform(400, 11), 1, 2), ...rowsOf(invented(400, 12), 2, 3)];
    const { findings } = run('BENFORD_DEVIATION', { payouts }, RULES_2021);
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f?.subject.commune).toBe('Xã Thuần Thiện');
    expect(f?.evidence).toMatchObject({ statistic: 'benfordFirstDigitMAD', threshold: 0.015, pValueThreshold: 0.001, peerGroup: { level: 'payingUnit', size: 400 } });
    expect(f?.evidence.pValue as number).toBeLessThan(0.001);
    expect((f?.evidence.firstDigit as { conformity: string }).conformity).toBe('nonconformity');
    expect(f?.explanation).toMatch(/không theo luật Benford/);
    expect(f?.explanation).toMatch(/MAD chữ số đầu = 0,\d+ \(Nigrini: không phù hợp/);
    expect(f?.records.length).toBe(50);
    const chart = f?.evidence.chart as { svg: string; pngBase64: string };
    expect(chart.svg.match(/<rect [^>]*fill-opacity/g)?.length).toBe(9);
  });

  it('groups by paying unit (payer) when the rows name one', () => {
    const payouts = [
      ...rowsOf(invented(200, 20), 0, 4).map((r) => ({ ...r, payer: 'Bưu điện Can Lộc' })),
      ...rowsOf(logUniform(200, 21), 0, 5).map((r) => ({ ...r, payer: 'Thủ quỹ xã' })),
    ];
    const { findings } = run('BENFORD_DEVIATION', { payouts }, RULES_2021);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.explanation).toContain('đơn vị chi trả Bưu điện Can Lộc');
  });

  it('skips amounts fixed by policy with a clear note', () => {
    // nq42-2020: 1.000.000 đ × months for TUDO, 1.500.000 đ once for NCC: nothing to test.
    const rand = rng(5);
    const payouts = Array.from({ length: 400 }, (_, i) =>
      canLocPayout(i % 3, { ...someone(rand, i), groupCode: i % 2 ? 'TUDO' : 'NCC', amount: i % 2 ? 1_000_000 * (1 + (i % 3)) : 1_500_000 }),
    );
    const { findings, note } = run('BENFORD_DEVIATION', { payouts });
    expect(findings).toEqual([]);
    expect(note).toContain('400 khoản có số tiền do chính sách ấn định');
    expect(note).toContain('kiểm định Benford không có ý nghĩa');
  });

  it('does not test units below the minimum number of amounts, and says so', () => {
    const payouts = rowsOf(invented(80, 30), 0, 6);
    const { findings, note } = run('BENFORD_DEVIATION', { payouts }, RULES_2021);
    expect(findings).toEqual([]);
    expect(note).toContain('1 đơn vị chi trả có dưới 100 khoản tiền thay đổi');
    expect(run('BENFORD_DEVIATION', { payouts }, withThresholds('BENFORD_DEVIATION', { minRecords: 50 }, RULES_2021)).findings).toHaveLength(1);
  });

  it('does not test amounts that span less than an order of magnitude', () => {
    const rand = rng(9);
    const narrow = Array.from({ length: 300 }, () => 1_500_000 + Math.round(rand() * 1_000) * 1_000);
    const { findings, note } = run('BENFORD_DEVIATION', { payouts: rowsOf(narrow, 0, 7) }, RULES_2021);
    expect(findings).toEqual([]);
    expect(note).toContain('khoảng quá hẹp');
  });
});
