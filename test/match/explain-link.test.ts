import { describe, expect, it } from 'vitest';
import { bestMatches, clusterPairs, dedupe, explainMatch, formatWeight, link } from '../../src/match/index.js';
import { neighbours, person } from './person.js';

describe('explainMatch', () => {
  it('lists every compared field with its signed weight, the prior, the total and the threshold', () => {
    const list = [
      ...neighbours(10),
      person({ fullName: 'Nguyễn Văn Hùng', birthYear: 1975, gender: 'M', village: 'Thôn 1' }),
      person({ fullName: 'Nguyen Van Hung', birthYear: 1975, gender: 'M', village: 'Thôn 2' }),
    ];
    const [pair] = dedupe(list);
    if (pair === undefined) throw new Error('expected a pair');
    const text = explainMatch(pair);
    expect(text).toMatch(/^Trùng khớp: /);
    for (const c of pair.comparisons) {
      const label = c.label.charAt(0).toLowerCase() + c.label.slice(1);
      expect(text).toContain(label);
      expect(text).toContain(`(${formatWeight(c.weight)})`);
    }
    expect(text).toContain("tên 'Hùng' (+");
    expect(text).toMatch(/khác: thôn\/ấp\/tổ 'Thôn 1' \/ 'Thôn 2' \(–\d+,\d\)/);
    expect(text).toContain(`Trọng số tiên nghiệm ${formatWeight(pair.prior)}`);
    expect(text).toContain(`Tổng trọng số ${formatWeight(pair.weight).replace('+', '')}`);
    expect(text).toMatch(/ngưỡng (trùng|cần xem xét) \d/);
    const sum = pair.prior + pair.comparisons.reduce((s, c) => s + c.weight, 0);
    expect(sum).toBeCloseTo(pair.weight, 9);
  });

  it('explains every pair of a link keeping thousands, each with its own two rows and weights', () => {
    const given = ['Hùng', 'Lan', 'Mai', 'Tâm', 'Khuê', 'Sơn', 'Yến'];
    const people = Array.from({ length: 4500 }, (_, k) =>
      person({ fullName: `Trần ${given[k % 7] ?? ''} ${given[(k >> 3) % 7] ?? ''}`, birthYear: 1930 + (k % 70), idNumber: `0010${String(k).padStart(8, '0')}`, idKind: 'CCCD' }),
    );
    const copies = people.map((p) => ({ ...p, village: 'Thôn 2' }));
    const pairs = link(people, copies);
    expect(pairs.length).toBeGreaterThan(4096); // past the first chunk of the evidence store
    for (const pair of [pairs[0], pairs[4095], pairs[4096], pairs[pairs.length - 1]]) {
      if (pair === undefined) throw new Error('expected a pair');
      const sum = pair.prior + pair.comparisons.reduce((s, c) => s + c.weight, 0);
      expect(sum).toBeCloseTo(pair.weight, 9);
      const id = pair.comparisons.find((c) => c.field === 'id');
      expect([id?.a, id?.b]).toEqual([people[pair.a]?.idNumber, copies[pair.b]?.idNumber]);
      expect(pair.comparisons.find((c) => c.field === 'birthYear')?.a).toBe(String(people[pair.a]?.birthYear));
    }
  });

  it('says that a shared valid ID decides, and warns when everything else disagrees', () => {
    const list = [
      ...neighbours(10),
      person({ fullName: 'Cao Văn Lực', birthYear: 1944, gender: 'M', idNumber: '031044000777', idKind: 'CCCD' }),
      person({ fullName: 'Hà Thị Nụ', birthYear: 1990, gender: 'F', idNumber: '031044000777', idKind: 'CCCD', village: 'Thôn 2' }),
    ];
    const [pair] = dedupe(list);
    if (pair === undefined) throw new Error('expected a pair');
    expect(pair).toMatchObject({ byId: true, decision: 'match' });
    const text = explainMatch(pair);
    expect(text).toMatch(/^Cùng số CMND\/CCCD hợp lệ '031044000777': coi là cùng một người\./);
    expect(text).toContain('cần kiểm tra');
  });

  it('formats weights with a sign and a decimal comma', () => {
    expect(formatWeight(6.06)).toBe('+6,1');
    expect(formatWeight(-2)).toBe('–2,0');
    expect(formatWeight(0.01)).toBe('0,0');
  });
});

describe('link and bestMatches', () => {
  const beneficiaries = [
    ...neighbours(15),
    person({ fullName: 'Đỗ Thị Khuê', birthYear: 1948, gender: 'F', householdCode: 'BT-3' }),
    person({ fullName: 'Vương Văn Quý', birthYear: 1939, gender: 'M', idNumber: '162000111', idKind: 'CMND' }),
  ];
  const payouts = [
    person({ fullName: 'DO THI KHUE', birthYear: 1948, gender: 'F' }),
    person({ fullName: 'Vương Văn Quí', birthYear: 1940, gender: 'M', idNumber: '162000111', idKind: 'CMND' }),
    person({ fullName: 'Tạ Văn Bình', birthYear: 1966, gender: 'M' }),
  ];

  it('pairs payouts with the approved beneficiaries, a indexing left and b right', () => {
    const pairs = link(payouts, beneficiaries).filter((p) => p.decision === 'match');
    expect(pairs.map((p) => [p.a, p.b, p.byId])).toEqual([
      [0, 15, false],
      [1, 16, true],
    ]);
  });

  it('returns the best beneficiary of each payout, or null when none qualifies', () => {
    const best = bestMatches(payouts, beneficiaries).toArray();
    expect(best.map((p) => p?.b ?? null)).toEqual([15, 16, null]);
  });

  it('never pairs records of the same side when linking', () => {
    const twice = [person({ fullName: 'Tạ Văn Bình', birthYear: 1966 }), person({ fullName: 'Tạ Văn Bình', birthYear: 1966 })];
    expect(link(twice, [person({ fullName: 'Lò Thị Xuân', birthYear: 1990 })])).toEqual([]);
  });
});

describe('clusterPairs', () => {
  it('groups chains of matches into one group of duplicates and leaves singletons out', () => {
    const list = [
      ...neighbours(8),
      person({ fullName: 'Trịnh Văn Bảo', birthYear: 1970, idNumber: '038070000001', idKind: 'CCCD' }),
      person({ fullName: 'Trịnh Văn Bảo', birthYear: 1970, idNumber: '038070000001', idKind: 'CCCD', village: 'Thôn 4' }),
      person({ fullName: 'TRINH VAN BAO', birthYear: 1970, village: 'Thôn 4' }),
    ];
    const pairs = dedupe(list);
    expect(clusterPairs(list.length, pairs)).toEqual([[8, 9, 10]]);
    expect(clusterPairs(list.length, pairs.filter((p) => p.decision === 'possible'))).toEqual([]);
  });
});
