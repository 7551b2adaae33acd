import { formatDotted } from './amount-in-words.js';
import type { GroupCode } from './model.js';
import { expectedAmount } from './rates.js';
import { type PlantHelpers, ymd } from './plant-helpers.js';
import type { World } from './world.js';

/** Plants the traps: rows that look suspicious but are legitimate and must not be flagged. */
export function plantTraps(world: World, h: Pick<PlantHelpers, 'xlsx' | 'any' | 'fresh'>): void {
  const r = world.random;
  // True namesakes: same name, same commune, different birth year and ID.
  const groupForYear = (y: number): GroupCode => (y <= 1942 ? 'BTXH' : y <= 1965 ? 'NCC' : 'TUDO');
  for (let i = 0; i < 3; i++) {
    const c = h.any();
    const group = r.pick(['NCC', 'TUDO', 'BTXH'] as const);
    const p1 = h.fresh(c, group);
    const born: readonly [number, number] = p1.birth.y + 9 <= 2000 ? [p1.birth.y + 9, p1.birth.y + 15] : [p1.birth.y - 15, p1.birth.y - 9];
    const p2 = world.person(c, born, { id: 'CCCD', gender: p1.gender, fullName: p1.fullName });
    const a = world.addPayee(p1, group);
    const b = world.addPayee(p2, groupForYear(p2.birth.y));
    world.trap('namesake', [a.ben.key, a.pay.key, b.ben.key, b.pay.key], `Hai người cùng tên ${p1.fullName} ở ${world.commune(c).name}, sinh ${p1.birth.y} và ${p2.birth.y}, khác số CCCD.`);
  }
  // Poor households: every member paid 750.000 đ.
  for (let i = 0; i < 3; i++) {
    const kind = i === 1 ? 'HCN' : 'HN';
    const members = world.household(h.any(h.xlsx.filter((x) => x !== world.householdRowsCommune)), kind, 3 + i);
    const rows = world.payHousehold(members, kind);
    world.trap('household_members', rows.map((x) => x.pay.key), `Hộ ${members[0]?.householdCode ?? ''}: ${members.length} khẩu, mỗi khẩu 750.000 đ.`);
  }
  // Household rows: one row for the whole household, 750.000 đ × members.
  const householdRows = world.payouts.filter((e) => e.communeIndex === world.householdRowsCommune && (e.members ?? 0) >= 2).slice(0, 2);
  while (world.householdRowsCommune >= 0 && householdRows.length < 2) {
    // Small sample sets may have no such household yet: add one.
    const kind = householdRows.length === 0 ? 'HN' : 'HCN';
    const [row] = world.payHousehold(world.household(world.householdRowsCommune, kind, 3), kind);
    if (row === undefined) break;
    householdRows.push(row.pay);
  }
  for (const e of householdRows) {
    world.trap('household_row', [e.key], `Hộ ${e.person.householdCode ?? ''} ghi một dòng cho chủ hộ ${e.person.fullName}: ${e.members ?? 0} khẩu × 750.000 đ = ${formatDotted(e.amount)} đ.`);
  }
  // Proxies: a relative collected the money.
  for (let i = 0; i < 4; i++) {
    const c = h.any();
    const group = i % 2 === 0 ? 'BTXH' : 'NCC';
    const p = h.fresh(c, group);
    const proxy = world.person(c, [1965, 1990], { id: 'NONE' });
    const a = world.addPayee(p, group);
    const relation = proxy.gender === 'M' ? 'con trai' : 'con gái';
    a.pay.shown.receiver = `${proxy.fullName} (${relation})`;
    a.pay.shown.note = `Nhận thay: ${proxy.fullName} (${relation})`;
    world.trap('proxy', [a.pay.key], `${proxy.fullName} nhận thay cho ${p.fullName}.`);
  }
  // NCC or BTXH who is also a member of a poor household: both payments are allowed.
  for (let i = 0; i < 3; i++) {
    const kind = i === 2 ? 'HCN' : 'HN';
    const [m] = world.household(h.any(), kind, 1);
    if (m === undefined) throw new Error('household');
    const [row] = world.payHousehold([m], kind);
    if (row === undefined) throw new Error('household');
    const group = i === 1 ? 'BTXH' : 'NCC';
    const extra = world.addPayee(m, group);
    world.trap('ncc_btxh_in_poor_household', [extra.ben.key, extra.pay.key, row.ben.key, row.pay.key], `${m.fullName} nhận nhóm ${group} và là thành viên hộ ${kind === 'HN' ? 'nghèo' : 'cận nghèo'}: được hưởng cả hai.`);
  }
  // The same name in different communes: different people.
  for (let made = 0; made < 3; ) {
    const c1 = h.any();
    const c2 = (c1 + 1 + r.int(0, world.communes.length - 2)) % world.communes.length;
    const p1 = h.fresh(c1, 'TUDO');
    if (world.factory.nameTakenIn(p1.fullName, c2)) continue;
    const p2 = world.person(c2, p1.birth.y > 1985 ? [p1.birth.y - 14, p1.birth.y - 6] : [p1.birth.y + 6, p1.birth.y + 14], { id: 'CCCD', gender: p1.gender, fullName: p1.fullName });
    const a = world.addPayee(p1, 'TUDO');
    const b = world.addPayee(p2, 'TUDO');
    world.trap('same_name_other_commune', [a.pay.key, b.pay.key], `${p1.fullName} ở ${world.commune(c1).name} (sinh ${p1.birth.y}) và ở ${world.commune(c2).name} (sinh ${p2.birth.y}) là hai người khác nhau.`);
    made += 1;
  }
  // Amounts exactly at the maximum rate.
  for (const group of ['TAMHOAN', 'TUDO', 'HKD'] as const) {
    const p = h.fresh(h.any(), group);
    const a = world.addPayee(p, group, { months: 3 });
    world.trap('amount_at_rate', [a.pay.key], `${p.fullName}: ${formatDotted(expectedAmount(group, 3))} đ = đúng mức tối đa 3 tháng nhóm ${group}.`);
  }
  // Payments on the first and the last day of the window.
  {
    const p = h.fresh(h.any(), 'TUDO');
    const a = world.addPayee(p, 'TUDO', { paidDate: ymd(2020, 12, 31) });
    world.trap('last_day_of_window', [a.pay.key], `${p.fullName} được chi ngày 31/12/2020, ngày cuối của thời hạn.`);
    const q = h.fresh(h.any(), 'NCC');
    const b = world.addPayee(q, 'NCC', { paidDate: ymd(2020, 4, 9) });
    world.trap('first_day_of_window', [b.pay.key], `${q.fullName} được chi ngày 09/04/2020, ngày đầu của thời hạn.`);
  }
}
