import type { GroupCode } from './model.js';
import { WeightedList } from './random.js';
import type { World } from './world.js';

export const BORN: Readonly<Record<GroupCode, readonly [number, number]>> = {
  NCC: [1930, 1962],
  BTXH: [1926, 1942],
  HN: [1960, 1988],
  HCN: [1960, 1988],
  TAMHOAN: [1968, 2000],
  HKD: [1966, 1995],
  CHAMDUT: [1968, 2000],
  TUDO: [1967, 2000],
};

const GROUP_MIX = new WeightedList<GroupCode | 'HOUSEHOLD'>([
  { item: 'HOUSEHOLD', weight: 12 },
  { item: 'NCC', weight: 14 },
  { item: 'BTXH', weight: 20 },
  { item: 'TUDO', weight: 16 },
  { item: 'HKD', weight: 6 },
  { item: 'CHAMDUT', weight: 4 },
  { item: 'TAMHOAN', weight: 5 },
]);

const HOUSEHOLD_SIZE = new WeightedList<number>([
  { item: 1, weight: 3 },
  { item: 2, weight: 3 },
  { item: 3, weight: 4 },
  { item: 4, weight: 4 },
  { item: 5, weight: 2 },
  { item: 6, weight: 1 },
]);

/**
 * Fills every commune with ordinary, correct payees (about `rows` payout rows in all), the
 * register rows of people who are not paid, and the population register.
 */
export function buildBaseline(world: World, rows: number): void {
  const r = world.random;
  const perCommune = Math.max(8, Math.round(rows / world.communes.length));
  for (const commune of world.communes) {
    const start = world.payouts.length;
    while (world.payouts.length - start < perCommune) {
      const choice = GROUP_MIX.draw(r);
      if (choice === 'HOUSEHOLD') {
        const kind = r.chance(0.55) ? 'HN' : 'HCN';
        const members = world.household(commune.index, kind, HOUSEHOLD_SIZE.draw(r));
        const head = members[0];
        if (head && r.chance(0.4)) head.phone = world.factory.phone();
        world.payHousehold(members, kind);
        continue;
      }
      const person = world.person(commune.index, BORN[choice]);
      if (r.chance(0.3)) person.phone = world.factory.phone();
      const labour = choice === 'TUDO' || choice === 'CHAMDUT' || choice === 'TAMHOAN' || choice === 'HKD';
      if (r.chance(labour ? 0.25 : 0.06)) person.bankAccount = world.factory.bankAccount();
      world.addPayee(person, choice);
    }
    // Approved but not (yet) paid: normal, nothing to flag.
    for (let i = 0; i < 2; i++) world.addEntry('ben', world.person(commune.index, BORN.BTXH), 'BTXH');
    // Listed poor households that were not paid (moved away, refused): normal.
    world.household(commune.index, r.chance(0.5) ? 'HN' : 'HCN', r.int(2, 4));
  }

  const anyCommune = (): number => r.int(0, world.communes.length - 1);
  for (let i = 0; i < 14; i++) {
    const c = anyCommune();
    const p = world.person(c, [1925, 1975]);
    world.addRegister('deceased', p, { from: { y: r.pick([2018, 2019, 2019, 2020]), m: r.int(1, 12), d: r.int(1, 28) } });
  }
  for (let i = 0; i < 16; i++) {
    const p = world.person(anyCommune(), [1940, 1962], { id: 'CCCD' });
    world.addRegister('pension', p, { from: { y: r.int(2000, 2019), m: r.int(1, 12), d: 1 }, detail: 'Lương hưu', amount: r.int(25, 80) * 100_000 });
  }
  for (let i = 0; i < 10; i++) {
    const p = world.person(anyCommune(), [1975, 1999], { id: 'CCCD' });
    const m = r.int(1, 9);
    world.addRegister('unemployment', p, { from: { y: 2020, m, d: 1 }, to: { y: 2020, m: Math.min(12, m + 2), d: 28 }, amount: r.int(3, 6) });
  }
  for (let i = 0; i < 14; i++) {
    const p = world.person(anyCommune(), [1965, 1995], { id: 'CCCD' });
    world.addRegister('payroll', p, { detail: payrollPost(r.int(0, 5)) });
  }
  for (const unit of world.area.allCommunes) {
    const population = r.int(4_000, 16_000);
    world.population.push({ key: world.nextKey('n'), code: unit.communeCode, name: unit.communeName, households: Math.round(population / r.int(34, 42) * 10), population });
  }
}

/** Employer and position of a civil servant on the payroll register. */
export function payrollPost(i: number): string {
  const posts = [
    'Trường Tiểu học|Giáo viên',
    'Trường THCS|Giáo viên',
    'Trạm Y tế xã|Y sĩ',
    'UBND xã|Công chức Văn phòng - Thống kê',
    'UBND xã|Công chức Địa chính - Xây dựng',
    'UBND huyện|Chuyên viên',
  ];
  return posts[i % posts.length] ?? 'UBND xã|Công chức';
}
