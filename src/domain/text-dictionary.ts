import { withRoomForInt32 } from './column.js';
import { TextIndex, textHash } from './text-index.js';

/**
 * Texts numbered once for many lists: the same person's name, name key and ID are read from the approved
 * list, the payout list and the registers, each time as a new string. Held through one dictionary per field,
 * a million-payout audit keeps each once (at 100,000 payouts: 252,000 name strings, 92,000 distinct).
 */
export class TextDictionary {
  /** Code → text; code 0 stands for null. */
  private readonly texts: string[] = [''];
  private index: TextIndex | null = new TextIndex(this.texts);
  /** By a leading dictionary's code, the code of this one's text that came with it last (see codeAfter). */
  private follow: Int32Array | null = null;

  /** The text's code, numbering it if it is new. */
  code(text: string): number {
    const index = this.index ?? this.reindex();
    const hash = textHash(text);
    let code = index.find(text, hash);
    if (code === 0) {
      code = this.texts.length;
      this.texts.push(text);
      index.add(code, hash);
    }
    return code;
  }

  /**
   * The text's code when it mostly comes with a text of another dictionary (a name's key with the name): the
   * code it came with last time `leaderCode` came is tried first, one comparison instead of a lookup in a
   * map of a million texts (those lookups were 9 s of a million-payout audit's ingest).
   */
  codeAfter(text: string, leaderCode: number): number {
    let follow = this.follow;
    if (follow !== null && leaderCode < follow.length) {
      const code = follow[leaderCode] ?? 0;
      if (code !== 0 && this.texts[code] === text) return code;
    }
    const code = this.code(text);
    if (leaderCode > 0) {
      if (follow === null || leaderCode >= follow.length) {
        const grown = new Int32Array(Math.max(1024, leaderCode * 2));
        if (follow !== null) grown.set(follow);
        follow = this.follow = grown;
      }
      follow[leaderCode] = code;
    }
    return code;
  }

  /** The text of a code (null for 0). */
  text(code: number): string | null {
    return code === 0 ? null : (this.texts[code] ?? null);
  }

  /** Texts are no longer numbered for now: the lookup is let go (rebuilt if a text comes after all). */
  close(): void {
    this.index = null;
    this.follow = null;
  }

  private reindex(): TextIndex {
    const index = new TextIndex(this.texts);
    for (let code = 1; code < this.texts.length; code++) index.add(code, textHash(this.texts[code] as string));
    this.index = index;
    return index;
  }
}

/**
 * One text field's values for the rows of a table, as codes of a {@link TextDictionary} the table may share
 * with others: 4 bytes a row and each distinct text once, instead of a slot and a string a row. Holds no
 * array while every value is null. A value that is not text (none of the store's text fields holds one) is
 * kept aside as it is.
 */
/** No codes yet: what a column grows its first codes from. */
const NO_CODES = new Int32Array(0);

export class DictionaryColumn {
  private codes: Int32Array | null = null;
  private others: Map<number, unknown> | null = null;
  private length = 0;
  // The last text pushed and its code: household codes and heads repeat from the row above.
  private lastText: string | null = null;
  private lastCode = 0;
  /** The code of the row pushed last (0: no text), for a column it leads. */
  private rowCode = 0;

  /**
   * `leader`: a column pushed before this one, row by row, whose texts mostly come with this one's (the name
   * for the name's key): this column's code is looked up after its code (see TextDictionary.codeAfter).
   */
  constructor(
    private readonly dictionary: TextDictionary,
    private readonly leader: DictionaryColumn | null = null,
  ) {}

  push(value: unknown): void {
    let code = 0;
    if (typeof value === 'string') {
      if (value === this.lastText) code = this.lastCode;
      else {
        code = this.leader === null ? this.dictionary.code(value) : this.dictionary.codeAfter(value, this.leader.rowCode);
        this.lastText = value;
        this.lastCode = code;
      }
    } else if (value !== null && value !== undefined) (this.others ??= new Map()).set(this.length, value);
    this.rowCode = code;
    let codes = this.codes;
    if (codes === null) {
      if (code === 0) {
        this.length++;
        return;
      }
      codes = this.codes = withRoomForInt32(NO_CODES, this.length);
    } else if (this.length === codes.length) codes = this.codes = withRoomForInt32(codes, this.length);
    codes[this.length++] = code;
  }

  get(i: number): unknown {
    const codes = this.codes;
    const code = codes === null ? 0 : (codes[i] as number);
    if (code !== 0) return this.dictionary.text(code);
    return this.others === null ? null : (this.others.get(i) ?? null);
  }

  /** Rows are no longer added for now: the spare room of the codes is let go. */
  seal(): void {
    if (this.codes !== null && this.codes.length > this.length) this.codes = this.codes.slice(0, this.length);
  }
}
