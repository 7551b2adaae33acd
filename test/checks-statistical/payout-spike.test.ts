import { describe, expect, it } from 'vitest';
import { usualDailyCount } from '../../src/checks/statistical/index.js';
import type { PersonRecord } from '../../src/domain/index.js';
import { canLocPayout, rng, run, someone } from './data.js';

/** Payout rows of commune `c`: `perDay[i]` payments on day i (from 2020-05-04), by `payer` when given. */
function days(c: number, perDay: readonly number[], payer: string | null = null, seed = 1): PersonRecord[] {
  const rand = rng(seed);
  let n = 0;
  return perDay.flatMap((count, d) =>
    Array.from({ length: count }, () => canLocPayout(c, { ...someone(rand, seed * 10_000 + n), row: 2 + n++, payer, paidDate: `2020-05-${String(4 + d).padStart(2, '0')}` })),
  );
}

describe('usualDailyCount', () => {
  it('is the count of the day a typical payment was made', () => {
    expect(usualDailyCount([20, 22, 18, 1, 2])).toBe(20);
    expect(usualDailyCount([35, 30, 1, 1, 2])).toBe(35);
  });
});

describe('PAYOUT_SPIKE', () => {
  it('flags the day one cashier paid far more than usual', () => {
    const payouts = [...days(0, [12, 10, 11, 9, 13, 10, 95, 12], 'Thủ quỹ A', 1), ...days(0, [12, 10, 11, 9, 13, 10, 14, 12], 'Thủ quỹ B', 2)];
    const { findings } = run('PAYOUT_SPIKE', { payouts });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence).toMatchObject({ statistic: 'dailyCountRatio', count: 95, threshold: 8, peerGroup: { level: 'days', size: 7 } });
    expect(findings[0]?.explanation).toMatch(/^Ngày 10\/05\/2020, đơn vị chi trả Thủ quỹ A chi 95 lượt, gấp [\d,]+ lần mức thường/);
    expect(findings[0]?.records).toHaveLength(50);
    expect(findings[0]?.evidence.rowsTotal).toBe(95);
  });

  it('compares busiest days between paying units: a mass payout day every commune has is not a spike', () => {
    const mass = [0, 1, 2, 3].flatMap((c) => days(c, [60 + c, 7, 6, 7, 1], null, 10 + c));
    expect(run('PAYOUT_SPIKE', { payouts: mass }).findings).toEqual([]);
    const cashiers = ['A', 'B', 'C', 'D'].flatMap((name, i) => days(0, i === 2 ? [10, 9, 11, 120, 10, 11] : [10, 12, 9, 11, 10, 12], `Thủ quỹ ${name}`, 20 + i));
    const { findings } = run('PAYOUT_SPIKE', { payouts: cashiers });
    expect(findings.map((f) => f.explanation.slice(0, 45))).toEqual(['Ngày 07/05/2020, đơn vị chi trả Thủ quỹ C chi']);
    expect(findings[0]?.evidence).toMatchObject({ peerUnits: 3 });
  });

  it('does not flag a commune paying most people on its first mass payout day', () => {
    const { findings } = run('PAYOUT_SPIKE', { payouts: days(1, [67, 17, 2, 17, 1]) });
    expect(findings).toEqual([]);
  });

  it('needs minDays payment days to know the usual level, and says so', () => {
    const { findings, note } = run('PAYOUT_SPIKE', { payouts: days(2, [3, 120, 2]) });
    expect(findings).toEqual([]);
    expect(note).toContain('1 đơn vị chi trả có dưới 4 ngày chi');
  });

  it('does nothing on approved lists without payment dates', () => {
    const { findings, note } = run('PAYOUT_SPIKE', { beneficiaries: days(0, [5, 5, 5, 50]).map((r) => ({ ...r, role: 'beneficiaries' as const })) });
    expect(findings).toEqual([]);
    expect(note).toContain('không đánh giá được');
  });
});
