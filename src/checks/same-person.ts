import type { PersonRecord } from '../domain/index.js';
import { hasProxy, hasTrustedId } from './person-key.js';
import { nameKeyOf, textKey } from './text.js';

/**
 * Reasons two rows that the matcher paired are nevertheless not one person (null when none): the
 * safety net for the cases the brief calls out — namesakes, household members and proxies.
 */
export function notSamePersonReason(a: PersonRecord, b: PersonRecord): string | null {
  const ra = textKey(a.receiver);
  const rb = textKey(b.receiver);
  if ((ra !== '' && ra === nameKeyOf(b)) || (rb !== '' && rb === nameKeyOf(a))) {
    return 'một dòng là người nhận thay cho người kia';
  }
  const idsEqual = hasTrustedId(a) && hasTrustedId(b) && a.idNumber === b.idNumber;
  const idsConflict = hasTrustedId(a) && hasTrustedId(b) && a.idKind === b.idKind && a.idNumber !== b.idNumber;
  if (idsConflict) return 'hai số giấy tờ hợp lệ khác nhau';
  const yearsConflict = a.birthYear !== null && b.birthYear !== null && a.birthYear !== b.birthYear;
  const namesEqual = nameKeyOf(a) === nameKeyOf(b);
  if (yearsConflict && !idsEqual) return 'năm sinh khác nhau';
  if (yearsConflict && !namesEqual) return 'cùng số giấy tờ nhưng khác tên và năm sinh (thành viên cùng hộ)';
  if (!idsEqual && givenNamesConflict(a, b)) return 'tên khác nhau';
  if (!idsEqual && middleNamesConflict(a, b)) return 'tên đệm khác nhau';
  const sameCommune = (a.communeCode ?? '') === (b.communeCode ?? '');
  const householdsDiffer =
    a.householdCode !== null && b.householdCode !== null && textKey(a.householdCode) !== textKey(b.householdCode);
  if (householdsDiffer && sameCommune && !idsEqual) return 'khác hộ trong cùng xã';
  if (hasProxy(a) !== hasProxy(b) && !namesEqual && a.idNumber !== null && a.idNumber === b.idNumber) {
    return 'số giấy tờ của người nhận thay';
  }
  return null;
}

/** True when two strings are equal or one edit apart (a typo). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Middle names that are different words, not typos ("Thị Huỳnh" / "Thị Thu"): two people. A middle name
 * written on one side only, or a subset of the other (names shortened in a list), is no conflict.
 */
export function middleNamesConflict(a: PersonRecord, b: PersonRecord): boolean {
  const ta = nameKeyOf(a).split(' ').filter((t) => t !== '');
  const tb = nameKeyOf(b).split(' ').filter((t) => t !== '');
  if (ta.length < 3 || tb.length < 3) return false;
  const ma = ta.slice(1, -1);
  const mb = tb.slice(1, -1);
  const [small, big] = ma.length <= mb.length ? [ma, mb] : [mb, ma];
  if (small.every((t) => big.includes(t))) return false;
  if (ma.length !== mb.length) return true;
  return ma.some((t, i) => !withinOneEdit(t, mb[i] ?? ''));
}

/** Given names (the last word) that are different words, not typos ("Thanh" / "Quyết"): two people. */
export function givenNamesConflict(a: PersonRecord, b: PersonRecord): boolean {
  const ga = nameKeyOf(a).split(' ').filter((t) => t !== '').pop();
  const gb = nameKeyOf(b).split(' ').filter((t) => t !== '').pop();
  return ga !== undefined && gb !== undefined && !withinOneEdit(ga, gb);
}
