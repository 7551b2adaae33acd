import type { PersonRecord } from '../domain/index.js';
import { isAttestedNameSyllable } from './name-syllables.js';
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
 * The words of the display name, word for word beside the name key, when the name is written with
 * diacritics; null otherwise (a name typed without them says nothing about which name was meant).
 */
function tonedWords(r: PersonRecord, keyWords: number): string[] | null {
  if (r.fullName === null || !/[^\x00-\x7f]/.test(r.fullName)) return null;
  const words = r.fullName.normalize('NFC').split(/\s+/).filter((w) => w !== '');
  return words.length === keyWords ? words : null;
}

/**
 * Two keys one letter apart ("manh" / "minh") that are a typo only when written without diacritics: when
 * both rows spell them out and each is a real name ("Mạnh" / "Minh"), they are two names.
 */
function oneEditButDistinctNames(keyA: string, keyB: string, wordA: string | undefined, wordB: string | undefined): boolean {
  if (keyA === keyB || wordA === undefined || wordB === undefined) return false;
  return isAttestedNameSyllable(wordA) && isAttestedNameSyllable(wordB);
}

/**
 * Middle names that are different words, not typos ("Thị Huỳnh" / "Thị Thu", or "Mạnh" / "Minh" written
 * with diacritics): two people. A middle name written on one side only, or a subset of the other (names
 * shortened in a list), is no conflict.
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
  const wa = tonedWords(a, ta.length)?.slice(1, -1);
  const wb = tonedWords(b, tb.length)?.slice(1, -1);
  return ma.some((t, i) => {
    const u = mb[i] ?? '';
    if (!withinOneEdit(t, u)) return true;
    return wa !== undefined && wb !== undefined && oneEditButDistinctNames(t, u, wa[i], wb[i]);
  });
}

/**
 * Given names (the last word) that are different words, not typos ("Thanh" / "Quyết", or "Tâm" / "Lâm"
 * written with diacritics): two people.
 */
export function givenNamesConflict(a: PersonRecord, b: PersonRecord): boolean {
  const ta = nameKeyOf(a).split(' ').filter((t) => t !== '');
  const tb = nameKeyOf(b).split(' ').filter((t) => t !== '');
  const ga = ta[ta.length - 1];
  const gb = tb[tb.length - 1];
  if (ga === undefined || gb === undefined) return false;
  if (!withinOneEdit(ga, gb)) return true;
  const wa = tonedWords(a, ta.length);
  const wb = tonedWords(b, tb.length);
  return wa !== null && wb !== null && oneEditButDistinctNames(ga, gb, wa[wa.length - 1], wb[wb.length - 1]);
}
