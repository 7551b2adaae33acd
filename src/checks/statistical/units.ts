import type { PersonRecord } from '../../domain/index.js';
import { AdminResolver } from '../../normalize/index.js';
import { expectedAmount } from '../../rules/index.js';
import { groupOf } from '../helpers.js';
import { textKey } from '../text.js';
import type { CheckContext } from '../types.js';

/** The commune of a row as a key (GSO code, else the name as written), or null when the row names none. */
export function communeKeyOf(r: PersonRecord): string | null {
  if (r.communeCode !== null) return r.communeCode;
  const name = textKey(r.communeName);
  return name === '' ? null : `name:${name}`;
}

/** "Xã Gia Hanh" for explanations: the GSO name, else the name as written, else the code. */
export function communeLabel(r: PersonRecord | undefined, key: string): string {
  if (r?.communeName) return r.communeName;
  if (r?.communeCode) return AdminResolver.load().commune(r.communeCode)?.name ?? `xã mã ${r.communeCode}`;
  return key.startsWith('name:') ? key.slice(5) : `xã mã ${key}`;
}

/** "Huyện Can Lộc" (or "huyện mã 436") for a district code. */
export function districtLabel(districtCode: string, someCommuneCode: string | null): string {
  const info = someCommuneCode ? AdminResolver.load().commune(someCommuneCode) : null;
  return info && info.districtCode === districtCode ? info.districtName : `huyện mã ${districtCode}`;
}

/** "Tỉnh Hà Tĩnh" (or "tỉnh mã 42") for a province code. */
export function provinceLabel(provinceCode: string, someCommuneCode: string | null): string {
  const info = someCommuneCode ? AdminResolver.load().commune(someCommuneCode) : null;
  return info && info.provinceCode === provinceCode ? info.provinceName : `tỉnh mã ${provinceCode}`;
}

/** The paying unit of a row: its payer (đơn vị chi trả, e.g. a post office or cashier) when given, else its commune. */
export function payingUnitOf(r: PersonRecord): { key: string; kind: 'payer' | 'commune' } | null {
  const payer = textKey(r.payer);
  if (payer !== '') return { key: `payer:${payer}`, kind: 'payer' };
  const commune = communeKeyOf(r);
  return commune === null ? null : { key: `commune:${commune}`, kind: 'commune' };
}

/** "đơn vị chi trả Bưu điện Can Lộc" or "Xã Gia Hanh" for a row's paying unit. */
export function payingUnitLabel(r: PersonRecord): string {
  if (r.payer !== null && textKey(r.payer) !== '') return `đơn vị chi trả ${r.payer}`;
  const key = communeKeyOf(r) ?? '';
  return communeLabel(r, key);
}

/**
 * True when the row's amount is set by policy: its group is one of the package's, the package fixes its
 * amounts (no provincial minimum), and the amount is one the package accepts (rate × months/members,
 * alternatives, add-ons). Such amounts carry no information for digit or distribution tests.
 */
export function isPolicyFixedAmount(ctx: CheckContext, r: PersonRecord): boolean {
  const group = groupOf(ctx, r);
  if (group === undefined || r.amount === null) return false;
  if (group.minimumAmount) return false;
  const expected = expectedAmount(group, { months: null, members: r.members, relation: r.relation });
  if (expected.allowed.includes(r.amount)) return true;
  // A per-member group with no members column: any whole number of members at the per-member amount.
  const base = group.rate.value * group.maxMonths.value;
  return group.unit === 'member' && r.amount % base === 0;
}

/** True when the package fixes the group's amounts (so amounts vary only through months, members or add-ons). */
export function groupHasFixedAmounts(ctx: CheckContext, r: PersonRecord): boolean {
  const group = groupOf(ctx, r);
  return group !== undefined && group.minimumAmount === undefined;
}
