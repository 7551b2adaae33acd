/**
 * Reads the attributes of a cell start tag (`<c r="B3" s="1" t="s">`): its column, style and type. A fast
 * reader handles the form nearly every writer emits; the general one handles any well-formed tag.
 */
import { findByte, GT, parseIndex, QUOTE, SLASH } from './byte-scan.js';
import { cellType, CellType } from './cell-value.js';

/** The attributes of one cell start tag, refilled for every cell (no allocation per cell). */
export interface CellStart {
  /** 0-based column from `r`, or -1 when `r` is absent or has no letters. */
  column: number;
  /** Cell style index from `s`, or -1. */
  style: number;
  type: CellType;
}

export function newCellStart(): CellStart {
  return { column: -1, style: -1, type: CellType.Number };
}

export function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** 0-based column of a cell reference such as `AB12`; -1 when it has no letters. */
export function columnOfRef(buf: Buffer, start: number, end: number): number {
  let col = 0;
  let i = start;
  for (; i < end; i++) {
    let c = buf[i] ?? 0;
    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 0x40);
  }
  return i === start ? -1 : col - 1;
}

/**
 * Reads the attributes from `pos` (just after `<c`) when they have the common form: only `r`, `s` and `t`,
 * each after a single space, double-quoted, `r` as upper-case letters and digits, `s` as digits. Returns the
 * index of the `>` ending the tag (for `/>`, of that `>` too), or -1 for any other form: the caller then uses
 * {@link readCellStart}, which gives the same result for this form.
 */
export function readPlainCellStart(buf: Buffer, pos: number, limit: number, out: CellStart): number {
  let column = -1;
  let style = -1;
  let type: CellType = CellType.Number;
  let p = pos;
  let c = buf[p];
  while (c === 0x20) {
    const name = buf[p + 1];
    if (buf[p + 2] !== 0x3d || buf[p + 3] !== QUOTE) return -1;
    let q = p + 4;
    let d = buf[q] ?? 0;
    if (name === 0x72) { // r
      let col = 0;
      for (; d >= 0x41 && d <= 0x5a; d = buf[++q] ?? 0) col = col * 26 + (d - 0x40);
      if (col === 0) return -1;
      while (d >= 0x30 && d <= 0x39) d = buf[++q] ?? 0;
      column = col - 1;
    } else if (name === 0x73) { // s
      const from = q;
      let value = 0;
      for (; d >= 0x30 && d <= 0x39; d = buf[++q] ?? 0) value = value * 10 + (d - 0x30);
      if (q === from) return -1;
      style = value;
    } else if (name === 0x74) { // t
      q = findByte(buf, QUOTE, q, limit);
      if (q < 0) return -1;
      type = cellType(buf, p + 4, q);
      d = QUOTE;
    } else return -1;
    if (d !== QUOTE || q >= limit) return -1;
    p = q + 1;
    c = buf[p];
  }
  if (c === SLASH && buf[p + 1] === GT) p++;
  else if (c !== GT || p >= limit) return -1;
  out.column = column;
  out.style = style;
  out.type = type;
  return p;
}

/**
 * Reads the attributes of any cell start tag from `pos` (just after `<c`): any spacing and quotes, unknown
 * attributes skipped. Returns the index of the `>` ending the tag, or -1 when the tag is cut off.
 */
export function readCellStart(buf: Buffer, pos: number, limit: number, out: CellStart): number {
  out.column = -1;
  out.style = -1;
  out.type = CellType.Number;
  let p = pos;
  for (;;) {
    while (isSpace(buf[p])) p++;
    const c = buf[p];
    if (c === GT || c === SLASH || c === undefined || p >= limit) return c === SLASH ? findByte(buf, GT, p, limit) : p;
    const nameStart = p;
    while (p < limit && buf[p] !== 0x3d && !isSpace(buf[p])) p++;
    const nameLength = p - nameStart;
    while (isSpace(buf[p])) p++;
    p++; // '='
    while (isSpace(buf[p])) p++;
    const quote = buf[p] ?? 0;
    const valueStart = p + 1;
    const valueEnd = findByte(buf, quote, valueStart, limit);
    if (valueEnd < 0) return -1;
    if (nameLength === 1) {
      const n = buf[nameStart];
      if (n === 0x72) out.column = columnOfRef(buf, valueStart, valueEnd); // r
      else if (n === 0x73) out.style = parseIndex(buf, valueStart, valueEnd); // s
      else if (n === 0x74) out.type = cellType(buf, valueStart, valueEnd); // t
    }
    p = valueEnd + 1;
  }
}
