/** A match input with everything empty except what the test sets. */
import type { MatchInput } from '../../src/match/index.js';
import { asciiKey } from '../../src/match/index.js';

export function person(fields: Partial<MatchInput>): MatchInput {
  const fullName = fields.fullName ?? null;
  return {
    fullName,
    nameKey: fullName === null ? null : asciiKey(fullName),
    birthDate: null,
    birthYear: null,
    gender: null,
    idNumber: null,
    idKind: null,
    flags: [],
    householdCode: null,
    householdHead: null,
    communeCode: '09136',
    village: 'Thôn Đông',
    address: null,
    ...fields,
  };
}

/** Other people of the commune, so that pairs are judged inside a list and not alone. */
export function neighbours(count: number): MatchInput[] {
  const surnames = ['Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'];
  const given = ['Sơn', 'Lan', 'Cường', 'Mai', 'Tâm', 'Hải', 'Yến', 'Tuấn', 'Hoa', 'Nam', 'Dung'];
  return Array.from({ length: count }, (_, i) =>
    person({
      fullName: `${surnames[i % surnames.length] ?? 'Lý'} Minh ${given[i % given.length] ?? 'An'}`,
      birthYear: 1940 + ((i * 7) % 60),
      village: `Thôn ${(i % 5) + 1}`,
    }),
  );
}
