import { toPlainRecord, type PersonRecord } from '../domain/index.js';
import { nameKeyOf, textKey } from './text.js';

/** True when the row names a proxy (người nhận thay) who collected on the person's behalf. */
export function hasProxy(r: Pick<PersonRecord, 'receiver'>): boolean {
  return r.receiver !== null && textKey(r.receiver) !== '';
}

/**
 * True when the row's ID can identify the person: a CMND/CCCD that parsed as such, with no digits lost.
 * A proxy row's ID is not trusted: communes often write the proxy's ID next to the person's name.
 */
export function hasTrustedId(r: PersonRecord): boolean {
  return (
    r.idNumber !== null &&
    r.idNumber !== '' &&
    (r.idKind === 'CCCD' || r.idKind === 'CMND') &&
    !r.flags.includes('ID_INVALID') &&
    !r.flags.includes('ID_SCIENTIFIC_NOTATION') &&
    !hasProxy(r)
  );
}

/**
 * The person key used in finding ids: the valid ID number, else nameKey|birthYear|communeCode|village.
 * File-independent, so the same person keeps the same key across uploads.
 */
export function personKey(r: PersonRecord): string {
  if (hasTrustedId(r)) return `id:${r.idNumber ?? ''}`;
  return `nm:${nameKeyOf(r)}|${r.birthYear ?? ''}|${r.communeCode ?? textKey(r.communeName)}|${textKey(r.village)}`;
}

/** The payment identity of a row (group, period, amount) used in finding ids. */
export function paymentKey(r: PersonRecord): string {
  return `pay:${r.groupCode ?? textKey(r.groupLabel)}|${r.period ?? (r.months === null ? '' : `${r.months}m`)}|${r.amount ?? ''}`;
}

const LOCATION_FIELDS = new Set(['file', 'sheet', 'row', 'raw']);

/**
 * Every normalised value of the row except where it sits (file, sheet, row) and the raw cells, as text.
 * Kept as it is for the ids of findings that rest on it (MISSING_FIELD on a row with neither name nor ID);
 * to compare rows, contentIds (reuploads.ts) is cheaper.
 */
export function contentKey(r: PersonRecord): string {
  const entries = Object.entries(toPlainRecord(r))
    .filter(([k]) => !LOCATION_FIELDS.has(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
