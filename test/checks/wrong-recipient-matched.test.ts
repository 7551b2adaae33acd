import { describe, expect, it } from 'vitest';
import type { PackageRules } from '../../src/rules/index.js';
import { beneficiary, payout, registerRow, RULES, runOne } from './factories.js';

describe('NOT_IN_APPROVED_LIST', () => {
  const approved = [
    beneficiary({ fullName: 'Nguyễn Văn An', birthYear: 1950, idNumber: '001050001111' }),
    beneficiary({ fullName: 'Trần Văn Cả', birthYear: 1930 }),
  ];

  it('flags a payout to someone absent from the approved list, with the whole amount at risk', () => {
    const findings = runOne('NOT_IN_APPROVED_LIST', {
      beneficiaries: approved,
      payouts: [payout({ fullName: 'Phan Văn Lạ', birthYear: 1966, idNumber: '001066007777' }), payout({ fullName: 'Nguyễn Văn An', birthYear: 1950, idNumber: '001050001111' })],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.subject.name).toBe('Phan Văn Lạ');
    expect(findings[0]?.amountAtRisk).toBe(1_500_000);
    expect(findings[0]?.explanation).toContain('không có tên trong danh sách đối tượng được phê duyệt');
  });

  it('accepts a proxy collecting with his own ID, and does nothing without an approved list', () => {
    const proxy = payout({ fullName: 'Trần Văn Cả', birthYear: 1930, idNumber: '001075009999', receiver: 'Trần Văn Hùng' });
    expect(runOne('NOT_IN_APPROVED_LIST', { beneficiaries: approved, payouts: [proxy] })).toEqual([]);
    expect(runOne('NOT_IN_APPROVED_LIST', { payouts: [payout({ fullName: 'Phan Văn Lạ' })] })).toEqual([]);
  });

  it('does not accept a namesake with another birth year as the approved person', () => {
    const findings = runOne('NOT_IN_APPROVED_LIST', { beneficiaries: approved, payouts: [payout({ fullName: 'Trần Văn Cả', birthYear: 1985 })] });
    expect(findings).toHaveLength(1);
  });
});

describe('DECEASED', () => {
  const register = [registerRow('deceased', { fullName: 'Nguyễn Văn An', birthYear: 1940, idNumber: '001040001234', deathDate: '2020-02-12' })];

  it('flags a payment to a person who died before the support period, citing both rows', () => {
    const p = payout({ fullName: 'Nguyễn Văn An', birthYear: 1940, idNumber: '001040001234', paidDate: '2020-05-15' });
    const findings = runOne('DECEASED', { payouts: [p], registers: { deceased: register } });
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f?.explanation).toContain('ngày mất 12/02/2020');
    expect(f?.explanation).toContain('1.500.000 đ ngày 15/05/2020');
    expect(f?.records.map((r) => r.role)).toEqual(['payouts', 'register:deceased']);
    expect(f?.amountAtRisk).toBe(1_500_000);
  });

  it('flags a payment dated after a death within the period, not one paid before the death', () => {
    const died = [registerRow('deceased', { fullName: 'Lê Thị Bảy', birthYear: 1935, deathDate: '2020-05-20' })];
    const before = payout({ fullName: 'Lê Thị Bảy', birthYear: 1935, paidDate: '2020-05-15' });
    expect(runOne('DECEASED', { payouts: [before], registers: { deceased: died } })).toEqual([]);
    const after = payout({ fullName: 'Lê Thị Bảy', birthYear: 1935, paidDate: '2020-06-02' });
    const findings = runOne('DECEASED', { payouts: [after], registers: { deceased: died } });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.explanation).toContain('trước ngày chi trả 02/06/2020');
  });

  it('does not flag a living namesake born in another year', () => {
    const p = payout({ fullName: 'Nguyễn Văn An', birthYear: 1972 });
    expect(runOne('DECEASED', { payouts: [p], registers: { deceased: register } })).toEqual([]);
  });
});

describe('EXCLUDED_BY_REGISTER', () => {
  const pension = [registerRow('pension', { fullName: 'Bùi Văn Hưu', birthYear: 1955, idNumber: '001055002222' })];

  it('flags a pensioner paid as an informal worker but not as a person with merit', () => {
    const findings = runOne('EXCLUDED_BY_REGISTER', {
      payouts: [
        payout({ fullName: 'Bùi Văn Hưu', birthYear: 1955, idNumber: '001055002222', groupCode: 'TUDO', amount: 1_000_000, months: 1, sheet: 'LĐTD' }),
        payout({ fullName: 'Bùi Văn Hưu', birthYear: 1955, idNumber: '001055002222', groupCode: 'NCC', sheet: 'NCC' }),
      ],
      registers: { pension },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.records.map((r) => r.role)).toEqual(['payouts', 'register:pension']);
    expect(findings[0]?.explanation).toContain('lương hưu');
    expect(findings[0]?.amountAtRisk).toBe(1_000_000);
  });

  it('ignores an unemployment benefit that ended before the support period', () => {
    const unemployment = [registerRow('unemployment', { fullName: 'Bùi Văn Hưu', birthYear: 1955, idNumber: '001055002222', startDate: '2019-06-01', endDate: '2020-01-31' })];
    const p = payout({ fullName: 'Bùi Văn Hưu', birthYear: 1955, idNumber: '001055002222', groupCode: 'CHAMDUT', amount: 1_000_000, months: 1 });
    expect(runOne('EXCLUDED_BY_REGISTER', { payouts: [p], registers: { unemployment } })).toEqual([]);
  });
});

describe('NOT_ON_POOR_LIST', () => {
  const poor = [
    registerRow('poor-2019', { fullName: 'Lò Văn Sáng', birthYear: 1970, householdCode: 'HN-07', householdHead: 'Lò Văn Sáng', groupCode: 'HN' }),
    registerRow('poor-2019', { fullName: 'Hà Thị Nga', birthYear: 1966, householdCode: null, groupCode: 'HCN' }),
  ];

  it('flags a poor-household payment whose household code and people are not on the 2019 list', () => {
    const findings = runOne('NOT_ON_POOR_LIST', {
      payouts: [
        payout({ fullName: 'Lò Văn Sáng', birthYear: 1970, groupCode: 'HN', amount: 750_000, householdCode: 'HN-07' }),
        payout({ fullName: 'Lò Thị Xuân', birthYear: 1972, groupCode: 'HN', amount: 750_000, householdCode: 'HN-07' }),
        payout({ fullName: 'Hà Thị Nga', birthYear: 1966, groupCode: 'HCN', amount: 750_000 }),
        payout({ fullName: 'Hà Văn Tú', birthYear: 1990, groupCode: 'HCN', amount: 750_000, householdHead: 'Hà Thị Nga' }),
        payout({ fullName: 'Giàu Văn Có', birthYear: 1970, groupCode: 'HN', amount: 3_000_000, members: 4, householdCode: 'HN-99' }),
        payout({ fullName: 'Người Có Công', birthYear: 1940, groupCode: 'NCC' }),
      ],
      registers: { 'poor-2019': poor },
    });
    expect(findings.map((f) => f.subject.name)).toEqual(['Giàu Văn Có']);
    expect(findings[0]?.amountAtRisk).toBe(3_000_000);
    expect(findings[0]?.explanation).toContain('31/12/2019');
  });

  it('does nothing without the poor-2019 register', () => {
    expect(runOne('NOT_ON_POOR_LIST', { payouts: [payout({ groupCode: 'HN', amount: 750_000 })] })).toEqual([]);
  });
});

describe('MULTIPLE_POLICIES', () => {
  const id = '001080003333';
  const as = (groupCode: string, amount: number, extra = {}) => payout({ fullName: 'Đoàn Văn Kép', birthYear: 1980, idNumber: id, groupCode, amount, sheet: groupCode, ...extra });

  it('flags TUDO + CHAMDUT for one person (high) with all but the highest at risk', () => {
    const findings = runOne('MULTIPLE_POLICIES', { payouts: [as('TUDO', 3_000_000, { months: 3 }), as('CHAMDUT', 2_000_000, { months: 2 })] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.amountAtRisk).toBe(2_000_000);
    expect(findings[0]?.records).toHaveLength(2);
  });

  it('flags NCC + BTXH as medium but not NCC + HN (allowed by default)', () => {
    const both = runOne('MULTIPLE_POLICIES', { payouts: [as('NCC', 1_500_000), as('BTXH', 1_500_000)] });
    expect(both).toHaveLength(1);
    expect(both[0]?.severity).toBe('medium');
    expect(runOne('MULTIPLE_POLICIES', { payouts: [as('NCC', 1_500_000), as('HN', 750_000)] })).toEqual([]);
  });

  it('reports an allowed combination switched to "review" with low severity and nothing at risk', () => {
    const rules: PackageRules = {
      ...RULES,
      combinations: RULES.combinations.map((c) => (c.groups.includes('NCC') && c.groups.includes('HN') ? { ...c, treatment: 'review' as const } : c)),
    };
    const findings = runOne('MULTIPLE_POLICIES', { payouts: [as('NCC', 1_500_000), as('HN', 750_000)] }, rules);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('low');
    expect(findings[0]?.amountAtRisk).toBe(0);
  });

  it('does not join namesakes with different IDs into one person', () => {
    const findings = runOne('MULTIPLE_POLICIES', {
      payouts: [as('TUDO', 1_000_000, { months: 1 }), payout({ fullName: 'Đoàn Văn Kép', birthYear: 1980, idNumber: '001080004444', groupCode: 'CHAMDUT', amount: 1_000_000, months: 1 })],
    });
    expect(findings).toEqual([]);
  });
});
