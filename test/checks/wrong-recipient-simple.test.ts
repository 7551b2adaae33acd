import { describe, expect, it } from 'vitest';
import { beneficiary, payout, runOne } from './factories.js';

describe('AGE_INELIGIBLE', () => {
  it('flags a 10-year-old informal worker and someone born after the period', () => {
    const findings = runOne('AGE_INELIGIBLE', {
      payouts: [
        payout({ fullName: 'Trẻ em', groupCode: 'TUDO', amount: 1_000_000, birthYear: 2010 }),
        payout({ fullName: 'Chưa sinh', groupCode: 'NCC', birthDate: '2020-08-01' }),
        payout({ fullName: 'Quá già', groupCode: 'BTXH', birthYear: 1890 }),
        payout({ fullName: 'Lao động 84 tuổi', groupCode: 'TUDO', amount: 1_000_000, birthYear: 1936 }),
      ],
    });
    expect(findings.map((f) => f.subject.name).sort()).toEqual(['Chưa sinh', 'Lao động 84 tuổi', 'Quá già', 'Trẻ em']);
    expect(findings.find((f) => f.subject.name === 'Lao động 84 tuổi')?.explanation).toContain('trên độ tuổi tối đa 70');
    const child = findings.find((f) => f.subject.name === 'Trẻ em');
    expect(child?.amountAtRisk).toBe(1_000_000);
    expect(child?.explanation).toContain('dưới độ tuổi tối thiểu 15');
  });

  it('accepts a worker who turns 15 during the period, an old NCC, and a child BTXH', () => {
    const findings = runOne('AGE_INELIGIBLE', {
      payouts: [
        payout({ groupCode: 'TUDO', amount: 1_000_000, birthYear: 2005 }),
        payout({ groupCode: 'TUDO', amount: 1_000_000, birthDate: '2005-06-30' }),
        payout({ groupCode: 'CHAMDUT', amount: 1_000_000, birthYear: 1950 }),
        payout({ groupCode: 'NCC', birthYear: 1925 }),
        payout({ groupCode: 'BTXH', birthYear: 2015 }),
      ],
    });
    expect(findings).toEqual([]);
  });
});

describe('wrong-recipient findings on payouts linked to the approved list', () => {
  it('read the birth year from the approved row and cite both rows', () => {
    const approved = beneficiary({ fullName: 'Nguyễn Bình Hải', birthYear: 2007, groupCode: 'TUDO', village: 'Thôn 2' });
    const paid = payout({ fullName: 'Nguyễn Bình Hải', groupCode: 'TUDO', amount: 1_000_000, village: 'Thôn 2' });
    const findings = runOne('AGE_INELIGIBLE', { beneficiaries: [approved], payouts: [paid] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.records.map((r) => r.role)).toEqual(['beneficiaries', 'payouts']);
  });

  it('read the declared revenue from the approved list', () => {
    const approved = beneficiary({ fullName: 'Phạm Hoàng Danh', birthYear: 1980, groupCode: 'HKD', revenue: 150_000_000 });
    const paid = payout({ fullName: 'Phạm Hoàng Danh', birthYear: 1980, groupCode: 'HKD', amount: 3_000_000 });
    const findings = runOne('HOUSEHOLD_BUSINESS_REVENUE', { beneficiaries: [approved], payouts: [paid] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.amountAtRisk).toBe(3_000_000);
    expect(findings[0]?.records).toHaveLength(2);
  });
});

describe('HOUSEHOLD_BUSINESS_REVENUE', () => {
  it('flags HKD with revenue at the 100 million threshold, not below it', () => {
    const findings = runOne('HOUSEHOLD_BUSINESS_REVENUE', {
      payouts: [
        payout({ fullName: 'Đúng ngưỡng', groupCode: 'HKD', amount: 1_000_000, revenue: 100_000_000 }),
        payout({ fullName: 'Dưới ngưỡng', groupCode: 'HKD', amount: 1_000_000, revenue: 99_999_999 }),
        payout({ fullName: 'Không ghi', groupCode: 'HKD', amount: 1_000_000 }),
        payout({ fullName: 'Khác nhóm', groupCode: 'TUDO', amount: 1_000_000, revenue: 500_000_000 }),
      ],
    });
    expect(findings.map((f) => f.subject.name)).toEqual(['Đúng ngưỡng']);
    expect(findings[0]?.amountAtRisk).toBe(1_000_000);
    expect(findings[0]?.explanation).toContain('100.000.000 đ');
  });
});
