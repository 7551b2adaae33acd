import { describe, expect, it } from 'vitest';
import { loadPackage } from '../../src/rules/index.js';
import { payout, runOne } from './factories.js';

describe('AMOUNT_MISMATCH', () => {
  it('flags an NCC payment above 1.500.000 đ with the excess at risk', () => {
    const findings = runOne('AMOUNT_MISMATCH', { payouts: [payout({ fullName: 'Trần Thị Bình', amount: 2_000_000 })] });
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f?.category).toBe('amount');
    expect(f?.severity).toBe('high');
    expect(f?.amountAtRisk).toBe(500_000);
    expect(f?.explanation).toContain('2.000.000 đ');
    expect(f?.explanation).toContain('1.500.000 đ');
    expect(f?.records).toEqual([{ role: 'payouts', file: 'chi-tra.xlsx', sheet: 'Thôn 1', row: expect.any(Number) }]);
  });

  it('accepts exact rates: NCC once, TUDO × months, household rows × members, per-member rows', () => {
    const findings = runOne('AMOUNT_MISMATCH', {
      payouts: [
        payout({ amount: 1_500_000 }),
        payout({ groupCode: 'TUDO', amount: 2_000_000, months: 2 }),
        payout({ groupCode: 'TAMHOAN', amount: 5_400_000, period: '2020-04,2020-05,2020-06' }),
        payout({ groupCode: 'HN', amount: 3_000_000, members: 4 }),
        payout({ groupCode: 'HCN', amount: 750_000, members: null }),
        payout({ groupCode: 'HN', amount: 750_000, members: 5, relation: 'Con' }),
        payout({ groupCode: 'HKD', amount: 3_000_000 }),
      ],
    });
    expect(findings).toEqual([]);
  });

  it('flags a household row that is not 750.000 đ × members, and an underpayment with medium severity', () => {
    const findings = runOne('AMOUNT_MISMATCH', {
      payouts: [payout({ fullName: 'Hộ A', groupCode: 'HN', amount: 3_750_000, members: 4 }), payout({ fullName: 'Lê Văn C', groupCode: 'TUDO', amount: 900_000, months: 1 })],
    });
    expect(findings).toHaveLength(2);
    const over = findings.find((f) => f.subject.name === 'Hộ A');
    expect(over?.amountAtRisk).toBe(750_000);
    expect(over?.evidence.expected).toBe(3_000_000);
    const under = findings.find((f) => f.subject.name === 'Lê Văn C');
    expect(under?.severity).toBe('medium');
    expect(under?.amountAtRisk).toBe(0);
    expect(under?.explanation).toContain('chi thiếu: 100.000 đ');
  });

  it('accepts 750.000 đ rows of a household listed member by member even when each row repeats the household size', () => {
    const member = (fullName: string, relation: string | null) =>
      payout({ fullName, relation, groupCode: 'HN', amount: 750_000, members: 3, householdCode: 'HN-12' });
    expect(runOne('AMOUNT_MISMATCH', { payouts: [member('Vàng A Dơ', null), member('Vàng Thị Mỷ', null), member('Vàng A Sùng', 'Con')] })).toEqual([]);
    const alone = runOne('AMOUNT_MISMATCH', { payouts: [payout({ fullName: 'Hộ một dòng', relation: 'Chủ hộ', groupCode: 'HN', amount: 750_000, members: 3, householdCode: 'HN-13' })] });
    expect(alone).toHaveLength(1);
    expect(alone[0]?.evidence.direction).toBe('under');
  });
});

describe('OVER_CAP', () => {
  it('flags a row for 4 months and keeps 3-month rows', () => {
    const findings = runOne('OVER_CAP', {
      payouts: [payout({ fullName: 'Phạm Văn D', groupCode: 'TUDO', amount: 4_000_000, months: 4 }), payout({ groupCode: 'TUDO', amount: 3_000_000, months: 3 })],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.amountAtRisk).toBe(1_000_000);
    expect(findings[0]?.explanation).toContain('vượt tối đa 3 tháng');
  });

  it('flags one person whose separate monthly rows add up past 3 months, not one with 3', () => {
    const id = '001085001234';
    const monthly = (m: string) => payout({ fullName: 'Phạm Văn D', idNumber: id, groupCode: 'TUDO', amount: 1_000_000, months: 1, period: m });
    const findings = runOne('OVER_CAP', { payouts: ['2020-04', '2020-05', '2020-06', '2020-07'].map(monthly) });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.records).toHaveLength(4);
    expect(findings[0]?.amountAtRisk).toBe(1_000_000);
    expect(runOne('OVER_CAP', { payouts: ['2020-04', '2020-05', '2020-06'].map(monthly) })).toEqual([]);
  });
});

describe('OUT_OF_PERIOD', () => {
  it('flags months outside April–June 2020 and payment dates outside the window', () => {
    const findings = runOne('OUT_OF_PERIOD', {
      payouts: [
        payout({ fullName: 'A', groupCode: 'TUDO', amount: 2_000_000, period: '2020-06,2020-07' }),
        payout({ fullName: 'B', paidDate: '2021-02-01' }),
        payout({ fullName: 'C', paidDate: '2020-04-09' }),
        payout({ fullName: 'D', groupCode: 'TUDO', amount: 1_000_000, period: '2020-04', paidDate: '2020-12-31' }),
      ],
    });
    expect(findings.map((f) => f.subject.name).sort()).toEqual(['A', 'B']);
    expect(findings.find((f) => f.subject.name === 'A')?.amountAtRisk).toBe(1_000_000);
    expect(findings.find((f) => f.subject.name === 'B')?.explanation).toContain('01/02/2021');
  });
});

describe('AMOUNT_MISMATCH with the nq68-2021 package', () => {
  const nq68 = loadPackage('nq68-2021');

  it('accepts the half rate, child add-ons and province amounts above the minimum; flags the rest', () => {
    const findings = runOne(
      'AMOUNT_MISMATCH',
      {
        payouts: [
          payout({ fullName: 'Nửa mức', groupCode: 'TAMHOAN', amount: 1_855_000, paidDate: '2021-08-01' }),
          payout({ fullName: 'Có con nhỏ', groupCode: 'TAMHOAN', amount: 5_710_000, paidDate: '2021-08-01' }),
          payout({ fullName: 'Tỉnh chi', groupCode: 'TUDO', amount: 2_500_000, paidDate: '2021-08-01' }),
          payout({ fullName: 'Sai mức', groupCode: 'TAMHOAN', amount: 3_000_000, paidDate: '2021-08-01' }),
          payout({ fullName: 'Dưới tối thiểu', groupCode: 'TUDO', amount: 1_000_000, paidDate: '2021-08-01' }),
        ],
      },
      nq68,
    );
    expect(findings.map((f) => f.subject.name).sort()).toEqual(['Dưới tối thiểu', 'Sai mức']);
  });
});
