/**
 * A list's prepared rows as columns: one typed array per field, indexed by row. As one object per row
 * (21 fields), a million-payout audit held some 500 MB of prepared rows and V8 marked two million of
 * them at every full collection; as columns the same rows are about 70 bytes each and nothing to mark.
 */
import type { IdKind } from '../domain/index.js';
import type { NameTable } from './name-table.js';
import type { NameParts } from './parse-name.js';
import type { Interner, PrepareCache } from './prepare-cache.js';

/** Texts of one field by row, with no array at all while every row is null (fathers' names are rare). */
export class TextColumn {
  private values: (string | null)[] | null = null;

  constructor(private readonly length: number) {}

  get(i: number): string | null {
    return this.values === null ? null : (this.values[i] ?? null);
  }

  set(i: number, value: string | null): void {
    if (value === null && this.values === null) return;
    this.values ??= new Array<string | null>(this.length).fill(null);
    this.values[i] = value;
  }
}

/**
 * ID keys from here on stand for texts numbered in PrepareCache.idTexts (ID_TEXT_KEYS + the text's id); below,
 * for digits (see numericIdKey).
 */
export const ID_TEXT_KEYS = 2 ** 52;

/** Kinds of a trusted ID in {@link PreparedRows.trustedKind}; 0: the ID is not trusted (or absent). */
const TRUSTED_KINDS: readonly (IdKind | null)[] = [null, 'CMND', 'CCCD'];
export const trustedKindCode = (kind: IdKind | null): number => (kind === 'CMND' ? 1 : kind === 'CCCD' ? 2 : 0);
export const trustedKindOf = (code: number): IdKind | null => TRUSTED_KINDS[code] ?? null;

/**
 * The precomputed keys of a list's rows (see prepareRows): ids are −1 and numbers 0 when a row has no value.
 * Ids stand for texts kept once in the PrepareCache the rows were made with.
 */
export class PreparedRows {
  /** The row's parsed name: its number in the names table (parts, keys, tone forms, reference shares, ids). */
  readonly nameId: Int32Array;
  readonly gender: Uint8Array; // 0 unknown, 1 M, 2 F
  readonly year: Int32Array; // 0 when unknown
  readonly dateId: Int32Array; // the full ISO birth date's id (cache.dates; as a number in cache.dateYmd)
  readonly trustedKind: Uint8Array; // see trustedKindCode
  /**
   * A number standing for the ID without spaces, upper-case (see idKeyOf in prepare.ts; −1 without one): equal
   * for equal texts, the text itself read back by idText. Compared as a valid CMND/CCCD when trustedKind > 0,
   * loosely otherwise. Can exceed 2^31. (The texts by row were 8 MB of pointers per million rows.)
   */
  readonly idKey: Float64Array;
  /** Halves of the IDs that are not trusted, by row (few rows: a column of them was 8 MB per million rows). */
  readonly idHead = new Map<number, number>();
  readonly idTail = new Map<number, number>();
  readonly communeId: Int32Array;
  readonly villageId: Int32Array;
  readonly communeVillageId: Int32Array; // the village within its commune; −1 unless both are known
  readonly addressId: Int32Array;
  readonly household: TextColumn;
  readonly head: TextColumn;
  readonly father: TextColumn;
  readonly mother: TextColumn;

  constructor(
    readonly length: number,
    /** The texts of IDs that are not all digits, numbered (see idKeyOf). */
    private readonly idTexts: Pick<Interner, 'value'>,
    /** The parsed names the rows' nameId refer to. */
    readonly names: NameTable,
  ) {
    const ids = (): Int32Array => new Int32Array(length).fill(-1);
    this.nameId = new Int32Array(length);
    this.gender = new Uint8Array(length);
    this.year = new Int32Array(length);
    this.dateId = ids();
    this.trustedKind = new Uint8Array(length);
    this.idKey = new Float64Array(length).fill(-1);
    this.communeId = ids();
    this.villageId = ids();
    this.communeVillageId = ids();
    this.addressId = ids();
    this.household = new TextColumn(length);
    this.head = new TextColumn(length);
    this.father = new TextColumn(length);
    this.mother = new TextColumn(length);
  }

  /** Row i's parsed name as one object (outside the scorer's loop: see names). */
  nameOf(i: number): NameParts {
    return this.names.nameOf(this.nameId[i] ?? 0);
  }

  /** Row i's ID without spaces, upper-case, as its key stands for it; null without one. */
  idText(i: number): string | null {
    const key = this.idKey[i] ?? -1;
    if (key < 0) return null;
    if (key >= ID_TEXT_KEYS) return this.idTexts.value(key - ID_TEXT_KEYS);
    const length = key % 16;
    return String((key - length) / 16).padStart(length, '0');
  }

  /** The length of row i's ID text (0 without one). */
  idLength(i: number): number {
    const key = this.idKey[i] ?? -1;
    if (key < 0) return 0;
    return key >= ID_TEXT_KEYS ? (this.idTexts.value(key - ID_TEXT_KEYS) ?? '').length : key % 16;
  }

  /** The row's valid CMND/CCCD digits, or null when its ID is absent or not trusted. */
  idTrusted(i: number): string | null {
    return this.trustedKind[i] === 0 ? null : this.idText(i);
  }

  /** The id of the first half of row i's untrusted ID (cache.idHeads); −1 when it has none. */
  idHeadOf(i: number): number {
    return this.idHead.get(i) ?? -1;
  }

  /** The id of the second half of row i's untrusted ID (cache.idTails); −1 when it has none. */
  idTailOf(i: number): number {
    return this.idTail.get(i) ?? -1;
  }

  /** The row's ID text when it is not a trusted one. */
  idLoose(i: number): string | null {
    return this.trustedKind[i] === 0 ? this.idText(i) : null;
  }
}

/**
 * The rows of one matching run: a list alone (dedupe), or two lists side by side (link), numbered as if one
 * followed the other without copying either: rows [0, leftCount) are the left list's, the rest the right's.
 */
export class RunRows {
  readonly leftCount: number;
  readonly length: number;

  constructor(
    readonly left: PreparedRows,
    readonly right: PreparedRows | null,
    /** The cache the rows were prepared with: the texts of their ids, for the sort keys of oversized blocks. */
    private readonly cache: Pick<PrepareCache, 'dates'>,
  ) {
    this.leftCount = left.length;
    this.length = left.length + (right?.length ?? 0);
  }

  /** The list holding run row i. */
  rowsOf(i: number): PreparedRows {
    return i < this.leftCount || this.right === null ? this.left : this.right;
  }

  /** The list of run row i: 0 the left (or only) list, 1 the right. */
  listOf(i: number): number {
    return i < this.leftCount || this.right === null ? 0 : 1;
  }

  /** Run row i's index in its own list. */
  indexOf(i: number): number {
    return i < this.leftCount ? i : i - this.leftCount;
  }

  /** The order of rows within an oversized block (compared by a sliding window): full name, then birth. */
  sortKey(i: number): string {
    const rows = this.rowsOf(i);
    const at = this.indexOf(i);
    const date = this.cache.dates.value(rows.dateId[at] ?? -1);
    const joined = at < rows.length ? rows.names.joinedText(rows.nameId[at] ?? 0) : null;
    return `${joined ?? ''}|${date ?? rows.year[at] ?? 0}`;
  }
}
