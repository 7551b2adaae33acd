import { createHash } from 'node:crypto';
import { PERSON_FIELD_COUNT, personFieldValuesInto, type PersonRecord } from '../domain/index.js';
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
 * to compare rows, {@link contentDigest} is cheaper.
 */
export function contentKey(r: PersonRecord): string {
  const entries = Object.entries(r)
    .filter(([k]) => !LOCATION_FIELDS.has(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

const contentValues = new Array<unknown>(2 + PERSON_FIELD_COUNT).fill(null);

/**
 * A digest of {@link contentKey}'s content (role, flags and every normalised field, in a fixed order):
 * two rows have the same digest exactly when they hold the same values. 27 characters long: the
 * sorted-entries text of a row is some 600 characters, and comparing uploads built it twice per row (for
 * 250,000 rows: 9 s and some 300 MB of keys). Not remembered: see {@link digestMemo}.
 */
export function contentDigest(r: PersonRecord): string {
  contentValues[0] = r.role;
  contentValues[1] = r.flags;
  personFieldValuesInto(r, contentValues, 2);
  return createHash('sha1').update(JSON.stringify(contentValues)).digest('base64');
}

/**
 * {@link contentDigest} remembered for one pass over the rows (prepareData): the digests go with the
 * pass. Kept for the whole run (a module-wide memo), they held some 200 MB at a million payouts.
 */
export function digestMemo(): (r: PersonRecord) => string {
  const memo = new Map<PersonRecord, string>();
  return (r) => {
    let digest = memo.get(r);
    if (digest === undefined) {
      digest = contentDigest(r);
      memo.set(r, digest);
    }
    return digest;
  };
}

/**
 * Which upload each row came from, as `file#n`: rows arrive upload by upload, so a (file, sheet, row)
 * seen again means a new upload of a file with the same name (a corrected file keeps its name).
 */
export function uploadSegments(records: readonly PersonRecord[]): string[] {
  const seen = new Map<string, { n: number; rows: Set<string> }>();
  return records.map((r) => {
    let state = seen.get(r.file);
    if (state === undefined) {
      state = { n: 1, rows: new Set() };
      seen.set(r.file, state);
    }
    const at = `${r.sheet}\u0000${r.row}`;
    if (state.rows.has(at)) {
      state.n += 1;
      state.rows = new Set();
    }
    state.rows.add(at);
    return `${r.file}#${state.n}`;
  });
}

/**
 * Drops rows that are an exact copy, in another upload, of a row already seen: a corrected or repeated
 * upload must not duplicate itself. Copies inside one upload are kept (a row listed twice in one list is
 * a duplicate payment); the n-th copy in upload B stands for the n-th copy in upload A.
 */
export function collapseReuploads(records: readonly PersonRecord[], digest: (r: PersonRecord) => string = contentDigest): PersonRecord[] {
  const segments = uploadSegments(records);
  const seen = new Set<string>();
  const perUpload = new Map<string, number>();
  const out: PersonRecord[] = [];
  records.forEach((r, i) => {
    const content = digest(r);
    const uploadKey = `${segments[i] ?? r.file}\u0000${content}`;
    const ordinal = (perUpload.get(uploadKey) ?? 0) + 1;
    perUpload.set(uploadKey, ordinal);
    const key = `${ordinal}\u0000${content}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  });
  return out;
}

/**
 * Share of an earlier upload's rows that must reappear unchanged in a later upload for it to count as
 * replaced: `sameName` when the later file has the same name (re-uploading a file under its name is itself a
 * sign of replacement), `otherName` otherwise.
 */
export const SUPERSEDE_SHARE = { sameName: 0.5, otherName: 0.8 } as const;

/**
 * Drops the rows of a file that a later file of the same role replaces: when at least the
 * {@link SUPERSEDE_SHARE} of its rows reappear with identical content in one later file (a corrected
 * re-upload), the earlier file's rows — corrected ones included — no longer count. Uploads are told apart
 * by {@link uploadSegments}, in the order they appear in `records` (upload order). `file` is `name#n`.
 */
export function dropSupersededFiles(
  records: readonly PersonRecord[],
  digest: (r: PersonRecord) => string = contentDigest,
): { kept: PersonRecord[]; superseded: { file: string; by: string }[] } {
  const segments = uploadSegments(records);
  const uploads: string[] = [];
  const contents = new Map<string, Map<string, number>>();
  const sizes = new Map<string, number>();
  records.forEach((r, i) => {
    const upload = segments[i] ?? r.file;
    let bag = contents.get(upload);
    if (bag === undefined) {
      bag = new Map();
      contents.set(upload, bag);
      uploads.push(upload);
    }
    const key = digest(r);
    bag.set(key, (bag.get(key) ?? 0) + 1);
    sizes.set(upload, (sizes.get(upload) ?? 0) + 1);
  });
  const superseded: { file: string; by: string }[] = [];
  uploads.forEach((upload, i) => {
    const bag = contents.get(upload);
    const size = sizes.get(upload) ?? 0;
    if (bag === undefined || size === 0) return;
    for (const later of uploads.slice(i + 1)) {
      const other = contents.get(later);
      if (other === undefined) continue;
      let shared = 0;
      for (const [key, n] of bag) shared += Math.min(n, other.get(key) ?? 0);
      const sameName = later.slice(0, later.lastIndexOf('#')) === upload.slice(0, upload.lastIndexOf('#'));
      if (shared / size >= (sameName ? SUPERSEDE_SHARE.sameName : SUPERSEDE_SHARE.otherName)) {
        superseded.push({ file: upload, by: later });
        return;
      }
    }
  });
  if (superseded.length === 0) return { kept: [...records], superseded };
  const gone = new Set(superseded.map((s) => s.file));
  return { kept: records.filter((_, i) => !gone.has(segments[i] ?? '')), superseded };
}
