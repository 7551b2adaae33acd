import { describe, expect, it } from 'vitest';
import type { MatchInput, MatchPair } from '../../src/match/index.js';
import { DEFAULT_MATCH_CONFIG, dedupe } from '../../src/match/index.js';
import { neighbours, person } from './person.js';

const field = (pair: MatchPair | undefined, id: string) => pair?.comparisons.find((c) => c.field === id);

/** The level of field `id` in the pair of rows `a` and `b` placed after ten neighbours, however low its weight. */
function pairLevel(id: string, a: Partial<MatchInput>, b: Partial<MatchInput>): string | undefined {
  const list = [...neighbours(10), person(a), person(b)];
  return field(dedupe(list, { ...DEFAULT_MATCH_CONFIG, possibleThreshold: -99 }).find((p) => p.a === 10 && p.b === 11), id)?.level;
}

describe('dedupe', () => {
  it('matches two rows with the same valid CCCD outright, whatever the name spelling', () => {
    const list = [
      ...neighbours(20),
      person({ fullName: 'Phạm Văn Đông', birthYear: 1962, idNumber: '036062001234', idKind: 'CCCD' }),
      person({ fullName: 'Pham Van Dong', birthYear: 1963, idNumber: '036062001234', idKind: 'CCCD', village: 'Thôn 9' }),
    ];
    const pairs = dedupe(list);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: 20, b: 21, byId: true, decision: 'match' });
    expect(field(pairs[0], 'id')?.level).toBe('exact');
  });

  it('does not short-cut on an ID flagged invalid', () => {
    const list = [
      person({ fullName: 'Lò Văn Pá', birthYear: 1980, idNumber: '0360620012', idKind: 'INVALID', flags: ['ID_INVALID'] }),
      person({ fullName: 'Đinh Thị Nga', birthYear: 1955, idNumber: '0360620012', idKind: 'INVALID', flags: ['ID_INVALID'] }),
    ];
    const pairs = dedupe(list);
    expect(pairs.every((p) => !p.byId)).toBe(true);
    expect(pairs.filter((p) => p.decision === 'match')).toHaveLength(0);
  });

  it('matches tone-placement and diacritic variants of one name', () => {
    const list = [
      ...neighbours(10),
      person({ fullName: 'Nguyễn Thị Thuý', birthYear: 1984, gender: 'F' }),
      person({ fullName: 'NGUYEN THI THUY', birthYear: 1984, gender: 'F' }),
      person({ fullName: 'Nguyễn Thị Thúy', birthYear: 1984, gender: 'F' }),
    ];
    const pairs = dedupe(list);
    expect(pairs.map((p) => [p.a, p.b, p.decision])).toEqual([
      [10, 11, 'match'],
      [10, 12, 'match'],
      [11, 12, 'match'],
    ]);
    for (const p of pairs) expect(field(p, 'givenName')?.level).toBe('exact');
  });

  it('matches a typo in the given name as close', () => {
    const list = [
      ...neighbours(10),
      person({ fullName: 'Trần Thị Phương', birthYear: 1971 }),
      person({ fullName: 'Trần Thị Phưong', birthYear: 1971 }),
    ];
    const [pair] = dedupe(list);
    expect(pair?.decision).toBe('match');
    expect(field(pair, 'givenName')?.level).toBe('close');
  });

  it('does not pair true namesakes born in different years', () => {
    const list = [
      ...neighbours(10),
      person({ fullName: 'Nguyễn Văn Hùng', birthYear: 1975, gender: 'M' }),
      person({ fullName: 'Nguyễn Văn Hùng', birthYear: 1982, gender: 'M' }),
    ];
    expect(dedupe(list)).toEqual([]);
  });

  it('does not pair namesakes of different households as a match', () => {
    const list = [
      ...neighbours(10),
      person({ fullName: 'Nguyễn Văn Hùng', birthYear: 1975, householdCode: 'HN-012' }),
      person({ fullName: 'Nguyễn Văn Hùng', birthYear: 1975, householdCode: 'HN-047' }),
    ];
    const pairs = dedupe(list);
    expect(pairs.filter((p) => p.decision === 'match')).toEqual([]);
    expect(field(pairs[0], 'household')?.weight ?? -99).toBeLessThan(-5);
  });

  it('does not pair members of one household (same code or same head, other given name or birth year)', () => {
    const list = [
      ...neighbours(10),
      person({ fullName: 'Lê Văn Long', birthYear: 1990, gender: 'M', householdCode: 'HCN-7' }),
      person({ fullName: 'Lê Văn Lâm', birthYear: 1990, gender: 'M', householdCode: 'HCN-7' }),
      person({ fullName: 'Lê Thị Hoa', birthYear: 1962, gender: 'F', householdCode: 'HCN-7' }),
      person({ fullName: 'Đào Văn Khánh', birthYear: 1950, householdHead: 'Đào Văn Khánh' }),
      person({ fullName: 'Đào Văn Khánh', birthYear: 1978, householdHead: 'Đào Văn Khánh' }),
    ];
    expect(dedupe(list)).toEqual([]);
  });

  it('does not take two family names for one person, even when all else agrees in a commune-sized list', () => {
    // A Vietnamese family name is the steadiest part of a name: two rows of one person almost never
    // disagree on it outright (a typo makes it close, "Nguyễn"/"Nguyên"). At the prior of a
    // 20,000-row list, agreeing middle and given names, year, gender, commune and village must not
    // make a 'match' of "Phan" and "Hoàng", nor even a 'possible' one (two established families are a
    // conflict); the same person in capitals without ID still is one.
    const commune = { ...DEFAULT_MATCH_CONFIG, priorLog2: -Math.log2(20_000) };
    const same = { birthYear: 1928, gender: 'M' as const, village: 'Ấp Nam' };
    const list = [
      person({ fullName: 'Phan Lê Nhân', ...same }),
      person({ fullName: 'Hoàng Lê Nhân', ...same }),
      person({ fullName: 'Phạm Văn Khuê', birthYear: 1950, gender: 'M', idNumber: '034050001234', idKind: 'CCCD' }),
      person({ fullName: 'PHẠM VĂN KHUÊ', birthYear: 1950, gender: 'M', village: 'Thôn 3' }),
    ];
    const pairs = dedupe(list, commune);
    const decisions = pairs.map((p) => `${list[p.a]?.fullName ?? ''} / ${list[p.b]?.fullName ?? ''}: ${p.decision}`);
    expect(decisions).toEqual(['Phạm Văn Khuê / PHẠM VĂN KHUÊ: match']);
    const scored = dedupe(list, { ...commune, possibleThreshold: -99 }).find((p) => p.a === 0 && p.b === 1);
    expect(field(scored, 'surname')?.level).toBe('conflict');
    expect(field(scored, 'surname')?.weight ?? 0).toBeLessThan(-12);
  });

  it('weighs a shared village by its share of the commune both rows are in, not of the whole list', () => {
    // Four communes of four equal villages each: two people of one commune share a village one time in
    // four, two people of the list one time in sixteen; the commune's agreement is already counted.
    const surnames = ['Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'];
    const middles = ['Văn', 'Minh', 'Đức', 'Quang', 'Hữu', 'Xuân'];
    const givens = ['Sơn', 'Cường', 'Tâm', 'Hải', 'Tuấn', 'Nam', 'Bình', 'Dũng', 'Khoa', 'Lâm', 'Phong', 'Thắng', 'Vinh', 'Toàn', 'Hiếu', 'Trung', 'Kiên', 'Long', 'Quý', 'Đạt', 'Hưng', 'Thành', 'Phúc', 'Lộc', 'Tùng'];
    const list = Array.from({ length: 4_800 }, (_, i) =>
      person({
        fullName: `${surnames[i % 8] ?? ''} ${middles[Math.floor(i / 8) % 6] ?? ''} ${givens[Math.floor(i / 48) % 25] ?? ''}`,
        birthYear: 1930 + (i % 61),
        gender: 'M',
        communeCode: `0913${i % 4}`,
        village: `Thôn ${i % 4}.${Math.floor(i / 4) % 4}`, // each commune's own four villages
      }),
    );
    const same = { birthYear: 1975, gender: 'M' as const, communeCode: '09130', village: 'Thôn 0.2' };
    list.push(person({ fullName: 'Nguyễn Văn Khuê', ...same }), person({ fullName: 'Nguyễn Văn Khuê', ...same }));
    const pair = dedupe(list).find((p) => p.a === 4_800 && p.b === 4_801);
    const village = field(pair, 'village');
    expect(village?.level).toBe('exact');
    // log2(0.85 / (1/4)) = 1.8 bits, shrunk a little towards the village's reference share.
    expect(village?.weight ?? 99).toBeGreaterThan(1.2);
    expect(village?.weight ?? 99).toBeLessThan(2.4);
  });

  it('keeps two established family names apart however close their spelling, but not a typo', () => {
    const same = { birthYear: 1950, gender: 'M' as const, idNumber: null };
    const levelOf = (x: string, y: string) => pairLevel('surname', { fullName: x, ...same }, { fullName: y, ...same });
    expect(levelOf('Phan Văn Thắng', 'Phạm Văn Thắng')).toBe('conflict');
    expect(levelOf('Nguyễn Văn Thắng', 'Trần Văn Thắng')).toBe('conflict');
    expect(levelOf('Nguyễn Văn Thắng', 'Ngyễn Văn Thắng')).toBe('close');
    expect(levelOf('Long Văn Thắng', 'Tống Văn Thắng')).toBe('differ'); // two families, one of them rare, spelt alike
    expect(levelOf('Lưu Văn Thắng', 'Đặng Văn Thắng')).toBe('conflict'); // two families spelt apart
    // One family written the northern or the southern way.
    expect(levelOf('Hoàng Văn Thắng', 'Huỳnh Văn Thắng')).toBe('differ');
    expect(levelOf('Vũ Văn Thắng', 'Võ Văn Thắng')).toBe('differ');
  });

  it('keeps two given names people are called by apart, however close their spelling, but not a typo', () => {
    const same = { birthYear: 1952, gender: 'M' as const, idNumber: null };
    const levelOf = (x: string, y: string) => pairLevel('givenName', { fullName: x, ...same }, { fullName: y, ...same });
    expect(levelOf('Phạm Duy Đương', 'Phạm Duy Cường')).toBe('differ');
    expect(levelOf('Phạm Thị Lan', 'Phạm Thị Lam')).toBe('differ');
    expect(levelOf('Phạm Văn Thắng', 'Phạm Văn Thắg')).toBe('close'); // a typo: no such name
    expect(levelOf('Phạm Văn Thắng', 'Phạm Văn Thẳng')).toBe('close'); // same letters, another tone
  });

  it('takes a middle name of another length for another middle name, not a close spelling', () => {
    const same = { birthYear: 1928, gender: 'M' as const, idNumber: null };
    const levelOf = (x: string, y: string) => pairLevel('middleName', { fullName: x, ...same }, { fullName: y, ...same });
    expect(levelOf('Trần Hoàng Hải', 'Trần Hoàng Đăng Hải')).toBe('differ');
    expect(levelOf('Trần Hoàng Văn Hải', 'Trần Hoàn Văn Hải')).toBe('close'); // a typo, same length
  });

  it('takes a birth date one keying slip away as close, not any other day or month of the year', () => {
    const same = { fullName: 'Võ Thị Nguyên', gender: 'F' as const };
    const levelOf = (x: string, y: string) => pairLevel('birthDate', { birthDate: x, ...same }, { birthDate: y, ...same });
    expect(levelOf('1995-03-17', '1995-03-18')).toBe('close'); // one digit of the day
    expect(levelOf('1995-03-17', '1995-08-17')).toBe('close'); // one digit of the month
    expect(levelOf('1995-03-12', '1995-12-03')).toBe('close'); // day and month swapped
    expect(levelOf('1995-03-17', '1959-03-17')).toBe('close'); // two digits of the year swapped
    expect(levelOf('1995-03-17', '1995-11-17')).toBe('differ');
    expect(levelOf('1995-03-17', '1995-03-29')).toBe('differ');
  });

  it('weighs agreement on a common given name less than on a rare one', () => {
    const weightOf = (name: string): number => {
      const list = [...neighbours(10), person({ fullName: name, birthYear: 1975 }), person({ fullName: name, birthYear: 1975 })];
      const w = field(dedupe(list)[0], 'givenName')?.weight;
      if (w === undefined) throw new Error(`no pair for ${name}`);
      return w;
    };
    const common = weightOf('Nguyễn Văn Hùng');
    const rare = weightOf('Nguyễn Văn Khuê');
    expect(common).toBeGreaterThan(0);
    expect(rare).toBeGreaterThan(common + 2);
  });

  it('treats a CMND and a CCCD of one person as no conflict', () => {
    const list = [
      ...neighbours(10),
      person({ fullName: 'Hoàng Văn Thụ', birthYear: 1958, idNumber: '162345678', idKind: 'CMND' }),
      person({ fullName: 'Hoàng Văn Thụ', birthYear: 1958, idNumber: '036058004321', idKind: 'CCCD' }),
    ];
    const [pair] = dedupe(list);
    expect(pair).toMatchObject({ decision: 'match', byId: false });
    expect(field(pair, 'id')).toMatchObject({ level: 'incomparable', weight: 0 });
  });

  it('does not match two different valid IDs of one kind even with the same name and year', () => {
    const list = [
      ...neighbours(10),
      person({ fullName: 'Hoàng Văn Thụ', birthYear: 1958, idNumber: '036058004321', idKind: 'CCCD' }),
      person({ fullName: 'Hoàng Văn Thụ', birthYear: 1958, idNumber: '036058009876', idKind: 'CCCD' }),
    ];
    const pairs = dedupe(list);
    expect(pairs.filter((p) => p.decision === 'match')).toEqual([]);
    expect(pairs[0]?.comparisons.find((c) => c.field === 'id')).toMatchObject({ level: 'conflict' });
    expect(pairs[0]?.comparisons.find((c) => c.field === 'id')?.weight).toBeLessThan(-10);
    const withoutIds = dedupe(list.map((r) => ({ ...r, idNumber: null, idKind: null })));
    expect(withoutIds[0]?.decision).toBe('match');
  });

  it('finds pairs whose surname or given name has a typo through other blocking keys', () => {
    const list = [
      ...neighbours(40),
      person({ fullName: 'Nguyễn Văn Hùng', birthYear: 1975, village: 'Thôn 3' }),
      person({ fullName: 'Nguyền Văn Hùng', birthYear: 1975, village: 'Thôn 3' }),
      person({ fullName: 'Phan Thị Khánh Linh', birthDate: '1999-04-02', birthYear: 1999, communeCode: null, village: null }),
      person({ fullName: 'Phạn Thị Khánh Lính', birthDate: '1999-04-02', birthYear: 1999, communeCode: '09139', village: null }),
    ];
    const pairs = dedupe(list).map((p) => [p.a, p.b]);
    expect(pairs).toContainEqual([40, 41]);
    expect(pairs).toContainEqual([42, 43]);
  });

  it('still finds a duplicate inside a block larger than the cap (sorted window)', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      person({ fullName: `Lê Văn Hùng`, birthYear: 1930 + i, householdCode: `H${i}` }),
    );
    const list = [...many, person({ fullName: 'Lê Văn Hùng', birthYear: 1931, householdCode: 'H1' })];
    const config = { ...DEFAULT_MATCH_CONFIG, blocking: { maxBlockSize: 10, window: 5 } };
    const pairs = dedupe(list, config).filter((p) => p.decision === 'match');
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[1, 60]]);
  });

  it('finds a valid ID against a copy with one keying slip and counts it as close, not exact', () => {
    const list = [
      ...neighbours(30),
      person({ fullName: 'Mai Văn Tới', birthYear: 1968, idNumber: '038068001234', idKind: 'CCCD' }),
      person({ fullName: 'Mai Văn Tới', birthYear: 1986, idNumber: '0380680012345', idKind: 'INVALID', flags: ['ID_INVALID'], village: 'Thôn 7' }),
    ];
    const [pair] = dedupe(list);
    expect(pair).toMatchObject({ a: 30, b: 31, byId: false });
    expect(field(pair, 'id')?.level).toBe('close');
  });

  it("uses the parents' names where present", () => {
    const base = { fullName: 'Lý Thị Sen', birthYear: 1950, gender: 'F' as const };
    const weight = (mother: string): number =>
      dedupe([...neighbours(10), person({ ...base, motherName: 'Trần Thị Bưởi' }), person({ ...base, motherName: mother })])[0]?.weight ?? -99;
    expect(weight('Trần Thị Bưởi')).toBeGreaterThan(weight('Đỗ Thị Mận') + 5);
  });

  it('leaves out, unscored, only the pairs of two different valid IDs of one kind when asked (dropIdConflicts)', () => {
    const list = [
      ...neighbours(10),
      // One ID mistyped by a digit: a conflict the matcher still scores as 'possible' among a few rows.
      person({ fullName: 'Lưu Thị Ngọc Nhi', birthDate: '1990-04-12', birthYear: 1990, gender: 'F', idNumber: '036190001234', idKind: 'CCCD' }),
      person({ fullName: 'Lưu Thị Ngọc Nhi', birthDate: '1990-04-12', birthYear: 1990, gender: 'F', idNumber: '036190001235', idKind: 'CCCD' }),
      // A CMND and a CCCD: not comparable, so no conflict.
      person({ fullName: 'Lưu Thị Ngọc Nhi', birthDate: '1990-04-12', birthYear: 1990, gender: 'F', idNumber: '172345678', idKind: 'CMND' }),
      // No ID: compared on the rest.
      person({ fullName: 'Lưu Thị Ngọc Nhi', birthDate: '1990-04-12', birthYear: 1990, gender: 'F' }),
    ];
    const summary = (pairs: readonly MatchPair[]) => pairs.map((p) => `${p.a}-${p.b} ${p.decision} ${p.weight.toFixed(6)}`);
    const all = dedupe(list);
    const dropped = dedupe(list, DEFAULT_MATCH_CONFIG, undefined, { dropIdConflicts: true });
    const conflict = all.find((p) => p.a === 10 && p.b === 11);
    expect(conflict?.decision).toBe('possible');
    expect(field(conflict, 'id')?.level).toBe('conflict');
    expect(summary(dropped)).toEqual(summary(all.filter((p) => p !== conflict)));
    expect(dropped.length).toBeGreaterThanOrEqual(5);
  });
});
