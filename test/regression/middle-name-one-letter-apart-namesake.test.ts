import { describe, expect, it } from 'vitest';
import { beneficiary, payout, runOne } from '../checks/factories.js';

/**
 * Bug: two elderly people of one village, "Nguyễn Mạnh An" (CMND) and "Nguyễn Minh An" (CCCD), born the
 * same year, each paid the social-protection top-up once, were reported as one person paid twice
 * (DUPLICATE_PAYMENT, and DUPLICATE_BENEFICIARY on the approved list). Without diacritics the middle names
 * are one letter apart ("manh" / "minh"), which the safety net took for a typo; a CMND and a CCCD cannot
 * be compared. Written with diacritics they are two real, different names.
 */
const common = { birthYear: 1936, gender: 'M', sheet: 'Thôn Tân Lập', village: 'Thôn Tân Lập', groupCode: 'BTXH', groupLabel: 'Bảo trợ xã hội' } as const;

describe('middle or given names one letter apart once diacritics are dropped', () => {
  it('are two people when both rows spell out two real names (payouts)', () => {
    const findings = runOne('DUPLICATE_PAYMENT', {
      payouts: [
        payout({ ...common, fullName: 'Nguyễn Mạnh An', idNumber: '126454818' }),
        payout({ ...common, fullName: 'Nguyễn Minh An', idNumber: '079036127293' }),
      ],
    });
    expect(findings).toEqual([]);
  });

  it('are two people on the approved list too, and for given names ("Tâm" / "Lâm")', () => {
    const findings = runOne('DUPLICATE_BENEFICIARY', {
      beneficiaries: [
        beneficiary({ ...common, fullName: 'Nguyễn Mạnh An', idNumber: '126454818' }),
        beneficiary({ ...common, fullName: 'Nguyễn Minh An', idNumber: '079036127293' }),
        beneficiary({ ...common, fullName: 'Trần Văn Tâm' }),
        beneficiary({ ...common, fullName: 'Trần Văn Lâm' }),
      ],
    });
    expect(findings).toEqual([]);
  });

  it('still pairs one person whose name is written once without diacritics, or with the old tone placement', () => {
    const findings = runOne('DUPLICATE_PAYMENT', {
      payouts: [
        payout({ ...common, fullName: 'Nguyễn Mạnh An', paidDate: '2020-05-10' }),
        payout({ ...common, fullName: 'Nguyen Manh An', paidDate: '2020-05-20' }),
        payout({ ...common, fullName: 'Lê Thị Thúy', gender: 'F', birthYear: 1950 }),
        payout({ ...common, fullName: 'LÊ THỊ THUÝ', gender: 'F', birthYear: 1950 }),
      ],
    });
    expect(findings.map((f) => f.records.map((r) => r.row).length)).toEqual([2, 2]);
    expect(findings.map((f) => f.subject.name).sort()).toEqual(['Lê Thị Thúy', 'Nguyễn Mạnh An']);
  });
});
