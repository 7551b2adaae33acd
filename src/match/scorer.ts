/**
 * Fellegi–Sunter scoring of one pair of prepared records: each field gets an agreement level and a log2
 * weight log2(m/u), the u of exact agreements adjusted by how common the agreed value is. Scoring writes
 * into two reused buffers and allocates nothing, since it runs millions of times per list.
 */
import type { FieldId, FieldSettings, ResolvedMatchConfig } from './match-config.js';
import { FIELD_IDS } from './match-config.js';
import type { PrepareCache, ValueCounts } from './prepare.js';
import { samePartsJoined } from './parse-name.js';
import type { RunRows } from './prepared-rows.js';
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
    private readonly recs: RunRows,
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

  private wordsOf(addressId: number): readonly string[] {
    let words = this.addressWords.get(addressId);
    if (words === undefined) {
      words = (this.cache.addresses.value(addressId) ?? '').split(' ');
      this.addressWords.set(addressId, words);
    }
    return words;
  }

  /**
   * Lets go of the remembered closeParts results (up to a million, some 25 MB) once the run's candidates are
   * scored: the scorer stays reachable from pairs scored only when read (see PairById) as long as they live.
   */
  forgetMemo(): void {
    this.closeKeys = new KeyTable(1 << 10);
    this.closeMemo = new Uint8Array(1 << 10);
  }

  /** Scores records i and j into `levels`/`weights`; returns the sum of field weights (prior not included). */
  score(i: number, j: number): number {
    if (i < 0 || j < 0 || i >= this.recs.length || j >= this.recs.length) return -Infinity;
    const A = this.recs.rowsOf(i);
    const B = this.recs.rowsOf(j);
    const ia = this.recs.indexOf(i);
    const jb = this.recs.indexOf(j);
    const aList = this.recs.listOf(i);
    const bList = this.recs.listOf(j);
    const n = this.counts;
    // Name parts read off the names table (both lists were prepared with one cache, so with one table).
    const aN = A.nameId[ia] ?? 0;
    const bN = B.nameId[jb] ?? 0;
    const aSur = A.names.surOf(aN), aMid = A.names.midOf(aN), aGiv = A.names.givOf(aN);
    const bSur = B.names.surOf(bN), bMid = B.names.midOf(bN), bGiv = B.names.givOf(bN);

    // ID
    const idF = F.id;
    // Equal texts have equal keys (see PreparedRows.idKey): the texts are read only to compare different IDs.
    const aKind = A.trustedKind[ia] ?? 0;
    const bKind = B.trustedKind[jb] ?? 0;
    const aKey = A.idKey[ia] ?? -1;
    const bKey = B.idKey[jb] ?? -1;
    if (aKind !== 0 && bKind !== 0) {
      if (aKind !== bKind) this.set(idF, LEVEL.incomparable, 0);
      else if (aKey === bKey) this.set(idF, LEVEL.exact, this.tfWeight(idF, n.id(aList, ia, bList, jb), this.s[idF]?.exact.u ?? 1e-5));
      else this.setStatic(idF, LEVEL.conflict);
    } else if (aKey < 0 || bKey < 0) this.set(idF, aKey < 0 && bKey < 0 ? LEVEL.none : LEVEL.missing, 0);
    else if (aKey === bKey) this.set(idF, LEVEL.exact, this.tfWeight(idF, n.id(aList, ia, bList, jb), this.s[idF]?.exact.u ?? 1e-5));
    else {
      const aText = A.idText(ia) ?? '';
      const bText = B.idText(jb) ?? '';
      if (withinOneEdit(aText, bText)) this.setStatic(idF, LEVEL.close);
      else if ((aKind !== 0 || bKind !== 0) && aText.length !== bText.length) this.set(idF, LEVEL.incomparable, 0);
      else this.setStatic(idF, LEVEL.differ);
    }

    // Name parts
    const joinedEqual = samePartsJoined(A.names.joinedIdOf(aN), aSur, aMid, aGiv, B.names.joinedIdOf(bN), bSur, bMid, bGiv);
    const toned = aSur.tone !== null && bSur.tone !== null;
    this.namePart(F.surname, aSur.id, bSur.id, aSur.key, bSur.key, aSur.tone, bSur.tone, n.sur(aSur.id), toned ? aSur.ref : aSur.refKey, aSur.refKey, joinedEqual);
    if (
      (this.levels[F.surname] === LEVEL.close || this.levels[F.surname] === LEVEL.differ) &&
      !joinedEqual &&
      aSur.key !== null &&
      bSur.key !== null &&
      aSur.key !== bSur.key &&
      aSur.refKey >= KNOWN_SURNAME_SHARE &&
      bSur.refKey >= KNOWN_SURNAME_SHARE
    ) {
      // Two family names of the tables are two families, however close their spelling ("Long" / "Tống"): a typo
      // makes a spelling no family has. Two spelt apart ("Lưu" / "Đặng") or two common ones ("Phan" / "Phạm")
      // are a conflict; Hoàng/Huỳnh and Vũ/Võ are one family each, written the northern or the southern way.
      const established = aSur.refKey >= ESTABLISHED_SURNAME_SHARE && bSur.refKey >= ESTABLISHED_SURNAME_SHARE;
      const apart = this.levels[F.surname] === LEVEL.differ || established;
      this.setStatic(F.surname, apart && !sameFamily(aSur.key, bSur.key) ? LEVEL.conflict : LEVEL.differ);
    }
    this.namePart(F.middleName, aMid.id, bMid.id, aMid.key, bMid.key, aMid.tone, bMid.tone, n.mid(aMid.id), toned ? aMid.ref : aMid.refKey, aMid.refKey, joinedEqual);
    if (this.levels[F.middleName] === LEVEL.close && !joinedEqual && wordCount(aMid.key) !== wordCount(bMid.key)) {
      // "Hoàng" / "Hoàng Đăng", "Thúy" / "Thùy Mỹ": a middle name of another length is another middle name, not a
      // spelling of it (their letters agree only as far as the shorter one goes).
      this.setStatic(F.middleName, LEVEL.differ);
    }
    this.namePart(F.givenName, aGiv.id, bGiv.id, aGiv.key, bGiv.key, aGiv.tone, bGiv.tone, n.giv(aGiv.id), toned ? aGiv.ref : aGiv.refKey, aGiv.refKey, joinedEqual);
    if (
      this.levels[F.givenName] === LEVEL.close &&
      !joinedEqual &&
      aGiv.key !== bGiv.key &&
      aGiv.refKey >= KNOWN_GIVEN_NAME_SHARE &&
      bGiv.refKey >= KNOWN_GIVEN_NAME_SHARE
    ) {
      // "Đương" and "Cường", "Lan" and "Lam": one letter apart, but two given names people are called by.
      this.setStatic(F.givenName, LEVEL.differ);
    }

    // Surname and given name written the other way round ("Hùng Nguyễn" / "Nguyễn Hùng").
    if (
      (this.levels[F.surname] === LEVEL.differ || this.levels[F.surname] === LEVEL.conflict) &&
      this.levels[F.givenName] === LEVEL.differ &&
      aSur.key !== null && aGiv.key !== null && bSur.key !== null && bGiv.key !== null &&
      this.similar(aSur.key, bGiv.key) &&
      this.similar(aGiv.key, bSur.key)
    ) {
      this.setStatic(F.surname, LEVEL.close);
      this.setStatic(F.givenName, LEVEL.close);
    }

    // Birth: full dates when both have them, else years.
    const bd = F.birthDate;
    const by = F.birthYear;
    const aDate = A.dateId[ia] ?? -1;
    const bDate = B.dateId[jb] ?? -1;
    if (aDate >= 0 && bDate >= 0) {
      this.set(by, LEVEL.none, 0);
      if (aDate === bDate) this.set(bd, LEVEL.exact, this.tfWeight(bd, n.date(aDate), this.s[bd]?.exact.u ?? 1e-4));
      else {
        // One keying slip: one part off by one digit, or day and month swapped. Not any other day or month of
        // the same year (1995-03-17 / 1995-11-17): among a million people that is a namesake as often as not.
        const aYmd = this.cache.dateYmd[aDate] ?? 0;
        const bYmd = this.cache.dateYmd[bDate] ?? 0;
        const aY = Math.floor(aYmd / 10000), aM = Math.floor(aYmd / 100) % 100, aD = aYmd % 100;
        const bY = Math.floor(bYmd / 10000), bM = Math.floor(bYmd / 100) % 100, bD = bYmd % 100;
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
      const aYear = A.year[ia] ?? 0;
      const bYear = B.year[jb] ?? 0;
      if (aYear === 0 || bYear === 0) this.set(by, aYear === 0 && bYear === 0 ? LEVEL.none : LEVEL.missing, 0);
      else if (aYear === bYear) this.set(by, LEVEL.exact, this.tfWeight(by, n.year(aYear), this.s[by]?.exact.u ?? 1 / 60));
      else {
        // One year apart or one keying slip (1975/1957, 1975/1965) may be the same person.
        const close = Math.abs(aYear - bYear) === 1 || withinOneEdit(String(aYear), String(bYear));
        this.setStatic(by, close ? LEVEL.close : LEVEL.differ);
      }
    }

    // Gender
    const g = F.gender;
    const aGender = A.gender[ia] ?? 0;
    const bGender = B.gender[jb] ?? 0;
    if (aGender === 0 || bGender === 0) this.set(g, aGender === 0 && bGender === 0 ? LEVEL.none : LEVEL.missing, 0);
    else this.setStatic(g, aGender === bGender ? LEVEL.exact : LEVEL.differ);

    // Places
    const c = F.commune;
    // Ids stand for the texts: one id per distinct commune code, village key and address (−1: none).
    const aCommune = A.communeId[ia] ?? -1;
    const bCommune = B.communeId[jb] ?? -1;
    const aVillage = A.villageId[ia] ?? -1;
    const bVillage = B.villageId[jb] ?? -1;
    const communesDiffer = aCommune >= 0 && bCommune >= 0 && aCommune !== bCommune;
    if (aCommune < 0 || bCommune < 0) this.set(c, aCommune < 0 && bCommune < 0 ? LEVEL.none : LEVEL.missing, 0);
    else if (!communesDiffer) this.set(c, LEVEL.exact, this.tfWeight(c, n.commune(aCommune), this.s[c]?.exact.u ?? 0.01));
    else this.setStatic(c, LEVEL.differ);
    if (communesDiffer && aVillage >= 0 && bVillage >= 0) this.set(F.village, LEVEL.incomparable, 0);
    else if (aCommune >= 0 && bCommune >= 0 && aVillage >= 0 && aVillage === bVillage) {
      // Same commune: the commune's agreement is already counted, and a village lies inside its commune, so
      // the village adds only how rarely two people of that commune share it (not of the whole list).
      const within = n.communeVillage(A.communeVillageId[ia] ?? -1);
      this.set(F.village, LEVEL.exact, this.tfWeight(F.village, within, this.s[F.village]?.exact.u ?? 0.1, n.commune(aCommune)));
    } else this.simpleText(F.village, this.cache.villageIds.value(aVillage), this.cache.villageIds.value(bVillage), n.village(aVillage));

    // Household: the code when both have one, else the head's name.
    const h = F.household;
    const aHousehold = A.household.get(ia);
    const bHousehold = B.household.get(jb);
    const aHead = A.head.get(ia);
    const bHead = B.head.get(jb);
    if (aHousehold !== null && bHousehold !== null) this.setStatic(h, aHousehold === bHousehold ? LEVEL.exact : LEVEL.differ);
    else if (aHead !== null && bHead !== null) {
      this.setStatic(h, aHead === bHead ? LEVEL.exact : jaroWinkler(aHead, bHead) >= this.closeSim ? LEVEL.close : LEVEL.differ);
    } else {
      const any = aHousehold !== null || bHousehold !== null || aHead !== null || bHead !== null;
      this.set(h, any ? LEVEL.missing : LEVEL.none, 0);
    }

    // Address
    const ad = F.address;
    const aAddress = A.addressId[ia] ?? -1;
    const bAddress = B.addressId[jb] ?? -1;
    if (aAddress < 0 || bAddress < 0) {
      this.set(ad, aAddress < 0 && bAddress < 0 ? LEVEL.none : LEVEL.missing, 0);
    } else if (aAddress === bAddress) this.set(ad, LEVEL.exact, this.tfWeight(ad, n.address(aAddress), this.s[ad]?.exact.u ?? 0.01));
    else this.setStatic(ad, tokenOverlap(this.wordsOf(aAddress), this.wordsOf(bAddress), 0.85) >= 0.66 ? LEVEL.close : LEVEL.differ);

    this.simpleText(F.father, A.father.get(ia), B.father.get(jb), 0);
    this.simpleText(F.mother, A.mother.get(ia), B.mother.get(jb), 0);

    let total = 0;
    for (let k = 0; k < this.weights.length; k++) total += this.weights[k] ?? 0;
    return total;
  }
}
