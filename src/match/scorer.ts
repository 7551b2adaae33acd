/**
 * Fellegi–Sunter scoring of one pair of prepared records: each field gets an agreement level and a log2
 * weight log2(m/u), the u of exact agreements adjusted by how common the agreed value is. Scoring writes
 * into two reused buffers and allocates nothing, since it runs millions of times per list.
 */
import type { FieldId, FieldSettings, ResolvedMatchConfig } from './match-config.js';
import { FIELD_IDS } from './match-config.js';
import type { Prepared, PrepareCache, ValueCounts } from './prepare.js';
import { KeyTable } from './key-table.js';
import { jaroWinkler, tokenOverlap, withinOneEdit } from './similarity.js';

/** Level codes in the buffers; 0 = field absent on both sides (not reported). */
export const LEVEL = { none: 0, missing: 1, exact: 2, close: 3, differ: 4, conflict: 5, incomparable: 6 } as const;
export const LEVEL_NAMES = ['none', 'missing', 'exact', 'close', 'differ', 'conflict', 'incomparable'] as const;

const F = Object.fromEntries(FIELD_IDS.map((f, i) => [f, i])) as Record<FieldId, number>;
export const FIELD_INDEX: Readonly<Record<FieldId, number>> = F;

interface StaticWeights {
  readonly exact: number;
  readonly close: number;
  readonly differ: number;
  readonly conflict: number;
}

const log2 = Math.log2;

function weightsOf(s: FieldSettings): StaticWeights {
  const c = s.conflict ?? s.differ;
  return {
    exact: log2(s.exact.m / s.exact.u),
    close: log2(s.close.m / s.close.u),
    differ: log2(s.differ.m / s.differ.u),
    conflict: log2(c.m / c.u),
  };
}

/** Name-part ids below this are remembered by closeParts (field × ids² stays below 2^53). */
const PART_IDS = 2 ** 24;
/** closeParts results kept per run at most; the memo is emptied when full (memory stays bounded). */
const CLOSE_MEMO_LIMIT = 1_000_000;
/**
 * Share of the population (reference name tables) from which a family name is an established one. Two
 * different established names are two families however close their spelling (Phan/Phạm, each 4–7 %).
 */
const ESTABLISHED_SURNAME_SHARE = 0.005;
/** Share of the reference family names from which a family name is one of the tables (found there at all). */
const KNOWN_SURNAME_SHARE = 0.00005;
/**
 * Share of the reference given names (by key, without tones) from which a given name is one people are called
 * by (some 1 in 5,000: Đương, Khuê). Two such names are two names, however close their spelling; names the
 * tables do not know (FEBRL's English names, typos) are still compared by spelling.
 */
const KNOWN_GIVEN_NAME_SHARE = 0.0002;

/** Words of a name part's key ("hoang dang": 2). */
const wordCount = (key: string | null): number => (key === null ? 0 : key.split(' ').length);

/** Family names that are one family written two ways (keys without tones). */
const SAME_FAMILY = new Set(['hoang|huynh', 'huynh|hoang', 'vu|vo', 'vo|vu']);
const sameFamily = (a: string, b: string): boolean => SAME_FAMILY.has(`${a}|${b}`);

/** A day or month as written in a date (07, 11), for counting keying slips digit by digit. */
const twoDigits = (n: number): string => (n < 10 ? `0${n}` : String(n));

export class Scorer {
  readonly levels = new Uint8Array(FIELD_IDS.length);
  readonly weights = new Float64Array(FIELD_IDS.length);
  private readonly w: StaticWeights[];
  private readonly s: FieldSettings[];
  private readonly alpha: number;
  private readonly n2: number;
  private readonly closeSim: number;

  /**
   * closeParts results by field and the two parts' ids: the key's number in `closeKeys` indexes `closeMemo`
   * (1: close, 2: not). A Map boxed every key (they exceed 2^31): deduping a million approved rows took
   * 4.0–4.9 s with it, 3.4–4.1 s with this.
   */
  private closeKeys = new KeyTable(1 << 16);
  private closeMemo = new Uint8Array(1 << 16);
  /** Address words by address id, split when an address is first compared to a different one. */
  private readonly addressWords = new Map<number, readonly string[]>();

  constructor(
    private readonly recs: readonly Prepared[],
    private readonly counts: ValueCounts,
    private readonly cfg: ResolvedMatchConfig,
    /** The cache the rows were prepared with: the texts of their village and address ids. */
    private readonly cache: PrepareCache,
  ) {
    this.s = FIELD_IDS.map((f) => cfg.fields[f]);
    this.w = this.s.map(weightsOf);
    this.alpha = cfg.tfPriorWeight;
    this.n2 = Math.max(0, recs.length - 2);
    this.closeSim = cfg.closeSimilarity;
  }

  /**
   * Weight of exact agreement on a value seen `count` times among `among` rows (the run, by default), with
   * reference share `ref`. The pair itself is left out of both counts.
   */
  private tfWeight(field: number, count: number, ref: number, among = this.n2 + 2): number {
    const s = this.s[field];
    if (s === undefined) return 0;
    if (s.tf !== true) return this.w[field]?.exact ?? 0;
    const tf = (Math.max(0, count - 2) + this.alpha * ref) / (Math.max(0, among - 2) + this.alpha);
    return log2(s.exact.m / Math.max(tf, ref / 4));
  }

  private set(field: number, level: number, weight: number): void {
    this.levels[field] = level;
    this.weights[field] = weight;
  }

  private setStatic(field: number, level: number): void {
    const w = this.w[field];
    const weight =
      w === undefined
        ? 0
        : level === LEVEL.close
          ? w.close
          : level === LEVEL.differ
            ? w.differ
            : level === LEVEL.conflict
              ? w.conflict
              : level === LEVEL.exact
                ? w.exact
                : 0;
    this.set(field, level, weight);
  }

  private namePart(
    field: number,
    aId: number,
    bId: number,
    aKey: string | null,
    bKey: string | null,
    aTone: string | null,
    bTone: string | null,
    count: number,
    refTone: number,
    refKey: number,
    joinedEqual: boolean,
  ): void {
    if (aKey === null || bKey === null) {
      this.set(field, aKey === null && bKey === null ? LEVEL.none : LEVEL.missing, 0);
      return;
    }
    if (aKey === bKey) {
      if (aTone !== null && bTone !== null) {
        if (aTone === bTone) this.set(field, LEVEL.exact, this.tfWeight(field, count, refTone));
        else this.setStatic(field, LEVEL.close);
      } else this.set(field, LEVEL.exact, this.tfWeight(field, count, refKey));
      return;
    }
    this.setStatic(field, joinedEqual || this.closeParts(field, aId, bId, aKey, bKey) ? LEVEL.close : LEVEL.differ);
  }

  /**
   * Whether two different keys of a name part are close spellings, remembered per run by the parts' ids: the
   * same pairs of surnames, middle and given names meet again and again across a million candidate pairs.
   */
  private closeParts(field: number, aId: number, bId: number, aKey: string, bKey: string): boolean {
    const remember = aId >= 0 && bId >= 0 && aId < PART_IDS && bId < PART_IDS;
    const key = (field * PART_IDS + aId) * PART_IDS + bId;
    if (remember) {
      const known = this.closeKeys.find(key);
      if (known >= 0) return this.closeMemo[known] === 1;
    }
    const close = jaroWinkler(aKey, bKey) >= this.closeSim || (Math.min(aKey.length, bKey.length) >= 4 && withinOneEdit(aKey, bKey));
    if (remember) {
      if (this.closeKeys.size >= CLOSE_MEMO_LIMIT) {
        this.closeKeys = new KeyTable(1 << 16);
        this.closeMemo = new Uint8Array(1 << 16);
      }
      const id = this.closeKeys.idOf(key);
      if (id >= this.closeMemo.length) {
        const grown = new Uint8Array(this.closeMemo.length * 2);
        grown.set(this.closeMemo);
        this.closeMemo = grown;
      }
      this.closeMemo[id] = close ? 1 : 2;
    }
    return close;
  }

  private simpleText(field: number, a: string | null, b: string | null, tfCount: number): void {
    if (a === null || b === null) {
      this.set(field, a === null && b === null ? LEVEL.none : LEVEL.missing, 0);
      return;
    }
    if (a === b) {
      const s = this.s[field];
      this.set(field, LEVEL.exact, tfCount > 0 && s !== undefined ? this.tfWeight(field, tfCount, s.exact.u) : (this.w[field]?.exact ?? 0));
      return;
    }
    this.setStatic(field, jaroWinkler(a, b) >= this.closeSim ? LEVEL.close : LEVEL.differ);
  }

  private similar(x: string, y: string): boolean {
    return x === y || jaroWinkler(x, y) >= this.closeSim;
  }

  private wordsOf(p: Prepared): readonly string[] {
    let words = this.addressWords.get(p.addressId);
    if (words === undefined) {
      words = (this.cache.addresses.value(p.addressId) ?? '').split(' ');
      this.addressWords.set(p.addressId, words);
    }
    return words;
  }

  /** Scores records i and j into `levels`/`weights`; returns the sum of field weights (prior not included). */
  score(i: number, j: number): number {
    const a = this.recs[i];
    const b = this.recs[j];
    const n = this.counts;
    if (a === undefined || b === undefined) return -Infinity;

    // ID
    const idF = F.id;
    if (a.idTrusted !== null && b.idTrusted !== null) {
      if (a.idKind !== b.idKind) this.set(idF, LEVEL.incomparable, 0);
      else if (a.idTrusted === b.idTrusted) this.set(idF, LEVEL.exact, this.tfWeight(idF, n.id(a), this.s[idF]?.exact.u ?? 1e-5));
      else this.setStatic(idF, LEVEL.conflict);
    } else {
      const ia = a.idTrusted ?? a.idLoose;
      const ib = b.idTrusted ?? b.idLoose;
      if (ia === null || ib === null) this.set(idF, ia === null && ib === null ? LEVEL.none : LEVEL.missing, 0);
      else if (ia === ib) this.set(idF, LEVEL.exact, this.tfWeight(idF, n.id(a), this.s[idF]?.exact.u ?? 1e-5));
      else if (withinOneEdit(ia, ib)) this.setStatic(idF, LEVEL.close);
      else if ((a.idTrusted !== null || b.idTrusted !== null) && ia.length !== ib.length) this.set(idF, LEVEL.incomparable, 0);
      else this.setStatic(idF, LEVEL.differ);
    }

    // Name parts
    const joinedEqual = a.name.nameJoined !== null && a.name.nameJoined === b.name.nameJoined;
    const toned = a.name.surTone !== null && b.name.surTone !== null;
    this.namePart(F.surname, a.name.surId, b.name.surId, a.name.surKey, b.name.surKey, a.name.surTone, b.name.surTone, n.sur(a), toned ? a.name.surRef : a.name.surRefKey, a.name.surRefKey, joinedEqual);
    if (
      (this.levels[F.surname] === LEVEL.close || this.levels[F.surname] === LEVEL.differ) &&
      !joinedEqual &&
      a.name.surKey !== null &&
      b.name.surKey !== null &&
      a.name.surKey !== b.name.surKey &&
      a.name.surRefKey >= KNOWN_SURNAME_SHARE &&
      b.name.surRefKey >= KNOWN_SURNAME_SHARE
    ) {
      // Two family names of the tables are two families, however close their spelling ("Long" / "Tống"): a typo
      // makes a spelling no family has. Two spelt apart ("Lưu" / "Đặng") or two common ones ("Phan" / "Phạm")
      // are a conflict; Hoàng/Huỳnh and Vũ/Võ are one family each, written the northern or the southern way.
      const established = a.name.surRefKey >= ESTABLISHED_SURNAME_SHARE && b.name.surRefKey >= ESTABLISHED_SURNAME_SHARE;
      const apart = this.levels[F.surname] === LEVEL.differ || established;
      this.setStatic(F.surname, apart && !sameFamily(a.name.surKey, b.name.surKey) ? LEVEL.conflict : LEVEL.differ);
    }
    this.namePart(F.middleName, a.name.midId, b.name.midId, a.name.midKey, b.name.midKey, a.name.midTone, b.name.midTone, n.mid(a), toned ? a.name.midRef : a.name.midRefKey, a.name.midRefKey, joinedEqual);
    if (this.levels[F.middleName] === LEVEL.close && !joinedEqual && wordCount(a.name.midKey) !== wordCount(b.name.midKey)) {
      // "Hoàng" / "Hoàng Đăng", "Thúy" / "Thùy Mỹ": a middle name of another length is another middle name, not a
      // spelling of it (their letters agree only as far as the shorter one goes).
      this.setStatic(F.middleName, LEVEL.differ);
    }
    this.namePart(F.givenName, a.name.givId, b.name.givId, a.name.givKey, b.name.givKey, a.name.givTone, b.name.givTone, n.giv(a), toned ? a.name.givRef : a.name.givRefKey, a.name.givRefKey, joinedEqual);
    if (
      this.levels[F.givenName] === LEVEL.close &&
      !joinedEqual &&
      a.name.givKey !== b.name.givKey &&
      a.name.givRefKey >= KNOWN_GIVEN_NAME_SHARE &&
      b.name.givRefKey >= KNOWN_GIVEN_NAME_SHARE
    ) {
      // "Đương" and "Cường", "Lan" and "Lam": one letter apart, but two given names people are called by.
      this.setStatic(F.givenName, LEVEL.differ);
    }

    // Surname and given name written the other way round ("Hùng Nguyễn" / "Nguyễn Hùng").
    if (
      (this.levels[F.surname] === LEVEL.differ || this.levels[F.surname] === LEVEL.conflict) &&
      this.levels[F.givenName] === LEVEL.differ &&
      a.name.surKey !== null && a.name.givKey !== null && b.name.surKey !== null && b.name.givKey !== null &&
      this.similar(a.name.surKey, b.name.givKey) &&
      this.similar(a.name.givKey, b.name.surKey)
    ) {
      this.setStatic(F.surname, LEVEL.close);
      this.setStatic(F.givenName, LEVEL.close);
    }

    // Birth: full dates when both have them, else years.
    const bd = F.birthDate;
    const by = F.birthYear;
    if (a.date !== null && b.date !== null) {
      this.set(by, LEVEL.none, 0);
      if (a.date === b.date) this.set(bd, LEVEL.exact, this.tfWeight(bd, n.date(a), this.s[bd]?.exact.u ?? 1e-4));
      else {
        // One keying slip: one part off by one digit, or day and month swapped. Not any other day or month of
        // the same year (1995-03-17 / 1995-11-17): among a million people that is a namesake as often as not.
        const aY = Math.floor(a.ymd / 10000), aM = Math.floor(a.ymd / 100) % 100, aD = a.ymd % 100;
        const bY = Math.floor(b.ymd / 10000), bM = Math.floor(b.ymd / 100) % 100, bD = b.ymd % 100;
        const sameY = aY === bY;
        const close =
          (sameY && aM === bM && withinOneEdit(twoDigits(aD), twoDigits(bD))) ||
          (sameY && aD === bD && withinOneEdit(twoDigits(aM), twoDigits(bM))) ||
          (sameY && aM === bD && aD === bM) ||
          (aM === bM && aD === bD && withinOneEdit(String(aY), String(bY)));
        this.setStatic(bd, close ? LEVEL.close : LEVEL.differ);
      }
    } else {
      this.set(bd, LEVEL.none, 0);
      if (a.year === 0 || b.year === 0) this.set(by, a.year === 0 && b.year === 0 ? LEVEL.none : LEVEL.missing, 0);
      else if (a.year === b.year) this.set(by, LEVEL.exact, this.tfWeight(by, n.year(a), this.s[by]?.exact.u ?? 1 / 60));
      else {
        // One year apart or one keying slip (1975/1957, 1975/1965) may be the same person.
        const close = Math.abs(a.year - b.year) === 1 || withinOneEdit(String(a.year), String(b.year));
        this.setStatic(by, close ? LEVEL.close : LEVEL.differ);
      }
    }

    // Gender
    const g = F.gender;
    if (a.gender === null || b.gender === null) this.set(g, a.gender === null && b.gender === null ? LEVEL.none : LEVEL.missing, 0);
    else this.setStatic(g, a.gender === b.gender ? LEVEL.exact : LEVEL.differ);

    // Places
    const c = F.commune;
    // Ids stand for the texts: one id per distinct commune code, village key and address (−1: none).
    const communesDiffer = a.communeId >= 0 && b.communeId >= 0 && a.communeId !== b.communeId;
    if (a.communeId < 0 || b.communeId < 0) this.set(c, a.communeId < 0 && b.communeId < 0 ? LEVEL.none : LEVEL.missing, 0);
    else if (!communesDiffer) this.set(c, LEVEL.exact, this.tfWeight(c, n.commune(a), this.s[c]?.exact.u ?? 0.01));
    else this.setStatic(c, LEVEL.differ);
    if (communesDiffer && a.villageId >= 0 && b.villageId >= 0) this.set(F.village, LEVEL.incomparable, 0);
    else if (a.communeId >= 0 && b.communeId >= 0 && a.villageId >= 0 && a.villageId === b.villageId) {
      // Same commune: the commune's agreement is already counted, and a village lies inside its commune, so
      // the village adds only how rarely two people of that commune share it (not of the whole list).
      this.set(F.village, LEVEL.exact, this.tfWeight(F.village, n.communeVillage(a), this.s[F.village]?.exact.u ?? 0.1, n.commune(a)));
    } else this.simpleText(F.village, this.cache.villageIds.value(a.villageId), this.cache.villageIds.value(b.villageId), n.village(a));

    // Household: the code when both have one, else the head's name.
    const h = F.household;
    if (a.household !== null && b.household !== null) this.setStatic(h, a.household === b.household ? LEVEL.exact : LEVEL.differ);
    else if (a.head !== null && b.head !== null) {
      this.setStatic(h, a.head === b.head ? LEVEL.exact : jaroWinkler(a.head, b.head) >= this.closeSim ? LEVEL.close : LEVEL.differ);
    } else {
      const any = a.household !== null || b.household !== null || a.head !== null || b.head !== null;
      this.set(h, any ? LEVEL.missing : LEVEL.none, 0);
    }

    // Address
    const ad = F.address;
    if (a.addressId < 0 || b.addressId < 0) {
      this.set(ad, a.addressId < 0 && b.addressId < 0 ? LEVEL.none : LEVEL.missing, 0);
    } else if (a.addressId === b.addressId) this.set(ad, LEVEL.exact, this.tfWeight(ad, n.address(a), this.s[ad]?.exact.u ?? 0.01));
    else this.setStatic(ad, tokenOverlap(this.wordsOf(a), this.wordsOf(b), 0.85) >= 0.66 ? LEVEL.close : LEVEL.differ);

    this.simpleText(F.father, a.father, b.father, 0);
    this.simpleText(F.mother, a.mother, b.mother, 0);

    let total = 0;
    for (let k = 0; k < this.weights.length; k++) total += this.weights[k] ?? 0;
    return total;
  }
}
