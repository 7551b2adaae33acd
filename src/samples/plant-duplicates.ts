import type { Gender } from '../domain/index.js';
import { BORN } from './baseline.js';
import type { Entry, GroupCode, Ymd } from './model.js';
import { hasTonePlacementVariant, oldTonePlacement } from './name-variants.js';
import { type PlantHelpers, ymd } from './plant-helpers.js';
import type { World } from './world.js';

/**
 * Plants duplicate payments (same person, same group, paid twice, in every variant) and duplicate
 * approvals (same person approved twice, paid once).
 */
export function plantDuplicates(world: World, h: PlantHelpers): void {
  const r = world.random;
  const payAgain = (first: Entry, extra: { commune?: number; village?: number; paidDate?: Ymd }): Entry =>
    world.addEntry('pay', first.person, first.group, {
      months: first.months,
      amount: first.amount,
      ...(first.members !== null ? { members: first.members } : {}),
      commune: extra.commune ?? first.communeIndex,
      village: extra.village ?? first.villageIndex,
      ...(extra.paidDate ? { paidDate: extra.paidDate } : {}),
    });

  // Within one sheet, ID on both rows.
  {
    const p = h.fresh(h.any(h.xlsx), 'BTXH');
    const a = world.addPayee(p, 'BTXH');
    const b = payAgain(a.pay, {});
    world.anomaly('DUPLICATE_PAYMENT', [a.pay.key, b.key], `${p.fullName} được chi hai lần trên cùng một trang, cùng số CCCD.`);
  }
  // Across village sheets of one commune, ID on both.
  {
    const c = h.any(h.xlsx);
    const p = h.fresh(c, 'TUDO');
    const a = world.addPayee(p, 'TUDO');
    const b = payAgain(a.pay, { village: h.otherVillage(c, p.villageIndex), paidDate: ymd(2020, 7, r.int(1, 28)) });
    world.anomaly('DUPLICATE_PAYMENT', [a.pay.key, b.key], `${p.fullName} được chi hai lần ở hai thôn của cùng xã, cùng số CCCD.`);
  }
  // Across communes, ID on both; approved in both communes too (documented co-occurrence).
  {
    const c1 = h.any(h.xlsx);
    const c2 = (c1 + 1) % world.communes.length;
    const p = h.fresh(c1, 'NCC');
    const a = world.addPayee(p, 'NCC');
    const benB = world.addEntry('ben', p, 'NCC', { commune: c2 });
    const payB = payAgain(a.pay, { commune: c2, village: benB.villageIndex });
    world.anomaly('DUPLICATE_PAYMENT', [a.pay.key, payB.key], `${p.fullName} được chi ở cả ${world.commune(c1).name} và ${world.commune(c2).name}, cùng số CCCD.`);
    world.anomaly('DUPLICATE_BENEFICIARY', [a.ben.key, benB.key], `${p.fullName} có tên trong danh sách được duyệt của hai xã (đi kèm trùng chi trả).`);
  }
  // ID on one row only; the other shows the name in NFD, in capitals, or with the old tone placement.
  const variants: { label: string; apply: (name: string) => string; gender?: Gender; given?: string }[] = [
    { label: 'tên ở dạng Unicode tổ hợp (NFD)', apply: (n) => n.normalize('NFD') },
    { label: 'tên viết hoa toàn bộ', apply: (n) => n.toUpperCase() },
    { label: 'tên bỏ dấu kiểu cũ', apply: oldTonePlacement, gender: 'F', given: 'Thúy' },
    { label: 'tên bỏ dấu kiểu cũ', apply: oldTonePlacement, gender: 'M', given: 'Hòa' },
  ];
  for (const v of variants) {
    const c = h.any(h.xlsx);
    const group: GroupCode = v.gender === 'M' ? 'TUDO' : 'NCC';
    let fullName: string | undefined;
    if (v.given !== undefined && v.gender !== undefined) {
      for (;;) {
        const parts = world.factory.drawName(v.gender).split(' ');
        parts[parts.length - 1] = v.given;
        const candidate = parts.join(' ');
        if (hasTonePlacementVariant(candidate) && !world.factory.nameTakenIn(candidate, c)) {
          fullName = candidate;
          break;
        }
      }
    }
    const p = world.person(c, BORN[group], { id: 'CCCD', ...(v.gender ? { gender: v.gender } : {}), ...(fullName ? { fullName } : {}) });
    const a = world.addPayee(p, group);
    const b = payAgain(a.pay, { village: h.otherVillage(c, p.villageIndex) });
    b.shown.name = v.apply(p.fullName);
    b.shown.id = null;
    world.anomaly('DUPLICATE_PAYMENT', [a.pay.key, b.key], `${p.fullName} được chi hai lần; dòng thứ hai không ghi số định danh và ${v.label}.`);
  }
  // Within the CSV payout file.
  {
    const c = world.csvCommune;
    const p = h.fresh(c, 'TUDO');
    const a = world.addPayee(p, 'TUDO');
    const b = payAgain(a.pay, { village: h.otherVillage(c, p.villageIndex) });
    world.anomaly('DUPLICATE_PAYMENT', [a.pay.key, b.key], `${p.fullName} được chi hai lần trong tệp CSV, cùng số CCCD.`);
  }
  // A poor-household member paid twice.
  {
    const c = h.any(h.xlsx.filter((i) => i !== world.householdRowsCommune));
    const members = world.household(c, 'HCN', 3);
    const rows = world.payHousehold(members, 'HCN');
    const first = rows[0];
    if (first === undefined) throw new Error('household');
    const b = payAgain(first.pay, { village: h.otherVillage(c, first.pay.villageIndex) });
    world.anomaly('DUPLICATE_PAYMENT', [first.pay.key, b.key], `Chủ hộ cận nghèo ${first.pay.person.fullName} được chi hai lần (hai thôn).`);
  }

  // DUPLICATE_BENEFICIARY: approved twice, paid once.
  {
    const c = h.any(h.xlsx);
    const p = h.fresh(c, 'BTXH');
    const a = world.addPayee(p, 'BTXH');
    const b = world.addEntry('ben', p, 'BTXH', { village: h.otherVillage(c, p.villageIndex) });
    world.anomaly('DUPLICATE_BENEFICIARY', [a.ben.key, b.key], `${p.fullName} có tên hai lần trong danh sách được duyệt (hai thôn), cùng số CCCD.`);
  }
  {
    const c = h.any(h.xlsx);
    const p = h.fresh(c, 'NCC');
    const a = world.addPayee(p, 'NCC');
    const b = world.addEntry('ben', p, 'NCC', { village: p.villageIndex });
    b.shown.id = null;
    world.anomaly('DUPLICATE_BENEFICIARY', [a.ben.key, b.key], `${p.fullName} có tên hai lần trong cùng danh sách được duyệt; dòng thứ hai không ghi số định danh.`);
  }
  {
    const c1 = h.any(h.xlsx);
    const c2 = (c1 + 2) % world.communes.length;
    const p = h.fresh(c1, 'BTXH');
    const a = world.addPayee(p, 'BTXH');
    const b = world.addEntry('ben', p, 'BTXH', { commune: c2 });
    world.anomaly('DUPLICATE_BENEFICIARY', [a.ben.key, b.key], `${p.fullName} có tên trong danh sách được duyệt của ${world.commune(c1).name} và ${world.commune(c2).name}; chỉ được chi một lần.`);
  }
}
