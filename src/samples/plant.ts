import { formatDotted } from './amount-in-words.js';
import { BORN } from './baseline.js';
import type { GroupCode, Person } from './model.js';
import { plantAmounts } from './plant-amounts.js';
import { plantDuplicates } from './plant-duplicates.js';
import { ymd } from './plant-helpers.js';
import { plantTraps } from './plant-traps.js';
import type { World } from './world.js';


/**
 * Plants the anomalies of every check id and the traps (rows that look suspicious but are
 * legitimate) into the world, recording which rows each one consists of.
 */
export function plantCases(world: World): void {
  const r = world.random;
  const all = world.communes.map((c) => c.index);
  const xlsx = all.filter((i) => i !== world.csvCommune);
  const withBank = xlsx.filter((i) => world.commune(i).style !== 2);
  const withCommuneColumn = xlsx.filter((i) => world.commune(i).style === 1);
  const noSections = xlsx.filter((i) => world.commune(i).style === 2);
  const any = (list: readonly number[] = all): number => r.pick(list);
  const otherVillage = (c: number, v: number): number => (v + 1) % world.commune(c).villages.length;
  const fresh = (c: number, group: GroupCode, extra: Parameters<World['person']>[2] = {}): Person =>
    world.person(c, BORN[group], { id: 'CCCD', ...extra });

  // NOT_IN_APPROVED_LIST: paid, never approved.
  for (const group of ['NCC', 'TUDO', 'BTXH'] as const) {
    const c = any();
    const p = fresh(c, group);
    const pay = world.addEntry('pay', p, group);
    world.anomaly('NOT_IN_APPROVED_LIST', [pay.key], `${p.fullName} (${group}) được chi trả nhưng không có trong danh sách được duyệt của ${world.commune(c).name}.`);
  }

  // DECEASED: died before the support months, or paid after death.
  {
    const c1 = any();
    const p1 = fresh(c1, 'NCC');
    const a = world.addPayee(p1, 'NCC');
    const d1 = world.addRegister('deceased', p1, { from: ymd(2019, 11, r.int(1, 28)) });
    world.anomaly('DECEASED', [a.pay.key, d1.key], `${p1.fullName} chết tháng 11/2019 nhưng vẫn được chi trả (cùng số CCCD).`);

    const c2 = any();
    const p2 = fresh(c2, 'BTXH');
    const b = world.addPayee(p2, 'BTXH');
    b.pay.shown.id = null;
    const d2 = world.addRegister('deceased', p2, { from: ymd(2020, 2, r.int(1, 28)) });
    world.anomaly('DECEASED', [b.pay.key, d2.key], `${p2.fullName} chết tháng 2/2020; dòng chi trả không ghi số định danh, khớp theo họ tên và năm sinh.`);

    const c3 = any();
    const [p3] = world.household(c3, 'HN', 1);
    if (p3 === undefined) throw new Error('household');
    const [h] = world.payHousehold([p3], 'HN');
    if (h === undefined) throw new Error('household');
    const d3 = world.addRegister('deceased', p3, { from: ymd(2020, 3, r.int(1, 28)) });
    world.anomaly('DECEASED', [h.pay.key, d3.key], `${p3.fullName} (hộ nghèo một khẩu) chết tháng 3/2020, vẫn được chi 750.000 đ.`);

    const c4 = any();
    const p4 = fresh(c4, 'NCC');
    const e = world.addPayee(p4, 'NCC', { paidDate: ymd(2020, 6, 10) });
    const d4 = world.addRegister('deceased', p4, { from: ymd(2020, 5, 20) });
    world.anomaly('DECEASED', [e.pay.key, d4.key], `${p4.fullName} chết ngày 20/05/2020, khoản chi ghi ngày 10/06/2020 (sau khi chết).`);

    const c5 = any();
    const p5 = fresh(c5, 'NCC');
    const t = world.addPayee(p5, 'NCC', { paidDate: ymd(2020, 5, 15) });
    const d5 = world.addRegister('deceased', p5, { from: ymd(2020, 9, 12) });
    world.trap('died_after_payment', [t.pay.key, d5.key], `${p5.fullName} nhận tiền ngày 15/05/2020 và chết ngày 12/09/2020: không sai.`);
  }

  // EXCLUDED_BY_REGISTER: pension, unemployment benefit, civil-servant payroll.
  {
    const cases: { group: GroupCode; kind: 'pension' | 'unemployment' | 'payroll'; note: string }[] = [
      { group: 'TUDO', kind: 'pension', note: 'hưởng trợ cấp BHXH hằng tháng' },
      { group: 'CHAMDUT', kind: 'pension', note: 'hưởng lương hưu' },
      { group: 'TUDO', kind: 'unemployment', note: 'đang hưởng trợ cấp thất nghiệp 04–06/2020' },
      { group: 'CHAMDUT', kind: 'unemployment', note: 'đang hưởng trợ cấp thất nghiệp 03–08/2020' },
      { group: 'TUDO', kind: 'payroll', note: 'là giáo viên hưởng lương ngân sách' },
    ];
    for (const [i, cs] of cases.entries()) {
      const c = any();
      const p = world.person(c, cs.kind === 'pension' ? [1966, 1970] : [1975, 1995], { id: 'CCCD', gender: 'M' });
      const a = world.addPayee(p, cs.group);
      const reg =
        cs.kind === 'pension'
          ? world.addRegister('pension', p, { from: ymd(2019, r.int(1, 12), 1), detail: i === 0 ? 'Trợ cấp BHXH hằng tháng' : 'Lương hưu', amount: r.int(30, 55) * 100_000 })
          : cs.kind === 'unemployment'
            ? world.addRegister('unemployment', p, { from: i === 2 ? ymd(2020, 4, 1) : ymd(2020, 3, 1), to: i === 2 ? ymd(2020, 6, 30) : ymd(2020, 8, 31), amount: i === 2 ? 3 : 6 })
            : world.addRegister('payroll', p, { detail: 'Trường THCS|Giáo viên' });
      world.anomaly('EXCLUDED_BY_REGISTER', [a.pay.key, reg.key], `${p.fullName} nhận hỗ trợ nhóm ${cs.group} nhưng ${cs.note}.`);
    }
    for (let i = 0; i < 2; i++) {
      const p = world.person(any(), [1945, 1956], { id: 'CCCD', gender: 'M' });
      const a = world.addPayee(p, 'NCC');
      const reg = world.addRegister('pension', p, { from: ymd(2008, r.int(1, 12), 1), detail: 'Lương hưu', amount: r.int(40, 70) * 100_000 });
      world.trap('register_not_excluding', [a.pay.key, reg.key], `${p.fullName} hưởng lương hưu và là người có công: sổ hưu không loại trừ nhóm NCC.`);
    }
  }

  // NOT_ON_POOR_LIST: a household paid as poor/near-poor that is not on the 31/12/2019 list.
  for (const kind of ['HN', 'HCN', 'HN'] as const) {
    const members = world.household(any(), kind, 1, false);
    const [row] = world.payHousehold(members, kind);
    if (row === undefined) throw new Error('household');
    world.anomaly('NOT_ON_POOR_LIST', [row.ben.key, row.pay.key], `${row.pay.person.fullName}: mã hộ ${row.pay.person.householdCode ?? ''} không có trong danh sách hộ nghèo, cận nghèo đến 31/12/2019.`);
  }

  // MULTIPLE_POLICIES: one person paid under two exclusive groups, or NCC and BTXH.
  for (const [g1, g2] of [
    ['TUDO', 'HKD'],
    ['CHAMDUT', 'TUDO'],
    ['NCC', 'BTXH'],
    ['TAMHOAN', 'TUDO'],
  ] as const) {
    const c = any();
    const p = world.person(c, g1 === 'NCC' ? [1932, 1945] : [1972, 1990], { id: 'CCCD' });
    const a = world.addPayee(p, g1);
    const b = world.addPayee(p, g2, { village: p.villageIndex });
    world.anomaly('MULTIPLE_POLICIES', [a.ben.key, a.pay.key, b.ben.key, b.pay.key], `${p.fullName} được duyệt và chi trả cả nhóm ${g1} và nhóm ${g2}.`);
  }

  // AGE_INELIGIBLE: labour-market groups outside working age.
  for (const [group, born, gender, id] of [
    ['TUDO', 2007, 'M', 'NONE'],
    ['TUDO', 1936, 'F', 'CMND'],
    ['CHAMDUT', 1941, 'M', 'CCCD'],
  ] as const) {
    const p = world.person(any(), [born, born], { gender, id });
    const a = world.addPayee(p, group);
    world.anomaly('AGE_INELIGIBLE', [a.ben.key, a.pay.key], `${p.fullName} sinh năm ${born} (${2020 - born} tuổi) nhận hỗ trợ nhóm ${group}.`);
  }

  // HOUSEHOLD_BUSINESS_REVENUE: tax-declared revenue of 100 million đ or more.
  for (const revenue of [150_000_000, 240_500_000, 118_000_000]) {
    const p = fresh(any(xlsx), 'HKD');
    const a = world.addPayee(p, 'HKD');
    a.ben.revenue = revenue;
    world.anomaly('HOUSEHOLD_BUSINESS_REVENUE', [a.ben.key, a.pay.key], `Hộ kinh doanh ${p.fullName} có doanh thu ${formatDotted(revenue)} đ (từ 100 triệu đồng trở lên).`);
  }

  plantDuplicates(world, { xlsx, any, otherVillage, fresh });
  plantAmounts(world, { xlsx, any, withBank, withCommuneColumn, noSections, fresh });
  plantTraps(world, { xlsx, any, fresh });
}

