import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../src/domain/index.js';
import { canLocPayout, rng, run, someone } from './data.js';

/** A village of `n` people with random names, birth dates and households, in commune `c`. */
function village(c: number, n: number, seed: number, name = 'Thôn 1'): PersonRecord[] {
  const rand = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const year = 1940 + Math.floor(rand() * 60);
    const date = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    return canLocPayout(c, { ...someone(rand, seed * 1000 + i), birthYear: year, birthDate: date, village: name, householdCode: `H${seed}-${i}`, row: i + 2, sheet: name });
  });
}

describe('NAME_CLUSTER', () => {
  it('flags a village where six different households have one rare full name', () => {
    const base = village(0, 120, 1);
    const rand = rng(99);
    const invented = Array.from({ length: 6 }, (_, i) => canLocPayout(0, { ...someone(rand, 90_000 + i), fullName: 'Lò Văn Khuê', village: 'Thôn 1', householdCode: `X${i}`, row: 500 + i, sheet: 'Thôn 1' }));
    const { findings } = run('NAME_CLUSTER', { payouts: [...base, ...invented] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence).toMatchObject({ statistic: 'poissonTail', kind: 'fullName', count: 6, threshold: 0.001, peerGroup: { level: 'village', size: 126 } });
    expect(findings[0]?.evidence.expected as number).toBeLessThan(0.1);
    expect(findings[0]?.records.map((r) => r.row)).toEqual([500, 501, 502, 503, 504, 505]);
    expect(findings[0]?.explanation).toMatch(/Thôn 1, Xã Thiên Lộc|Thôn 1, Thị trấn Nghèn/);
    expect(findings[0]?.explanation).toContain('cùng họ tên "Lò Văn Khuê"');
  });

  it('counts a person paid on several rows once, in the village of the first row, with the household of any row', () => {
    const base = village(0, 120, 1);
    const rand = rng(99);
    const invented = Array.from({ length: 5 }, (_, i) =>
      canLocPayout(0, { ...someone(rand, 90_000 + i), fullName: 'Lò Văn Khuê', idNumber: `04208500${1000 + i}`, idKind: 'CCCD' as const, village: 'Thôn 1', householdCode: i === 0 ? null : `X${i}`, row: 500 + i, sheet: 'Thôn 1' }),
    );
    const first = invented[0] as PersonRecord;
    // The first person again, in another village, with a household code only there (the second person's);
    // a sixth person of that household too.
    const again = { ...first, village: 'Thôn 2', householdCode: 'X1', row: 900 };
    const sameHousehold = { ...(invented[1] as PersonRecord), idNumber: '042085009999', row: 901 };
    const { findings } = run('NAME_CLUSTER', { payouts: [...base, ...invented, again, sameHousehold] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence).toMatchObject({ kind: 'fullName', count: 4, people: 6, peerGroup: { level: 'village', size: 126 } });
    expect(findings[0]?.records.map((r) => r.row)).toEqual([500, 501, 502, 503, 504, 900, 901]);
  });

  it('flags many different people born on the same day in one village', () => {
    const base = village(1, 150, 2);
    const same = base.slice(0, 6).map((r) => ({ ...r, birthDate: '1985-07-14', birthYear: 1985 }));
    const { findings } = run('NAME_CLUSTER', { payouts: [...same, ...base.slice(6)] });
    expect(findings.map((f) => f.evidence.kind)).toEqual(['birthDate']);
    expect(findings[0]?.explanation).toContain('cùng ngày sinh 14/07/1985');
  });

  it('does not flag common names at their usual frequency, twins of one household, or small villages', () => {
    const base = village(2, 200, 3);
    // Three people named "Nguyễn Văn Hùng" in a village of 200: common enough.
    const rand = rng(5);
    const hung = Array.from({ length: 3 }, (_, i) => canLocPayout(2, { ...someone(rand, 80_000 + i), fullName: 'Nguyễn Văn Hùng', village: 'Thôn 1', row: 700 + i }));
    // Four children of one household born the same day (one household counts once).
    const twins = base.slice(0, 4).map((r) => ({ ...r, birthDate: '2012-03-03', householdCode: 'H-TWINS' }));
    const { findings } = run('NAME_CLUSTER', { payouts: [...twins, ...base.slice(4), ...hung] });
    expect(findings).toEqual([]);
    const small = village(3, 12, 4);
    const clones = small.slice(0, 5).map((r, i) => ({ ...r, fullName: 'Lò Văn Khuê', nameKey: 'lo van khue', idNumber: `04208500000${i}` }));
    const result = run('NAME_CLUSTER', { payouts: [...clones, ...small.slice(5)] });
    expect(result.findings).toEqual([]);
    expect(result.note).toContain('1 thôn/xã có dưới 20 người');
  });
});

describe('SHARED_CONTACT_CLUSTER', () => {
  it('flags one phone number written for five households, not one shared by two', () => {
    const base = village(0, 60, 7);
    const withPhone = base.map((r, i) => ({ ...r, phone: i < 5 ? '0912345678' : i < 7 ? '0987654321' : `09${String(10_000_000 + i * 7919).slice(0, 8)}` }));
    const { findings } = run('SHARED_CONTACT_CLUSTER', { payouts: withPhone });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence).toMatchObject({ statistic: 'householdsPerContact', kind: 'phone', value: '0912345678', households: 5, threshold: 4 });
    expect(findings[0]?.records).toHaveLength(5);
    expect(findings[0]?.explanation).toContain('Cùng số điện thoại 0912345678 được ghi cho 5 người thuộc 5 hộ khác nhau');
  });

  it('counts members of one household once, and needs a specific address', () => {
    const base = village(0, 30, 8);
    const oneHousehold = base.slice(0, 6).map((r) => ({ ...r, householdCode: 'H-1', bankAccount: '0123456789012' }));
    const sameHamlet = base.slice(6).map((r) => ({ ...r, address: 'Thôn 1' }));
    expect(run('SHARED_CONTACT_CLUSTER', { payouts: [...oneHousehold, ...sameHamlet] }).findings).toEqual([]);
    const boardingHouse = base.slice(6, 13).map((r) => ({ ...r, address: 'Số 12 ngõ 3 đường Trần Phú' }));
    const found = run('SHARED_CONTACT_CLUSTER', { payouts: boardingHouse }).findings;
    expect(found.map((f) => [f.evidence.kind, f.evidence.households])).toEqual([['address', 7]]);
  });
});
