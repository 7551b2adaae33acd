import { formatDotted } from './amount-in-words.js';
import type { Entry, GroupCode, Person, Ymd } from './model.js';
import { type AmountHelpers, ymd } from './plant-helpers.js';
import { expectedAmount } from './rates.js';
import type { World } from './world.js';

/**
 * Plants shared accounts, wrong amounts, over-cap months, out-of-period dates and the data-quality
 * anomalies (invalid IDs, IDs contradicting the birth year or sex, unknown units, missing fields).
 */
export function plantAmounts(world: World, h: AmountHelpers): void {
  const r = world.random;
  const approveThenPay = (p: Person, group: GroupCode, months: number, pay: { months?: number; amount?: number; paidDate?: Ymd }): { ben: Entry; pay: Entry } => {
    const ben = world.addEntry('ben', p, group, { months });
    const payRow = world.addEntry('pay', p, group, {
      months: pay.months ?? months,
      ...(pay.amount !== undefined ? { amount: pay.amount } : {}),
      ...(pay.paidDate ? { paidDate: pay.paidDate } : {}),
    });
    return { ben, pay: payRow };
  };

  // SHARED_ACCOUNT: unrelated people paid to one bank account.
  for (const groups of [
    ['TUDO', 'HKD'],
    ['TUDO', 'TUDO', 'TUDO'],
    ['NCC', 'BTXH'],
  ] as const) {
    const account = world.factory.bankAccount();
    const first = h.any(h.withBank);
    const second = h.withBank.find((c) => c !== first) ?? first;
    const communes = groups[0] === 'NCC' ? [first, second] : [first];
    const keys: string[] = [];
    groups.forEach((group, i) => {
      const c = communes[i % communes.length] ?? 0;
      const p = h.fresh(c, group);
      p.bankAccount = account;
      keys.push(world.addPayee(p, group).pay.key);
    });
    world.anomaly('SHARED_ACCOUNT', keys, `${keys.length} người không cùng hộ nhận tiền vào cùng tài khoản ${account}.`);
  }

  // AMOUNT_MISMATCH: not rate × months, and not above the cap.
  for (const [group, months, amount] of [
    ['NCC', 3, 1_000_000],
    ['HN', 3, 500_000],
    ['TUDO', 2, 2_500_000],
    ['TAMHOAN', 2, 3_000_000],
  ] as const) {
    const c = h.any();
    let p: Person;
    if (group === 'HN') {
      const [m] = world.household(c, 'HN', 1);
      if (m === undefined) throw new Error('household');
      p = m;
    } else p = h.fresh(c, group);
    const a = approveThenPay(p, group, months, { amount });
    world.anomaly('AMOUNT_MISMATCH', [a.pay.key], `${p.fullName} (${group}, ${months} tháng) được chi ${formatDotted(amount)} đ, đúng ra ${formatDotted(expectedAmount(group, months))} đ.`);
  }

  // OVER_CAP: more than three months.
  for (const [group, months] of [
    ['TUDO', 4],
    ['TAMHOAN', 4],
    ['HKD', 5],
  ] as const) {
    const p = h.fresh(h.any(), group);
    const a = approveThenPay(p, group, 3, { months });
    world.anomaly('OVER_CAP', [a.pay.key], `${p.fullName} (${group}) được chi ${months} tháng = ${formatDotted(expectedAmount(group, months))} đ, vượt mức tối đa 3 tháng.`);
  }

  // OUT_OF_PERIOD: paid before 09/04/2020 or after 31/12/2020.
  for (const [group, date] of [
    ['NCC', ymd(2020, 3, 27)],
    ['TUDO', ymd(2021, 1, 8)],
    ['BTXH', ymd(2020, 4, 6)],
  ] as const) {
    const p = h.fresh(h.any(), group);
    const a = world.addPayee(p, group, { paidDate: date });
    world.anomaly('OUT_OF_PERIOD', [a.pay.key], `${p.fullName} được chi ngày ${String(date.d).padStart(2, '0')}/${String(date.m).padStart(2, '0')}/${date.y}, ngoài thời gian chi trả 09/04/2020–31/12/2020.`);
  }

  // INVALID_ID: the payout row's number is malformed (the approved list leaves it blank).
  const invalid: { id: (p: Person) => string; label: string }[] = [
    { id: () => `0${world.random.pick(['9', '8', '3'])}${world.random.digits(8)}`, label: '10 chữ số (giống số điện thoại)' },
    { id: (p) => `003${p.gender === 'F' ? 1 : 0}${String(p.birth.y % 100).padStart(2, '0')}${world.random.digits(6)}`, label: 'mã tỉnh 003 không tồn tại' },
    { id: () => `${world.random.int(10, 38)}${world.random.digits(6)}X`, label: 'có chữ cái' },
    { id: (p) => world.factory.cccdFor(p.birth.y, p.gender).slice(0, 11), label: 'CCCD dạng văn bản thiếu một chữ số (11 chữ số)' },
  ];
  for (const v of invalid) {
    const p = h.fresh(h.any(h.xlsx), r.pick(['NCC', 'BTXH', 'TUDO'] as const));
    const group = p.birth.y < 1963 ? 'NCC' : 'TUDO';
    const a = world.addPayee(p, group);
    a.ben.shown.id = null;
    const shownId = v.id(p);
    a.pay.shown.id = shownId;
    world.anomaly('INVALID_ID', [a.pay.key], `Số định danh "${shownId}" của ${p.fullName} không hợp lệ: ${v.label}.`);
  }

  // ID_DOB_MISMATCH: a well-formed CCCD that contradicts the birth year or sex shown.
  for (const kind of ['year', 'sex', 'swap'] as const) {
    const p = world.person(h.any(), [1970, 1989], { id: 'NONE' });
    const a = world.addPayee(p, 'TUDO');
    const y = p.birth.y;
    const swapped = 1900 + (y % 10) * 10 + Math.floor((y % 100) / 10);
    const id =
      kind === 'year'
        ? world.factory.cccdFor(y + 7, p.gender)
        : kind === 'sex'
          ? world.factory.cccdFor(y, p.gender === 'M' ? 'F' : 'M')
          : world.factory.cccdFor(Math.abs(swapped - y) >= 2 ? swapped : y + 11, p.gender);
    a.pay.shown.id = id;
    world.anomaly('ID_DOB_MISMATCH', [a.pay.key], `CCCD ${id} của ${p.fullName} (sinh ${y}, ${p.gender === 'M' ? 'nam' : 'nữ'}) mã hóa ${kind === 'sex' ? 'giới tính khác' : 'năm sinh khác'}.`);
  }

  // UNKNOWN_ADMIN_UNIT: a commune name that does not exist in the province.
  const unknown = world.area.otherProvinceCommuneNames;
  for (let i = 0; i < 2; i++) {
    const name = unknown[i] ?? `Xã Không Rõ ${i}`;
    const p = h.fresh(h.any(h.withCommuneColumn), 'BTXH');
    const a = world.addPayee(p, 'BTXH');
    a.pay.shown.commune = name;
    world.anomaly('UNKNOWN_ADMIN_UNIT', [a.pay.key], `Dòng chi trả của ${p.fullName} ghi "${name}", không có trong danh mục hành chính của ${world.area.provinceName}.`);
  }
  {
    const name = unknown[2] ?? 'Xã Không Rõ';
    const row = { key: world.nextKey('n'), code: null, name, households: r.int(900, 2500), population: r.int(3500, 9000) };
    world.population.push(row);
    world.anomaly('UNKNOWN_ADMIN_UNIT', [row.key], `Danh sách dân số có đơn vị "${name}" không thuộc ${world.area.districtName}.`);
  }

  // MISSING_FIELD: amount, group, or both identity fields left blank.
  {
    const p1 = h.fresh(h.any(), 'NCC');
    const a1 = world.addPayee(p1, 'NCC');
    a1.pay.shown.amount = null;
    world.anomaly('MISSING_FIELD', [a1.pay.key], `Dòng chi trả của ${p1.fullName} bỏ trống số tiền.`);
    const p2 = h.fresh(h.any(h.noSections), 'BTXH');
    const a2 = world.addPayee(p2, 'BTXH');
    a2.pay.shown.group = null;
    world.anomaly('MISSING_FIELD', [a2.pay.key], `Dòng chi trả của ${p2.fullName} bỏ trống nhóm đối tượng.`);
    const p3 = h.fresh(h.any(), 'TUDO');
    const a3 = world.addPayee(p3, 'TUDO');
    a3.pay.shown.id = null;
    a3.pay.shown.birthYear = null;
    world.anomaly('MISSING_FIELD', [a3.pay.key], `Dòng chi trả của ${p3.fullName} bỏ trống cả số định danh và năm sinh.`);
  }
}
