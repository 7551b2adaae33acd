/**
 * Repeated and corrected uploads: rows of a file that a later corrected file replaces, and exact copies of
 * rows that arrive again in another upload, are dropped before the checks (see prepareData). Rows are
 * compared by content ids ({@link contentIds}): numbers, so that a million rows cost typed arrays and
 * numeric map keys rather than a digest string and two composite key strings each.
 */
import { PERSON_FIELD_COUNT, personFieldValuesInto, type PersonRecord } from '../domain/index.js';
import { KeyTable } from '../match/index.js';

const valuesA = new Array<unknown>(PERSON_FIELD_COUNT).fill(null);
const valuesB = new Array<unknown>(PERSON_FIELD_COUNT).fill(null);
const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);

// The running state of contentHash (module-level so that hashing a row allocates nothing).
let h1 = 0;
let h2 = 0;

function mix(c: number): void {
  h1 = Math.imul(h1 ^ c, 2654435761);
  h2 = Math.imul(h2 ^ c, 1597334677);
}

function text(t: string): void {
  for (let i = 0; i < t.length; i++) mix(t.charCodeAt(i));
}

function number(v: number): void {
  float[0] = v === 0 ? 0 : v; // −0 and 0 are the same value
  mix(words[0] ?? 0);
  mix(words[1] ?? 0);
}

/** The running state as a 53-bit number. */
function digest(): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A 53-bit hash of a row's content: role, flags and every normalised field (not where the row sits), value
 * by value, without building a text of the row (that text was most of the time and garbage of comparing a
 * million rows).
 */
export function contentHash(r: PersonRecord): number {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
  text(r.role);
  for (const flag of r.flags) {
    mix(0x10001);
    text(flag);
  }
  personFieldValuesInto(r, valuesA, 0);
  for (let k = 0; k < valuesA.length; k++) {
    const v = valuesA[k];
    mix(0x20000 + k);
    if (typeof v === 'string') text(v);
    else if (typeof v === 'number') number(v);
    else if (v !== null && v !== undefined) text(String(v));
  }
  return digest();
}

/** True when two rows hold the same content (role, flags and every normalised field). */
export function sameContent(a: PersonRecord, b: PersonRecord): boolean {
  if (a.role !== b.role || a.flags.length !== b.flags.length) return false;
  for (let i = 0; i < a.flags.length; i++) if (a.flags[i] !== b.flags[i]) return false;
  personFieldValuesInto(a, valuesA, 0);
  personFieldValuesInto(b, valuesB, 0);
  for (let k = 0; k < valuesA.length; k++) if (valuesA[k] !== valuesB[k]) return false;
  return true;
}

/**
 * A 53-bit hash of a few fields of a row (name, ID, birth, amount): rows with the same content have the same
 * quick hash, so a row alone with its quick hash has no copy. Four fields instead of every one of {@link contentHash}.
 */
export function quickHash(r: PersonRecord): number {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
  if (r.fullName !== null) text(r.fullName);
  mix(0x20000);
  if (r.idNumber !== null) text(r.idNumber);
  mix(0x20001);
  if (r.birthDate !== null) text(r.birthDate);
  mix(r.birthYear ?? 0x20002);
  if (r.amount === null) mix(0x20003);
  else number(r.amount);
  return digest();
}

/**
 * For each row, a number shared by exactly the rows with the same content ({@link sameContent}): 0, 1,
 * 2… in order of first appearance. Exact: rows whose hashes agree are compared value by value, so two
 * different rows never share an id even if their hashes collide (`hash` and `quick` are replaceable to test
 * that). Most rows are alone with their {@link quickHash} and are numbered without the full hash.
 */
export function contentIds(
  records: readonly PersonRecord[],
  hash: (r: PersonRecord) => number = contentHash,
  quick: (r: PersonRecord) => number = quickHash,
): Int32Array {
  const n = records.length;
  const ids = new Int32Array(n);
  // Hashes are numbered densely first: a Map keyed by 53-bit numbers boxes every key.
  const quickIds = new KeyTable(n);
  const quickOf = new Int32Array(n);
  for (let i = 0; i < n; i++) quickOf[i] = quickIds.idOf(quick(records[i] as PersonRecord));
  const rowsOfQuick = new Int32Array(quickIds.size);
  for (const q of quickOf) rowsOfQuick[q] = (rowsOfQuick[q] ?? 0) + 1;
  const hashes = new KeyTable();
  const firstOf: number[] = []; // hash number → the first row with it
  const others = new Map<number, number[]>(); // hash number → first rows of other contents with the same hash
  let next = 0;
  records.forEach((r, i) => {
    if (rowsOfQuick[quickOf[i] ?? 0] === 1) {
      ids[i] = next++;
      return;
    }
    const h = hashes.idOf(hash(r));
    const first = firstOf[h];
    if (first === undefined) {
      firstOf.push(i);
      ids[i] = next++;
      return;
    }
    const firstRecord = records[first];
    if (firstRecord !== undefined && sameContent(firstRecord, r)) {
      ids[i] = ids[first] ?? 0;
      return;
    }
    const list = others.get(h) ?? [];
    const same = list.find((j) => {
      const other = records[j];
      return other !== undefined && sameContent(other, r);
    });
    if (same !== undefined) {
      ids[i] = ids[same] ?? 0;
      return;
    }
    list.push(i);
    others.set(h, list);
    ids[i] = next++;
  });
  return ids;
}

/** Uploads as told apart by {@link uploadSegments}: an index per row and the `file#n` name of each. */
export interface UploadSegments {
  readonly of: Int32Array;
  readonly names: readonly string[];
}

/**
 * Which upload each row came from, as `file#n`: rows arrive upload by upload, so a (file, sheet, row)
 * seen again means a new upload of a file with the same name (a corrected file keeps its name).
 */
export function uploadSegments(records: readonly PersonRecord[]): UploadSegments {
  const files = new Map<string, { n: number; segment: number; sheets: Map<string, SheetRows> }>();
  const names: string[] = [];
  const of = new Int32Array(records.length);
  let lastFile: string | undefined;
  let lastSheet: string | undefined;
  let state: { n: number; segment: number; sheets: Map<string, SheetRows> } | undefined;
  let sheet: SheetRows | undefined;
  records.forEach((r, i) => {
    if (r.file !== lastFile || state === undefined) {
      state = files.get(r.file);
      if (state === undefined) {
        state = { n: 1, segment: names.length, sheets: new Map() };
        names.push(`${r.file}#1`);
        files.set(r.file, state);
      }
      lastFile = r.file;
      lastSheet = undefined;
    }
    if (r.sheet !== lastSheet || sheet === undefined) {
      sheet = state.sheets.get(r.sheet);
      if (sheet === undefined) {
        sheet = new SheetRows();
        state.sheets.set(r.sheet, sheet);
      }
      lastSheet = r.sheet;
    }
    if (!sheet.add(r.row)) {
      state.n += 1;
      state.segment = names.length;
      names.push(`${r.file}#${state.n}`);
      state.sheets = new Map();
      sheet = new SheetRows();
      sheet.add(r.row);
      state.sheets.set(r.sheet, sheet);
    }
    of[i] = state.segment;
  });
  return { of, names };
}

/**
 * The row numbers of one sheet seen in one upload. Rows arrive in increasing order (the store returns them
 * so), and a row above the highest so far is new without a lookup; a set of them is only built when a row
 * arrives out of order.
 */
class SheetRows {
  private max = -Infinity;
  private rows: number[] | null = [];
  private set: Set<number> | null = null;

  /** Adds `row`; false when it was already there. */
  add(row: number): boolean {
    if (row > this.max) {
      this.max = row;
      if (this.set !== null) this.set.add(row);
      else this.rows?.push(row);
      return true;
    }
    if (this.set === null) {
      this.set = new Set(this.rows);
      this.rows = null;
    }
    if (this.set.has(row)) return false;
    this.set.add(row);
    return true;
  }
}

/**
 * Share of an earlier upload's rows that must reappear unchanged in a later upload for it to count as
 * replaced: `sameName` when the later file has the same name (re-uploading a file under its name is itself a
 * sign of replacement), `otherName` otherwise.
 */
export const SUPERSEDE_SHARE = { sameName: 0.5, otherName: 0.8 } as const;

const fileOf = (segment: string): string => segment.slice(0, segment.lastIndexOf('#'));

/**
 * The uploads that a later upload of the same role replaces: when at least the {@link SUPERSEDE_SHARE} of
 * an upload's rows reappear with identical content in one later upload (a corrected re-upload), the earlier
 * upload's rows — corrected ones included — no longer count.
 */
export function supersededUploads(segments: UploadSegments, ids: Int32Array): { file: string; by: string }[] {
  const uploads = segments.names.length;
  const bags = segments.names.map(() => new Map<number, number>());
  const sizes = new Int32Array(uploads);
  let contents = 0;
  for (let i = 0; i < ids.length; i++) {
    const u = segments.of[i] ?? 0;
    const bag = bags[u];
    const id = ids[i] ?? 0;
    if (bag !== undefined) bag.set(id, (bag.get(id) ?? 0) + 1);
    sizes[u] = (sizes[u] ?? 0) + 1;
    if (id >= contents) contents = id + 1;
  }
  // The uploads of each content that is in more than one (most contents are in one upload only): an
  // upload is then compared only with the uploads it shares rows with, not with every later one.
  const firstIn = new Int32Array(contents).fill(-1);
  const inSeveral = new Map<number, number[]>();
  for (let i = 0; i < ids.length; i++) {
    const u = segments.of[i] ?? 0;
    const id = ids[i] ?? 0;
    const first = firstIn[id] ?? -1;
    if (first === -1) firstIn[id] = u;
    else if (first !== u) {
      const list = inSeveral.get(id) ?? [first];
      if (!list.includes(u)) list.push(u);
      inSeveral.set(id, list);
    }
  }
  const superseded: { file: string; by: string }[] = [];
  segments.names.forEach((upload, u) => {
    const bag = bags[u];
    const size = sizes[u] ?? 0;
    if (bag === undefined || size === 0) return;
    const shared = new Map<number, number>(); // later upload → rows of this one it repeats
    for (const [id, n] of bag) {
      for (const v of inSeveral.get(id) ?? []) {
        if (v > u) shared.set(v, (shared.get(v) ?? 0) + Math.min(n, bags[v]?.get(id) ?? 0));
      }
    }
    for (const v of [...shared.keys()].sort((x, y) => x - y)) {
      const later = segments.names[v] ?? '';
      const share = fileOf(later) === fileOf(upload) ? SUPERSEDE_SHARE.sameName : SUPERSEDE_SHARE.otherName;
      if ((shared.get(v) ?? 0) / size >= share) {
        superseded.push({ file: upload, by: later });
        return;
      }
    }
  });
  return superseded;
}

/**
 * Of rows `at` (indexes into the ids), those that are not an exact copy, in another upload, of a row already
 * seen: a corrected or repeated upload must not duplicate itself. Copies inside one upload are kept (a row
 * listed twice in one list is a duplicate payment); the n-th copy in upload B stands for the n-th copy in A.
 */
function notCopied(at: readonly number[], segments: UploadSegments, ids: Int32Array): number[] {
  // Most contents occur once: such a row is kept without a lookup.
  let contents = 0;
  for (const id of ids) if (id >= contents) contents = id + 1;
  const occurrences = new Int32Array(contents);
  for (const id of ids) occurrences[id] = (occurrences[id] ?? 0) + 1;
  // Per (upload, content): copies so far; per content: the most copies any upload had so far. The copies of
  // one upload are numbered 1, 2, 3…, so "the n-th copy was already seen" is n ≤ that maximum.
  const inUpload = new Map<number, number>();
  const mostSeen = new Int32Array(contents);
  const out: number[] = [];
  for (const i of at) {
    const id = ids[i] ?? 0;
    if (occurrences[id] === 1) {
      out.push(i);
      continue;
    }
    const key = (segments.of[i] ?? 0) * 2147483648 + id;
    const ordinal = (inUpload.get(key) ?? 0) + 1;
    inUpload.set(key, ordinal);
    if (ordinal <= (mostSeen[id] ?? 0)) continue;
    mostSeen[id] = ordinal;
    out.push(i);
  }
  return out;
}

/**
 * The rows of one role without the uploads a later corrected upload replaces and without exact copies of
 * rows from another upload (see {@link supersededUploads} and {@link notCopied}), in their order.
 */
export function dropReuploads(records: readonly PersonRecord[]): { kept: readonly PersonRecord[]; superseded: { file: string; by: string }[] } {
  const ids = contentIds(records);
  const segments = uploadSegments(records);
  const superseded = supersededUploads(segments, ids);
  const gone = new Set(superseded.map((s) => s.file));
  const goneSegment = Uint8Array.from(segments.names, (name) => (gone.has(name) ? 1 : 0));
  const at: number[] = [];
  for (let i = 0; i < records.length; i++) if (goneSegment[segments.of[i] ?? 0] !== 1) at.push(i);
  const keep = notCopied(at, segments, ids);
  // Nothing dropped (the usual case): the rows themselves, not a copy of a million of them held beside them.
  if (keep.length === records.length) return { kept: records, superseded };
  const kept: PersonRecord[] = [];
  for (const i of keep) {
    const r = records[i];
    if (r !== undefined) kept.push(r);
  }
  return { kept, superseded };
}
