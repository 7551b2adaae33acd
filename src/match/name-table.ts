/**
 * Parsed names by number, in columns: the parts (as numbers of their shared {@link NamePartInfo}s), the
 * blocking numbers and the key each was parsed with. As one object per distinct name and gender, a
 * million-payout audit held some 600,000 of them (43 MB) and a pointer per prepared row to one.
 */
import { TextIndex, textHash, withRoomForInt32 } from '../domain/index.js';
import { joinedOfParts, NO_PART, samePartsJoined, type NameParts, type NamePartInfo } from './parse-name.js';

export class NameTable {
  /** Part infos by number (see partNumber); 0 is NO_PART. */
  private readonly parts: NamePartInfo[] = [NO_PART];
  private readonly partNumbers = new Map<NamePartInfo, number>([[NO_PART, 0]]);
  private sur: Int32Array = new Int32Array(0);
  private mid: Int32Array = new Int32Array(0);
  private giv: Int32Array = new Int32Array(0);
  private joined: Int32Array = new Int32Array(0);
  private surMid: Int32Array = new Int32Array(0);
  /** The name key each name was parsed with (the record's own, often null: then the full name's). */
  private readonly inputKeys: (string | null)[] = [];
  size = 0;

  /** Numbers a parsed name; returns its number. */
  add(name: NameParts): number {
    const n = this.size++;
    if (n === this.sur.length) {
      this.sur = withRoomForInt32(this.sur, n);
      this.mid = withRoomForInt32(this.mid, n);
      this.giv = withRoomForInt32(this.giv, n);
      this.joined = withRoomForInt32(this.joined, n);
      this.surMid = withRoomForInt32(this.surMid, n);
    }
    this.sur[n] = this.partNumber(name.sur);
    this.mid[n] = this.partNumber(name.mid);
    this.giv[n] = this.partNumber(name.giv);
    this.joined[n] = name.joinedId;
    this.surMid[n] = name.surMidId;
    this.inputKeys.push(name.inputKey);
    return n;
  }

  surOf(n: number): NamePartInfo {
    return this.parts[this.sur[n] ?? 0] ?? NO_PART;
  }

  midOf(n: number): NamePartInfo {
    return this.parts[this.mid[n] ?? 0] ?? NO_PART;
  }

  givOf(n: number): NamePartInfo {
    return this.parts[this.giv[n] ?? 0] ?? NO_PART;
  }

  /** See NameParts.joinedId (−1: the name has no key). */
  joinedIdOf(n: number): number {
    return this.joined[n] ?? -1;
  }

  /** See NameParts.surMidId. */
  surMidIdOf(n: number): number {
    return this.surMid[n] ?? -1;
  }

  inputKeyOf(n: number): string | null {
    return this.inputKeys[n] ?? null;
  }

  /** Name n's key without spaces; null when it has none. */
  joinedText(n: number): string | null {
    return this.joinedIdOf(n) < 0 ? null : joinedOfParts(this.surOf(n), this.midOf(n), this.givOf(n));
  }

  /** Whether names a and b have the same key without spaces (see sameJoined). */
  sameJoined(a: number, b: number): boolean {
    return samePartsJoined(this.joinedIdOf(a), this.surOf(a), this.midOf(a), this.givOf(a), this.joinedIdOf(b), this.surOf(b), this.midOf(b), this.givOf(b));
  }

  /** Name n as one object (for tests and the few readers outside the scorer's loop). */
  nameOf(n: number): NameParts {
    return { sur: this.surOf(n), mid: this.midOf(n), giv: this.givOf(n), inputKey: this.inputKeyOf(n), joinedId: this.joinedIdOf(n), surMidId: this.surMidIdOf(n) };
  }

  private partNumber(part: NamePartInfo): number {
    let k = this.partNumbers.get(part);
    if (k === undefined) {
      k = this.parts.length;
      this.parts.push(part);
      this.partNumbers.set(part, k);
    }
    return k;
  }
}

/** A name's lookup hash: the text's, told apart by gender (0 none, 1 M, 2 F). */
const nameHash = (text: string, gender: number): number => textHash(text) ^ Math.imul(gender + 1, 0x9e3779b1);

/**
 * Numbers of parsed names by the text they were parsed from and the gender, to parse each once per audit:
 * as a Map per gender, some 30 MB for a million-payout audit's 600,000 names; here a code per slot, and a
 * hash, a text pointer and a name number per name.
 */
export class NameIndex {
  /** By code (0: none): the text a name was parsed from, and the name's number. */
  private readonly texts: string[] = [''];
  private numbers: Int32Array = new Int32Array(0);
  private readonly index = new TextIndex(this.texts);

  get size(): number {
    return this.texts.length - 1;
  }

  /** The number of the name parsed from `text` for `gender`; −1 when none was. */
  find(text: string, gender: number): number {
    const code = this.index.find(text, nameHash(text, gender));
    return code === 0 ? -1 : (this.numbers[code] ?? -1);
  }

  /** Notes that name `number` was parsed from `text` for `gender` (which has none yet). */
  add(text: string, gender: number, number: number): void {
    const code = this.texts.length;
    this.texts.push(text);
    this.numbers = withRoomForInt32(this.numbers, code);
    this.numbers[code] = number;
    this.index.add(code, nameHash(text, gender));
  }
}
