/**
 * The row tokenizer of the streaming reader: it scans the inflated bytes of a worksheet part with byte loops and
 * comparisons (no XML library, no per-character strings) and turns each `<row>` into a RawRow whose
 * values match what exceljs reports for the same cells.
 */
import type { CellValue, RawRow } from '../../domain/index.js';
import { collectText, findByte, findSeq, findTagEnd, GT, isNameEnd, LT, matchName, parseIndex, QUOTE, SLASH, textTags, type TextTags } from './byte-scan.js';
import { isSpace, newCellStart, readCellStart, readPlainCellStart, type CellStart } from './cell-start.js';
import { CellType, cellValue, type CellDecoding } from './cell-value.js';
import { newCells, sheetRow } from './sheet-row.js';
import { detectPrefix } from './xml-text.js';

export type { CellDecoding } from './cell-value.js';

interface SheetTags {
  readonly sheetData: Uint8Array;
  readonly sheetDataClose: Uint8Array;
  readonly row: Uint8Array;
  readonly rowClose: Uint8Array;
  readonly c: Uint8Array;
  readonly v: Uint8Array;
  readonly f: Uint8Array;
  readonly fClose: Uint8Array;
  readonly is: Uint8Array;
  readonly isClose: Uint8Array;
  readonly text: TextTags;
  /** Unprefixed markup: enables the fast path for the `<v>…</v></c>` shape that nearly every cell has. */
  readonly plain: boolean;
}

function sheetTags(prefix: string): SheetTags {
  const b = (s: string): Uint8Array => Buffer.from(s);
  return {
    sheetData: b(`<${prefix}sheetData`),
    sheetDataClose: b(`</${prefix}sheetData>`),
    row: b(`${prefix}row`),
    rowClose: b(`</${prefix}row>`),
    c: b(`${prefix}c`),
    v: b(`${prefix}v`),
    f: b(`${prefix}f`),
    fClose: b(`</${prefix}f>`),
    is: b(`${prefix}is`),
    isClose: b(`</${prefix}is>`),
    text: textTags(prefix),
    plain: prefix === '',
  };
}

/**
 * Incremental worksheet scanner: feed it the inflated chunks in order with {@link push}; it appends every
 * complete row with at least one non-empty cell to `out`. Bytes after `</sheetData>` are ignored.
 */
export class SheetScanner {
  private readonly decoding: CellDecoding;
  private tags: SheetTags | undefined;
  private carry: Buffer | undefined;
  private started = false;
  private finished = false;
  private lastRow = 0;
  /** Column of the last cell scanned, for the next cell when it has no `r`. */
  private lastColumn = -1;
  /** The attributes of the cell being scanned, reused for every cell. */
  private readonly start: CellStart = newCellStart();

  constructor(decoding: CellDecoding) {
    this.decoding = decoding;
  }

  /** True once `</sheetData>` has been seen: the caller may stop inflating. */
  get done(): boolean {
    return this.finished;
  }

  push(chunk: Buffer, out: RawRow[]): void {
    if (this.finished) return;
    const tags = this.tags;
    const carry = this.carry;
    this.carry = undefined;
    if (!this.started || !tags || !carry) {
      const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
      let pos = 0;
      if (!this.started) {
        pos = this.findSheetData(buf);
        if (pos < 0) return;
      }
      this.process(buf, pos, out);
      return;
    }
    // Complete the row cut at the end of the previous chunk with a small copy instead of joining whole chunks.
    const close = chunk.indexOf(tags.rowClose);
    if (close < 0) {
      this.process(Buffer.concat([carry, chunk]), 0, out);
      return;
    }
    const headEnd = close + tags.rowClose.length;
    this.process(Buffer.concat([carry, chunk.subarray(0, headEnd)]), 0, out);
    if (!this.finished) this.process(chunk, headEnd, out);
  }

  /** Scans the complete rows of `buf` from `pos` and keeps the unfinished tail for the next chunk. */
  private process(buf: Buffer, pos: number, out: RawRow[]): void {
    const tags = this.tags;
    if (!tags || this.finished) return;
    const lastRowClose = buf.lastIndexOf(tags.rowClose);
    const endData = buf.indexOf(tags.sheetDataClose, Math.max(pos, lastRowClose));
    let limit: number;
    if (endData >= 0) {
      limit = endData;
      this.finished = true;
    } else {
      limit = lastRowClose < pos ? pos : lastRowClose + tags.rowClose.length;
    }
    this.scan(buf, pos, limit, tags, out);
    // Copy the unfinished tail so that it does not pin the whole previous chunk in memory.
    if (!this.finished && limit < buf.length) this.carry = Buffer.from(buf.subarray(limit));
  }

  /** Flushes whatever is left (a sheet whose `</sheetData>` is missing). */
  finish(out: RawRow[]): void {
    const tags = this.tags;
    if (this.finished || !this.started || !tags || !this.carry) return;
    this.scan(this.carry, 0, this.carry.length, tags, out);
    this.carry = undefined;
    this.finished = true;
  }

  /** Locates `<sheetData>`; returns the index just after it or -1 (and keeps the bytes for the next chunk). */
  private findSheetData(buf: Buffer): number {
    if (!this.tags) {
      const prefix = detectPrefix(buf.toString('latin1', 0, Math.min(buf.length, 8192)), 'worksheet');
      if (prefix === undefined && buf.length < 65536) {
        this.carry = buf;
        return -1;
      }
      this.tags = sheetTags(prefix ?? '');
    }
    const tags = this.tags;
    let at = buf.indexOf(tags.sheetData);
    while (at >= 0 && !isNameEnd(buf[at + tags.sheetData.length])) at = buf.indexOf(tags.sheetData, at + 1);
    if (at < 0) {
      this.carry = Buffer.from(buf.subarray(Math.max(0, buf.length - tags.sheetData.length)));
      return -1;
    }
    const tagEnd = findTagEnd(buf, at + tags.sheetData.length, buf.length);
    if (tagEnd < 0) {
      this.carry = Buffer.from(buf.subarray(at));
      return -1;
    }
    this.started = true;
    if (buf[tagEnd - 1] === SLASH) this.finished = true; // <sheetData/>: an empty sheet
    return tagEnd + 1;
  }

  private scan(buf: Buffer, start: number, limit: number, tags: SheetTags, out: RawRow[]): void {
    let i = start;
    while (i < limit) {
      const lt = findByte(buf, LT, i, limit);
      if (lt < 0) return;
      i = matchName(buf, lt + 1, tags.row) ? this.scanRow(buf, lt + 1 + tags.row.length, limit, tags, out) : lt + 1;
    }
  }

  /** Scans one row starting at its attributes; returns the index after `</row>`. */
  private scanRow(buf: Buffer, attrStart: number, limit: number, tags: SheetTags, out: RawRow[]): number {
    const tagEnd = findTagEnd(buf, attrStart, limit);
    if (tagEnd < 0) return limit;
    let rowNumber = 0;
    let p = attrStart;
    // Fast path: nearly every writer puts r="digits" first; the other attributes (spans, ht…) are not needed.
    if (buf[p] === 0x20 && buf[p + 1] === 0x72 && buf[p + 2] === 0x3d && buf[p + 3] === QUOTE) {
      let q = p + 4;
      let d = buf[q] ?? 0;
      for (; d >= 0x30 && d <= 0x39; d = buf[++q] ?? 0) rowNumber = rowNumber * 10 + (d - 0x30);
      if (d === QUOTE && q > p + 4 && q < tagEnd) p = tagEnd;
      else rowNumber = 0;
    }
    while (p < tagEnd) {
      while (isSpace(buf[p])) p++;
      const nameStart = p;
      while (p < tagEnd && buf[p] !== 0x3d && !isSpace(buf[p])) p++;
      const nameEnd = p;
      const eq = findByte(buf, 0x3d, p, tagEnd);
      if (eq < 0) break;
      let q = eq + 1;
      while (isSpace(buf[q])) q++;
      const quote = buf[q] ?? 0;
      const valueEnd = findByte(buf, quote, q + 1, tagEnd);
      if (valueEnd < 0) break;
      if (nameEnd - nameStart === 1 && buf[nameStart] === 0x72 /* r */) rowNumber = parseIndex(buf, q + 1, valueEnd);
      p = valueEnd + 1;
    }
    if (!(rowNumber > 0)) rowNumber = this.lastRow + 1;
    this.lastRow = rowNumber;
    if (buf[tagEnd - 1] === SLASH) return tagEnd + 1;

    const cells = newCells();
    let column = -1;
    let i = tagEnd + 1;
    while (i < limit) {
      const lt = findByte(buf, LT, i, limit);
      if (lt < 0) { i = limit; break; }
      if (buf[lt + 1] === SLASH) {
        if (matchName(buf, lt + 2, tags.row)) { const gt = findByte(buf, GT, lt + 2 + tags.row.length, limit); i = gt < 0 ? limit : gt + 1; break; }
        i = lt + 2;
        continue;
      }
      if (!matchName(buf, lt + 1, tags.c)) { i = lt + 1; continue; }
      i = this.scanCell(buf, lt + 1 + tags.c.length, limit, tags, cells, column);
      column = this.lastColumn;
    }
    // Only non-empty values are stored (padding comes before them), so a non-empty array has a value.
    if (cells.length > 0) out.push(sheetRow(rowNumber, cells));
    return i;
  }

  /** Scans one `<c>` from its attributes; stores its value in `cells`; returns the index after the cell. */
  private scanCell(buf: Buffer, attrStart: number, limit: number, tags: SheetTags, cells: CellValue[], previousColumn: number): number {
    const start = this.start;
    let tagEnd = tags.plain ? readPlainCellStart(buf, attrStart, limit, start) : -1;
    if (tagEnd < 0) {
      tagEnd = readCellStart(buf, attrStart, limit, start);
      if (tagEnd < 0) return limit;
    }
    const column = start.column < 0 ? previousColumn + 1 : start.column;
    const { style, type } = start;
    this.lastColumn = column;
    if (buf[tagEnd - 1] === SLASH) return tagEnd + 1;

    let vStart = -1;
    let vEnd = -1;
    let inline: string | undefined;
    let i = tagEnd + 1;
    if (tags.plain && buf[i] === LT && buf[i + 1] === 0x76 && buf[i + 2] === GT) {
      // Fast path: `<v>…</v></c>`.
      const end = findByte(buf, LT, i + 3, limit);
      if (
        end > 0 && buf[end + 1] === SLASH && buf[end + 2] === 0x76 && buf[end + 3] === GT &&
        buf[end + 4] === LT && buf[end + 5] === SLASH && buf[end + 6] === 0x63 && buf[end + 7] === GT
      ) {
        if (end > i + 3 && type === CellType.Shared) {
          // The commonest cell of all, a shared string, without the general conversion.
          const value = this.decoding.sharedStrings[parseIndex(buf, i + 3, end)];
          if (value !== undefined) {
            while (cells.length < column) cells.push(null);
            cells[column] = value;
          }
          return end + 8;
        }
        return this.store(buf, i + 3, end, type, style, undefined, cells, column, end + 8);
      }
    }
    while (i < limit) {
      const lt = findByte(buf, LT, i, limit);
      if (lt < 0) { i = limit; break; }
      const at = lt + 1;
      if (buf[at] === SLASH) {
        if (matchName(buf, at + 1, tags.c)) { const gt = findByte(buf, GT, at, limit); i = gt < 0 ? limit : gt + 1; break; }
        i = at + 1;
      } else if (matchName(buf, at, tags.v)) {
        const end = findTagEnd(buf, at + tags.v.length, limit);
        if (end < 0) { i = limit; break; }
        if (buf[end - 1] === SLASH) { i = end + 1; continue; }
        vStart = end + 1;
        vEnd = findByte(buf, LT, vStart, limit);
        if (vEnd < 0) { i = limit; break; }
        i = vEnd;
      } else if (matchName(buf, at, tags.f)) {
        const end = findTagEnd(buf, at + tags.f.length, limit);
        if (end < 0) { i = limit; break; }
        if (buf[end - 1] === SLASH) { i = end + 1; continue; }
        const close = findSeq(buf, tags.fClose, end + 1, limit);
        i = close < 0 ? limit : close + tags.fClose.length;
      } else if (matchName(buf, at, tags.is)) {
        const end = findTagEnd(buf, at + tags.is.length, limit);
        if (end < 0) { i = limit; break; }
        if (buf[end - 1] === SLASH) { i = end + 1; continue; }
        const close = findSeq(buf, tags.isClose, end + 1, limit);
        if (close < 0) { i = limit; break; }
        inline = collectText(buf, end + 1, close, tags.text);
        i = close + tags.isClose.length;
      } else {
        i = at;
      }
    }

    return this.store(buf, vStart, vEnd, type, style, inline, cells, column, i);
  }

  /** Converts the raw value of a cell and stores it at `column`; returns `next`. */
  private store(buf: Buffer, vStart: number, vEnd: number, type: CellType, style: number, inline: string | undefined, cells: CellValue[], column: number, next: number): number {
    const value = cellValue(buf, vStart, vEnd, type, style, inline, this.decoding);
    if (value !== null) {
      while (cells.length < column) cells.push(null);
      cells[column] = value;
    }
    return next;
  }
}
