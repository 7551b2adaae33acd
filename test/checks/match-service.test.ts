import { describe, expect, it } from 'vitest';
import { createMatchService } from '../../src/checks/match-service.js';
import type { AuditData } from '../../src/checks/index.js';
import { beneficiary, payout, RULES } from './factories.js';

function district(): AuditData {
  return {
    payouts: [
      payout({ fullName: 'Trần Thị Khuê', birthYear: 1950, idNumber: '001150001234' }),
      payout({ fullName: 'TRẦN THỊ KHUÊ', birthYear: 1950, village: 'Thôn 3' }),
      payout({ fullName: 'Lê Văn Bình', birthYear: 1961 }),
    ],
    beneficiaries: [beneficiary({ fullName: 'Trần Thị Khuê', birthYear: 1950, idNumber: '001150001234' }), beneficiary({ fullName: 'Đỗ Minh Tâm', birthYear: 1970 })],
    registers: {},
  };
}

const summary = (pairs: readonly ({ a: number; b: number; decision: string; weight: number } | null)[]) =>
  pairs.map((p) => (p === null ? null : `${p.a}-${p.b} ${p.decision} ${p.weight.toFixed(6)}`));

describe('match service', () => {
  it('gives the same answers after release as before: released results are rebuilt on demand', () => {
    const service = createMatchService(district(), RULES);
    const best = summary(service.bestMatches('payouts', 'beneficiaries'));
    const pairs = summary(service.dedupe('payouts'));
    expect(best[0]).toMatch(/^0-0 match/);
    expect(best[2]).toBeNull();
    expect(pairs).toHaveLength(1);
    service.release();
    expect(summary(service.bestMatches('payouts', 'beneficiaries'))).toEqual(best);
    expect(summary(service.dedupe('payouts'))).toEqual(pairs);
    expect(service.clusters('payouts').of).toEqual([0, 0, 1]);
  });

  it('matches only the rows asked for with bestMatchesOf, scoring them as the whole link does', () => {
    const service = createMatchService(district(), RULES);
    const some = service.bestMatchesOf('payouts', 'beneficiaries', [1]);
    const all = createMatchService(district(), RULES).bestMatches('payouts', 'beneficiaries');
    expect(some[0]).toBeNull();
    expect(summary([some[1] ?? null])).toEqual(summary([all[1] ?? null]));
  });
});
