import { describe, expect, it } from 'vitest';
import { createMatchService } from '../../src/checks/match-service.js';
import type { AuditData } from '../../src/checks/index.js';
import { beneficiary, payout, registerRow, RULES } from './factories.js';

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

type Summarised = { a: number; b: number; decision: string; weight: number } | null | undefined;
/** Pairs as text; best pairs ({ length, at }) row by row. */
const summary = (pairs: readonly Summarised[] | { length: number; at(i: number): Summarised }) =>
  Array.from({ length: pairs.length }, (_, i) => pairs.at(i) ?? null).map((p) => (p === null ? null : `${p.a}-${p.b} ${p.decision} ${p.weight.toFixed(6)}`));

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
    expect(Array.from(service.clusters('payouts').of)).toEqual([0, 0, 1]);
  });

  it('matches only the rows asked for with bestMatchesOf, scoring them as the whole link does', () => {
    const service = createMatchService(district(), RULES);
    const some = service.bestMatchesOf('payouts', 'beneficiaries', [1]);
    const all = createMatchService(district(), RULES).bestMatches('payouts', 'beneficiaries');
    expect(some.at(0)).toBeNull();
    expect(summary([some.at(1)])).toEqual(summary([all.at(1)]));
    expect(some.at(1)).not.toBeNull();
  });

  it('lets go of a list first prepared for bestMatchesOf, says so once, and gives the same answer when asked again', () => {
    const data = district();
    data.registers = { 'poor-2019': [registerRow('poor-2019', { fullName: 'Trần Thị Khuê', birthYear: 1950, householdCode: 'HN-01' })] };
    const service = createMatchService(data, RULES);
    service.bestMatches('payouts', 'beneficiaries');
    expect(service.takeLetGo()).toBe(false); // remembered: nothing let go
    const first = summary(service.bestMatchesOf('payouts', 'poor-2019', [0, 1]));
    expect(first[0]).toMatch(/^0-0 /);
    expect(service.takeLetGo()).toBe(true);
    expect(service.takeLetGo()).toBe(false);
    expect(summary(service.bestMatchesOf('payouts', 'poor-2019', [0, 1]))).toEqual(first);
    // A list prepared before (the approved list, for bestMatches) is kept: nothing to let go.
    service.bestMatchesOf('payouts', 'beneficiaries', [1]);
    service.takeLetGo();
    service.bestMatchesOf('beneficiaries', 'payouts', [0]);
    expect(service.takeLetGo()).toBe(false);
  });

  it('joins rows of one valid ID and one name, and keeps a row of that ID under another name apart', () => {
    // Different birth years, so the matcher itself pairs none of them: only the ID-and-name rule joins rows.
    const id = '001150001234';
    const data: AuditData = {
      payouts: [
        payout({ fullName: 'Trần Thị Khuê', birthYear: 1950, idNumber: id }),
        payout({ fullName: 'Lê Văn Bình', birthYear: 1961, idNumber: id }),
        payout({ fullName: 'Lê Văn Bình', birthYear: 1962, idNumber: id }),
        payout({ fullName: 'Trần Thị Khuê', birthYear: 1951, idNumber: id }),
        payout({ fullName: 'Đỗ Minh Tâm', birthYear: 1970, idNumber: '001170009876' }),
        payout({ fullName: 'Lê Văn Bình', birthYear: 1963, idNumber: id, receiver: 'Lê Văn Nam' }),
      ],
      beneficiaries: [],
      registers: {},
    };
    const clusters = createMatchService(data, RULES).clusters('payouts');
    // Rows 0 and 3 share ID and name; so do 1 and 2; the proxy row's ID is not the person's and stays apart.
    expect(Array.from(clusters.of)).toEqual([0, 1, 1, 0, 2, 3]);
    // Only people of two rows or more are listed.
    expect(clusters.members).toEqual([[0, 3], [1, 2]]);
  });

  it('tells IDs apart by every digit, leading zeros included, and joins IDs that are not all digits by their text', () => {
    // Birth years apart, so only the ID-and-name rule could join any of them.
    const data: AuditData = {
      payouts: [
        payout({ fullName: 'Trần Thị Khuê', birthYear: 1950, idNumber: '012345678', idKind: 'CMND' }),
        payout({ fullName: 'Trần Thị Khuê', birthYear: 1952, idNumber: '12345678', idKind: 'CMND' }),
        payout({ fullName: 'Trần Thị Khuê', birthYear: 1954, idNumber: '012345678', idKind: 'CMND' }),
        payout({ fullName: 'Lê Văn Bình', birthYear: 1961, idNumber: 'B 1234567', idKind: 'CMND' }),
        payout({ fullName: 'Lê Văn Bình', birthYear: 1963, idNumber: 'B 1234567', idKind: 'CMND' }),
      ],
      beneficiaries: [],
      registers: {},
    };
    expect(createMatchService(data, RULES).clusters('payouts').members).toEqual([[0, 2], [3, 4]]);
  });
});
