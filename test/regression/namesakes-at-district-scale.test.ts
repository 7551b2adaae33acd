import { describe, expect, it } from 'vitest';
import { dedupe, DEFAULT_MATCH_CONFIG } from '../../src/match/index.js';
import { payout, runOne } from '../checks/factories.js';

/**
 * Bug: in the generated million-payout district, DUPLICATE_PAYMENT reported 52 "same person paid twice" for
 * 9 planted, 4 of them as certain ('match'). Each false pair was two people of one commune who shared most of
 * a name and a birth year, one with a CCCD and the other with a CMND (not comparable): "Lưu Thị Ngọc Nhi" and
 * "Đặng Thị Ngọc Nhi" born the same day (two families: a keying slip does not turn one family name into the
 * other), "Trần Hoàng Hải" and "Trần Hoàng Đăng Hải" (a middle name one word longer is another middle name),
 * "Phạm Duy Đương" and "Phạm Duy Cường" (two given names, one letter apart), "Võ Thị Nguyên" born 1995-03-17
 * and 1995-11-17 (another month is no keying slip).
 */
const village = { sheet: 'Thôn Bắc', village: 'Thôn Bắc', groupCode: 'BTXH', groupLabel: 'Bảo trợ xã hội' } as const;
const namesakes = [
  payout({ ...village, fullName: 'Lưu Thị Ngọc Nhi', gender: 'F', birthDate: '1937-04-19', birthYear: 1937, idNumber: '034137107646' }),
  payout({ ...village, fullName: 'Đặng Thị Ngọc Nhi', gender: 'F', birthDate: '1937-04-19', birthYear: 1937, idNumber: '159798650' }),
  payout({ ...village, fullName: 'Trần Hoàng Hải', gender: 'M', birthYear: 1928, idNumber: '153195478' }),
  payout({ ...village, fullName: 'Trần Hoàng Đăng Hải', gender: 'M', birthYear: 1928, idNumber: '034028557287' }),
  payout({ ...village, fullName: 'Phạm Duy Đương', gender: 'M', birthYear: 1952 }),
  payout({ ...village, fullName: 'Phạm Duy Cường', gender: 'M', birthYear: 1952, idNumber: '089052456134' }),
  payout({ ...village, fullName: 'Võ Thị Nguyên', gender: 'F', birthDate: '1995-03-17', birthYear: 1995, idNumber: '089195239697' }),
  payout({ ...village, fullName: 'Võ Thị Nguyên', gender: 'F', birthDate: '1995-11-17', birthYear: 1995, idNumber: '357279104' }),
];

describe('namesakes of one commune with different ID kinds', () => {
  it('are never one person at the prior of a district of a million payouts', () => {
    const district = { ...DEFAULT_MATCH_CONFIG, priorLog2: -Math.log2(1_000_000) };
    expect(dedupe(namesakes, district).map((p) => `${namesakes[p.a]?.fullName ?? ''} / ${namesakes[p.b]?.fullName ?? ''}`)).toEqual([]);
  });

  it('are at most a case to check, never certain, when two family names disagree, however small the list', () => {
    const findings = runOne('DUPLICATE_PAYMENT', { payouts: namesakes.slice(0, 2) });
    expect(findings.map((f) => f.severity)).toEqual(['medium']);
    expect(findings[0]?.explanation).toContain('cần xác minh');
    expect(JSON.stringify(findings[0]?.evidence)).toContain('hai dòng họ khác nhau');
  });

  it('while one person written in capitals, or with a birth date one digit off, still is', () => {
    const findings = runOne('DUPLICATE_PAYMENT', {
      payouts: [
        namesakes[0]!,
        payout({ ...village, fullName: 'LƯU THỊ NGỌC NHI', gender: 'F', birthDate: '1937-04-18', birthYear: 1937 }),
      ],
    });
    expect(findings.map((f) => [f.severity, f.records.length])).toEqual([['high', 2]]);
  });
});
