/**
 * Byte primitives shared by the sheet and shared-string scanners. They work on the inflated UTF-8 bytes
 * directly so that no per-character strings are built for markup.
 */
import { decodeXEscapes, textFromBytes } from './xml-text.js';

export const LT = 0x3c; // <
export const GT = 0x3e; // >
export const SLASH = 0x2f; // /
export const QUOTE = 0x22; // "
export const APOS = 0x27; // '
export const EQUALS = 0x3d; // =

const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * Index of byte `c` in [from, end), or -1. A plain loop: markup distances are tens of bytes, where a call
 * into the native Buffer#indexOf costs more than the scan itself.
 */
export function findByte(buf: Buffer, c: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (buf[i] === c) return i;
  return -1;
}

/** Index of the byte sequence `seq` in [from, end), or -1 (a JS loop for the same reason as {@link findByte}). */
export function findSeq(buf: Buffer, seq: Uint8Array, from: number, end: number): number {
  const first = seq[0];
  const n = seq.length;
  const last = end - n;
  outer: for (let i = from; i <= last; i++) {
    if (buf[i] !== first) continue;
    for (let k = 1; k < n; k++) if (buf[i + k] !== seq[k]) continue outer;
    return i;
  }
  return -1;
}

/** True when `c` ends an element name (whitespace, `>` or `/`). */
export function isNameEnd(c: number | undefined): boolean {
  return c === 0x20 || c === GT || c === SLASH || c === 0x0a || c === 0x09 || c === 0x0d || c === undefined;
}

/** True when `buf` holds exactly the element name `name` at `pos` (name followed by a delimiter). */
export function matchName(buf: Buffer, pos: number, name: Uint8Array): boolean {
  const n = name.length;
  for (let i = 0; i < n; i++) if (buf[pos + i] !== name[i]) return false;
  return isNameEnd(buf[pos + n]);
}

/** Index of the `>` closing the tag whose attributes start at `pos`, skipping quoted values; -1 if absent. */
export function findTagEnd(buf: Buffer, pos: number, end: number): number {
  let i = pos;
  while (i < end) {
    const c = buf[i];
    if (c === GT) return i;
    if (c === QUOTE || c === APOS) {
      const close = findByte(buf, c, i + 1, end);
      if (close < 0) return -1;
      i = close + 1;
    } else i++;
  }
  return -1;
}

/**
 * Parses a decimal number from ASCII bytes. Plain decimals of ≤15 digits are computed exactly (one correctly
 * rounded division equals what parseFloat returns); anything else goes through parseFloat, as exceljs does.
 */
export function parseNumber(buf: Buffer, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (buf[i] === 0x2d) { negative = true; i++; }
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (; i < end; i++) {
    const c = buf[i] ?? 0;
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (dot) scale++;
    } else if (c === 0x2e && !dot) dot = true;
    else break;
  }
  if (i === end && digits > 0 && digits <= 15) {
    const value = scale === 0 ? mantissa : mantissa / (POW10[scale] ?? 1);
    return negative ? -value : value;
  }
  return parseFloat(buf.toString('latin1', start, end));
}

/** Parses a non-negative integer (a shared-string index) from ASCII bytes, like parseInt(…, 10). */
export function parseIndex(buf: Buffer, start: number, end: number): number {
  let value = 0;
  let i = start;
  for (; i < end; i++) {
    const c = buf[i] ?? 0;
    if (c < 0x30 || c > 0x39) break;
    value = value * 10 + (c - 0x30);
  }
  return i === end && i > start ? value : parseInt(buf.toString('latin1', start, end), 10);
}

/** Element names (with the document's namespace prefix) used when collecting string text. */
export interface TextTags {
  readonly t: Uint8Array;
  readonly rPh: Uint8Array;
  readonly rPhClose: Uint8Array;
}

export function textTags(prefix: string): TextTags {
  return { t: Buffer.from(`${prefix}t`), rPh: Buffer.from(`${prefix}rPh`), rPhClose: Buffer.from(`</${prefix}rPh>`) };
}

/**
 * Collects the text of an inline string (`<is>` content between `start` and `end`): every `<t>`
 * directly or inside rich-text runs `<r>`, concatenated; phonetic runs `<rPh>` are skipped.
 * Returns undefined when no `<t>` had any text (exceljs then sees no value).
 */
export function collectText(buf: Buffer, start: number, end: number, tags: TextTags): string | undefined {
  let out: string | undefined;
  let i = start;
  while (i < end) {
    const lt = findByte(buf, LT, i, end);
    if (lt < 0) break;
    const nameAt = lt + 1;
    if (matchName(buf, nameAt, tags.t)) {
      const tagEnd = findTagEnd(buf, nameAt, end);
      if (tagEnd < 0) break;
      if (buf[tagEnd - 1] === SLASH) { i = tagEnd + 1; continue; }
      const close = findByte(buf, LT, tagEnd + 1, end);
      if (close < 0) break;
      if (close > tagEnd + 1) {
        const text = decodeXEscapes(textFromBytes(buf, tagEnd + 1, close));
        out = out === undefined ? text : out + text;
      }
      i = close + 1;
    } else if (matchName(buf, nameAt, tags.rPh)) {
      const tagEnd = findTagEnd(buf, nameAt, end);
      if (tagEnd < 0) break;
      if (buf[tagEnd - 1] === SLASH) { i = tagEnd + 1; continue; }
      const close = findSeq(buf, tags.rPhClose, tagEnd + 1, end);
      if (close < 0) break;
      i = close + tags.rPhClose.length;
    } else {
      i = nameAt;
    }
  }
  return out;
}
