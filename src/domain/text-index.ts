/**
 * The codes of a {@link TextDictionary}'s texts by text, for numbering texts as they are read: an
 * open-addressing table of codes on typed arrays, each text's hash kept by code. A Map of a million texts
 * took some 28 MB (three 8-byte slots an entry, and room for twice as many); this table takes 4 bytes a
 * slot and 4 a text: the five dictionaries of a million-payout audit's ingest held some 90 MB of Maps at
 * its memory peak.
 */

import { withRoomForInt32 } from './column.js';

/** The share of the slots filled before the table grows. */
const MAX_LOAD = 5 / 8;

/** A 32-bit FNV-1a hash of a text's UTF-16 code units. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

export class TextIndex {
  /** Per slot: a text's code, 0 for an empty slot (code 0 stands for null and is never indexed). */
  private slots: Int32Array;
  private mask: number;
  /** Per code: its text's hash. */
  private hashes: Int32Array = new Int32Array(1024);
  private size = 0;

  /** `texts[code]` is the text of each code the index is given (see add). */
  constructor(private readonly texts: readonly string[]) {
    this.slots = new Int32Array(1024);
    this.mask = 1023;
  }

  /** The code of `text` (of hash `hash`), 0 when it has none. */
  find(text: string, hash: number): number {
    for (let at = this.start(hash); ; at = (at + 1) & this.mask) {
      const code = this.slots[at] ?? 0;
      if (code === 0) return 0;
      if (this.hashes[code] === hash && this.texts[code] === text) return code;
    }
  }

  /** Indexes code `code` (≥ 1), whose text (of hash `hash`) has none yet. */
  add(code: number, hash: number): void {
    this.hashes = withRoomForInt32(this.hashes, code);
    this.hashes[code] = hash;
    if (this.size + 1 > this.slots.length * MAX_LOAD) this.grow();
    this.place(code, hash);
    this.size++;
  }

  private start(hash: number): number {
    // The low bits of FNV-1a mix poorly on their own: fold the high half in.
    return (hash ^ (hash >>> 16)) & this.mask;
  }

  private place(code: number, hash: number): void {
    let at = this.start(hash);
    while ((this.slots[at] ?? 0) !== 0) at = (at + 1) & this.mask;
    this.slots[at] = code;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length - 1;
    for (const code of old) if (code !== 0) this.place(code, this.hashes[code] ?? 0);
  }
}
