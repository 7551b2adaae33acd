import { describe, expect, it } from 'vitest';
import type { PackageRules } from '../../src/rules/index.js';
import { beneficiary, payout, RULES, runOne } from './factories.js';

const ID_A = '001060001234';

describe('DUPLICATE_PAYMENT', () => {
  it('flags one ID paid twice for NCC in two sheets, listing both rows, with the second payment at risk', () => {
    const a = payout({ fullName: 'Nguyễn Văn An', idNumber: ID_A, sheet: 'Thôn 1' });
    const b = payout({ fullName: 'Nguyễn Văn An', idNumber: ID_A, sheet: 'Thôn 2', paidDate: '2020-05-20' });
    const findings = runOne('DUPLICATE_PAYMENT', { payouts: [a, b] });
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f?.category).toBe('duplicate');
    expect(f?.amountAtRisk).toBe(1_500_000);
    expect(f?.records.map((r) => r.sheet)).toEqual(['Thôn 1', 'Thôn 2']);
    expect(f?.explanation).toContain('được chi 2 lần');
    expect(f?.score).toBe(1);
  });

  it('finds a person without ID paid in two uploads by name, birth year and village, with matcher evidence', () => {
    const a = payout({ fullName: 'Hoàng Thị Lan', birthYear: 1950, file: 'dot-1.xlsx', paidDate: '2020-05-10' });
    const b = payout({ fullName: 'Hoàng Thị Lan', birthYear: 1950, file: 'dot-2.xlsx', paidDate: '2020-06-10' });
    const findings = runOne('DUPLICATE_PAYMENT', { payouts: [a, b] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.score).toBeGreaterThan(0.9);
    expect(findings[0]?.score).toBeLessThanOrEqual(1);
    const matches = findings[0]?.evidence.matches as { comparisons: { field: string; weight: number }[] }[];
    expect(matches[0]?.comparisons.some((c) => c.field === 'givenName' && c.weight > 0)).toBe(true);
  });

  it('does not flag namesakes with different birth years or different IDs', () => {
    const findings = runOne('DUPLICATE_PAYMENT', {
      payouts: [
        payout({ fullName: 'Nguyễn Văn An', birthYear: 1960 }),
        payout({ fullName: 'Nguyễn Văn An', birthYear: 1975 }),
        payout({ fullName: 'Nguyễn Văn Bình', birthYear: 1960, idNumber: '001060000001' }),
        payout({ fullName: 'Nguyễn Văn Bình', birthYear: 1960, idNumber: '001060000002' }),
      ],
    });
    expect(findings).toEqual([]);
  });

  it('does not flag members of one poor household paid per person, even under the head ID', () => {
    const member = (fullName: string, birthYear: number, relation: string) =>
      payout({ fullName, birthYear, relation, groupCode: 'HN', amount: 750_000, householdCode: 'HN-07', householdHead: 'Lò Văn Sáng', idNumber: '014070000123' });
    const findings = runOne('DUPLICATE_PAYMENT', {
      payouts: [member('Lò Văn Sáng', 1970, 'Chủ hộ'), member('Lò Thị Xuân', 1972, 'Vợ'), member('Lò Văn Sơn', 1995, 'Con'), member('Lò Văn Sinh', 1998, 'Con')],
    });
    expect(findings).toEqual([]);
  });

  it('does not treat a proxy (người nhận thay) as a duplicate of the person they collected for', () => {
    const proxyId = '001075009999';
    const findings = runOne('DUPLICATE_PAYMENT', {
      payouts: [
        payout({ fullName: 'Trần Văn Cả', birthYear: 1930, idNumber: proxyId, receiver: 'Trần Văn Hùng' }),
        payout({ fullName: 'Trần Văn Hùng', birthYear: 1975, idNumber: proxyId }),
      ],
    });
    expect(findings).toEqual([]);
  });

  it('ignores an exact copy of a row in another upload, but flags a row listed twice in one file', () => {
    const row = { fullName: 'Vũ Thị Hạnh', idNumber: '001155000111', birthYear: 1955 } as const;
    const reupload = runOne('DUPLICATE_PAYMENT', { payouts: [payout({ ...row, file: 'ban-dau.xlsx', row: 5 }), payout({ ...row, file: 'ban-sua.xlsx', row: 9 })] });
    expect(reupload).toEqual([]);
    const twice = runOne('DUPLICATE_PAYMENT', { payouts: [payout({ ...row, row: 5 }), payout({ ...row, row: 6 })] });
    expect(twice).toHaveLength(1);
  });

  it('lets a corrected file replace the earlier upload it mostly repeats, including the corrected rows', () => {
    const people = ['Lý Văn Một', 'Lý Văn Hai', 'Lý Văn Ba', 'Lý Văn Bốn', 'Lý Văn Năm'].map((fullName, k) => ({ fullName, birthYear: 1940 + k }));
    const v1 = people.map((p, k) => payout({ ...p, file: 'lan-1.xlsx', row: 5 + k, amount: k === 0 ? 2_000_000 : 1_500_000 }));
    const v2 = people.map((p, k) => payout({ ...p, file: 'lan-2.xlsx', row: 6 + k }));
    expect(runOne('DUPLICATE_PAYMENT', { payouts: [...v1, ...v2] })).toEqual([]);
    const amounts = runOne('AMOUNT_MISMATCH', { payouts: [...v1, ...v2] });
    expect(amounts).toEqual([]);
    // another village's file that lists one of the same people is no replacement: that person is paid twice
    const other = [payout({ ...people[0], file: 'thon-2.xlsx', village: 'Thôn 2' }), payout({ fullName: 'Khác Hẳn', birthYear: 1990, file: 'thon-2.xlsx', village: 'Thôn 2' })];
    const dup = runOne('DUPLICATE_PAYMENT', { payouts: [...v2, ...other] });
    expect(dup).toHaveLength(1);
    expect(dup[0]?.records.map((r) => r.file).sort()).toEqual(['lan-2.xlsx', 'thon-2.xlsx']);
  });

  it('tells apart two uploads of a file with the same name by repeated row numbers', () => {
    const people = ['Hà Văn Một', 'Hà Văn Hai', 'Hà Văn Ba'].map((fullName, k) => ({ fullName, birthYear: 1950 + k, file: 'chi-tra.xlsx', row: 5 + k }));
    const first = people.map((p, k) => payout({ ...p, amount: k === 1 ? 1_000_000 : 1_500_000 }));
    const corrected = people.map((p) => payout(p));
    expect(runOne('DUPLICATE_PAYMENT', { payouts: [...first, ...corrected] })).toEqual([]);
    expect(runOne('AMOUNT_MISMATCH', { payouts: [...first, ...corrected] })).toEqual([]);
  });

  it('flags monthly rows of the same month but not instalments of different months', () => {
    const m = (period: string, sheet = 'T1') => payout({ fullName: 'Đặng Văn Tư', idNumber: '001090000777', groupCode: 'TUDO', amount: 1_000_000, months: 1, period, sheet });
    expect(runOne('DUPLICATE_PAYMENT', { payouts: [m('2020-04'), m('2020-05'), m('2020-06')] })).toEqual([]);
    const findings = runOne('DUPLICATE_PAYMENT', { payouts: [m('2020-04'), m('2020-05'), m('2020-05', 'T2')] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.records).toHaveLength(2);
    expect(findings[0]?.amountAtRisk).toBe(1_000_000);
  });

  it('reports a pair below the match threshold as possible, with the lower severity, only where the package enables it', () => {
    const rows = [
      payout({ fullName: 'Hoàng Thị Lan', birthYear: 1950, file: 'dot-1.xlsx' }),
      payout({ fullName: 'Hoàng Thị Lan', birthYear: 1950, file: 'dot-2.xlsx', paidDate: '2020-06-10' }),
    ];
    const strict: PackageRules = { ...RULES, matching: { matchThreshold: 40, possibleThreshold: 2 } };
    const findings = runOne('DUPLICATE_PAYMENT', { payouts: rows }, strict);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe(RULES.checks.DUPLICATE_PAYMENT?.possibleSeverity);
    expect(findings[0]?.explanation).toContain('chưa chắc chắn');
    const quiet: PackageRules = { ...strict, checks: { ...strict.checks, DUPLICATE_PAYMENT: { ...strict.checks.DUPLICATE_PAYMENT!, reportPossible: false } } };
    expect(runOne('DUPLICATE_PAYMENT', { payouts: rows }, quiet)).toEqual([]);
  });

  it('does not count one person in NCC and HN as a duplicate payment', () => {
    const findings = runOne('DUPLICATE_PAYMENT', {
      payouts: [payout({ idNumber: ID_A, groupCode: 'NCC' }), payout({ idNumber: ID_A, groupCode: 'HN', amount: 750_000 })],
    });
    expect(findings).toEqual([]);
  });
});

describe('DUPLICATE_BENEFICIARY', () => {
  it('flags one person approved twice for one group, not once each in NCC and HN', () => {
    const findings = runOne('DUPLICATE_BENEFICIARY', {
      beneficiaries: [
        beneficiary({ idNumber: ID_A, sheet: 'NCC 1' }),
        beneficiary({ idNumber: ID_A, sheet: 'NCC 2' }),
        beneficiary({ fullName: 'Mai Văn Tám', idNumber: '001060005555', groupCode: 'NCC' }),
        beneficiary({ fullName: 'Mai Văn Tám', idNumber: '001060005555', groupCode: 'HN' }),
      ],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.records.map((r) => r.sheet)).toEqual(['NCC 1', 'NCC 2']);
    expect(findings[0]?.severity).toBe(RULES.checks.DUPLICATE_BENEFICIARY?.severity);
  });
});

describe('SHARED_ACCOUNT', () => {
  it('flags one account paying people of two households, and normalises phone numbers', () => {
    const findings = runOne('SHARED_ACCOUNT', {
      payouts: [
        payout({ fullName: 'Ngô Văn Một', birthYear: 1960, householdCode: 'H1', bankAccount: '1903-5555-0001', phone: '+84 912 345 678' }),
        payout({ fullName: 'Đinh Thị Hai', birthYear: 1962, householdCode: 'H2', bankAccount: '190355550001', phone: '0912345678' }),
      ],
    });
    expect(findings.map((f) => f.evidence.kind).sort()).toEqual(['account', 'phone']);
    expect(findings[0]?.records).toHaveLength(2);
    expect(findings[0]?.amountAtRisk).toBe(1_500_000);
  });

  it('does not flag members of one household sharing the head account', () => {
    const findings = runOne('SHARED_ACCOUNT', {
      payouts: [
        payout({ fullName: 'Ngô Văn Một', groupCode: 'HN', amount: 750_000, householdCode: 'H1', bankAccount: '190355550001' }),
        payout({ fullName: 'Ngô Thị Ba', groupCode: 'HN', amount: 750_000, householdCode: 'H1', bankAccount: '190355550001' }),
        payout({ fullName: 'Ngô Văn Tư', groupCode: 'HN', amount: 750_000, householdHead: 'Ngô Văn Một', bankAccount: '190355550001' }),
      ],
    });
    expect(findings).toEqual([]);
  });
});

describe('people who are not one person', () => {
  it('keeps apart two women whose middle names are different words (Thị Huỳnh / Thị Thu)', () => {
    const findings = runOne('MULTIPLE_POLICIES', {
      payouts: [
        payout({ fullName: 'Võ Thị Huỳnh Quyên', birthYear: 1974, gender: 'F', groupCode: 'TUDO', amount: 2_000_000, months: 2, village: 'Thôn Trung' }),
        payout({ fullName: 'Võ Thị Thu Quyên', birthYear: 1974, gender: 'F', groupCode: 'TAMHOAN', amount: 3_600_000, months: 2, village: 'Thôn Tây', idNumber: '010174844401' }),
      ],
    });
    expect(findings).toEqual([]);
  });

  it('keeps apart two men of one village and birth year whose given names differ (Thanh / Quyết), even as a possible pair', () => {
    const findings = runOne('DUPLICATE_PAYMENT', {
      payouts: [
        payout({ fullName: 'Phạm Văn Thanh', birthYear: 1928, gender: 'M', groupCode: 'BTXH', village: 'Thôn 4' }),
        payout({ fullName: 'Phạm Văn Quyết', birthYear: 1928, gender: 'M', groupCode: 'BTXH', village: 'Thôn 4', idNumber: '064028657085' }),
      ],
    });
    expect(findings).toEqual([]);
  });

  it('still joins one person written with the old tone placement (Hòa / Hoà) in two villages', () => {
    const findings = runOne('DUPLICATE_PAYMENT', {
      payouts: [
        payout({ fullName: 'Phan Minh Hòa', birthYear: 1968, gender: 'M', groupCode: 'TUDO', amount: 1_000_000, months: 1, paidDate: '2020-06-25', village: 'Thôn 1' }),
        payout({ fullName: 'Phan Minh Hoà', birthYear: 1968, gender: 'M', groupCode: 'TUDO', amount: 1_000_000, months: 1, paidDate: '2020-07-24', village: 'Thôn 3', idNumber: '010068895542' }),
      ],
    });
    expect(findings).toHaveLength(1);
    // the rows do not say which month they pay and were paid in different months: reported, but lower
    expect(findings[0]?.severity).toBe('medium');
    expect(findings[0]?.evidence.periodUnknown).toBe(true);
  });
});
