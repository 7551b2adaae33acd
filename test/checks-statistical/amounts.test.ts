import { describe, expect, it } from 'vitest';
import { isRoundAmount } from '../../src/checks/statistical/index.js';
import type { PersonRecord } from '../../src/domain/index.js';
import { canLocPayout, rng, RULES_2021, run, someone } from './data.js';

/** Provincial TUDO amounts (nq68-2021: at least 1.500.000 đ): 50.000 đ per day × 30–90 days, plus 0–9 × 10.000 đ. */
function dailyAmounts(n: number, seed: number): number[] {
  const rand = rng(seed);
  return Array.from({ length: n }, () => 50_000 * (30 + Math.floor(rand() * 61)) + 10_000 * Math.floor(rand() * 10));
}

function rows(amounts: readonly number[], c: number, seed: number): PersonRecord[] {
  const rand = rng(seed);
  return amounts.map((amount, i) => canLocPayout(c, { ...someone(rand, seed * 1000 + i), groupCode: 'TUDO', amount, row: i + 2 }));
}

describe('ROUND_AMOUNT', () => {
  it('recognises round amounts', () => {
    expect(isRoundAmount(2_000_000)).toBe(true);
    expect(isRoundAmount(500_000)).toBe(true);
    expect(isRoundAmount(1_500_000)).toBe(false);
    expect(isRoundAmount(2_010_000)).toBe(false);
  });

  it('flags the paying unit whose amounts are mostly round, not its peers', () => {
    const rand = rng(3);
    const roundOnes = Array.from({ length: 60 }, () => (rand() < 0.7 ? 1_000_000 * (2 + Math.floor(rand() * 3)) : 50_000 * (30 + Math.floor(rand() * 61)) + 10_000));
    const payouts = [...rows(dailyAmounts(60, 1), 0, 1), ...rows(dailyAmounts(60, 2), 1, 2), ...rows(dailyAmounts(60, 4), 2, 3), ...rows(roundOnes, 3, 4)];
    const { findings } = run('ROUND_AMOUNT', { payouts }, RULES_2021);
    expect(findings.map((f) => f.subject.commune)).toEqual(['Xã Kim Song Trường']);
    expect(findings[0]?.evidence).toMatchObject({ statistic: 'roundShare', n: 60, peerGroup: { level: 'otherUnits', size: 3 } });
    expect(findings[0]?.evidence.pValue as number).toBeLessThan(0.001);
    expect(findings[0]?.explanation).toMatch(/là số tròn/);
  });

  it('flags nothing when every unit rounds alike, and leaves small units out with a note', () => {
    const payouts = [...rows(dailyAmounts(60, 5), 0, 5), ...rows(dailyAmounts(60, 6), 1, 6), ...rows(dailyAmounts(60, 7), 2, 7), ...rows([2_000_000, 3_000_000, 4_000_000], 3, 8)];
    const { findings, note } = run('ROUND_AMOUNT', { payouts }, RULES_2021);
    expect(findings).toEqual([]);
    expect(note).toContain('1 đơn vị chi trả có dưới 30 khoản tiền thay đổi');
  });
});

describe('AMOUNT_OUTLIER', () => {
  it('flags an amount ten times the policy rate (a slipped zero) but not ordinary mismatches', () => {
    const rand = rng(1);
    const payouts = [
      canLocPayout(0, { ...someone(rand, 1), groupCode: 'NCC', amount: 15_000_000 }),
      canLocPayout(0, { ...someone(rand, 2), groupCode: 'NCC', amount: 1_000_000 }),
      canLocPayout(0, { ...someone(rand, 3), groupCode: 'NCC', amount: 1_500_000 }),
      canLocPayout(0, { ...someone(rand, 4), groupCode: 'TUDO', amount: 4_000_000, months: 4 }),
    ];
    const { findings } = run('AMOUNT_OUTLIER', { payouts });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence).toMatchObject({ statistic: 'policyFactor', value: 10, threshold: 5, nearestPolicyAmount: 1_500_000 });
    expect(findings[0]?.amountAtRisk).toBe(13_500_000);
    expect(findings[0]?.explanation).toContain('gấp 10 lần mức chính sách gần nhất (1.500.000 đ)');
  });

  it('flags amounts far outside their group distribution where amounts vary', () => {
    const payouts = [...rows(dailyAmounts(80, 9), 0, 9), ...rows([45_000_000], 0, 10)];
    const { findings } = run('AMOUNT_OUTLIER', { payouts }, RULES_2021);
    expect(findings.map((f) => f.evidence.amount)).toEqual([45_000_000]);
    expect(findings[0]?.evidence).toMatchObject({ statistic: 'modifiedZLog10', threshold: 3.5, peerGroup: { size: 81 } });
  });

  it('does not compare distributions of groups below minGroupSize', () => {
    const { findings, note } = run('AMOUNT_OUTLIER', { payouts: [...rows(dailyAmounts(10, 11), 0, 11), ...rows([45_000_000], 0, 12)] }, RULES_2021);
    expect(findings).toEqual([]);
    expect(note).toContain('dưới 20 khoản');
  });
});
