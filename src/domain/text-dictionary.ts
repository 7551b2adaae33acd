/**
 * Texts numbered once for many lists: the same person's name, name key and ID are read from the approved
 * list, the payout list and the registers, each time as a new string. Held through one dictionary per field,
 * a million-payout audit keeps each once (at 100,000 payouts: 252,000 name strings, 92,000 distinct).
 */
export class TextDictionary {
  /** Code → text; code 0 stands for null. */
  private readonly texts: string[] = [''];
  private index: Map<string, number> | null = new Map();

  /** The text's code, numbering it if it is new. */
  code(text: string): number {
    const index = this.index ?? this.reindex();
    let code = index.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.texts.push(text);
      index.set(text, code);
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
  }

  private reindex(): Map<string, number> {
    const index = new Map<string, number>();
    for (let code = 1; code < this.texts.length; code++) index.set(this.texts[code] as string, code);
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
export class DictionaryColumn {
  private codes: Int32Array | null = null;
  private others: Map<number, unknown> | null = null;
  private length = 0;

  constructor(private readonly dictionary: TextDictionary) {}

  push(value: unknown): void {
    let code = 0;
    if (typeof value === 'string') code = this.dictionary.code(value);
    else if (value !== null && value !== undefined) (this.others ??= new Map()).set(this.length, value);
    let codes = this.codes;
    if (codes === null) {
      if (code === 0) {
        this.length++;
        return;
      }
      codes = this.codes = new Int32Array(Math.max(256, this.length * 2));
    } else if (this.length === codes.length) {
      const grown = new Int32Array(codes.length * 2);
      grown.set(codes);
      codes = this.codes = grown;
    }
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
