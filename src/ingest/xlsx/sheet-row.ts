/**
 * Row objects for the streaming reader, created without object or array literals on purpose. A literal has a V8
 * allocation site, and V8 decides once per site, at the first young-generation GC that sees enough of its objects,
 * whether to allocate them directly in the old generation ("pretenuring"). When that GC happens while the first
 * batch of a sheet is still alive (a full young generation after the shared strings, a slow consumer), the
 * survival ratio is ~100% and every later row goes to the old generation: the whole read then runs about 1.5×
 * slower with twice the memory (seen as sporadic 4–5 s reads of the 1M-row bench instead of 2.7 s, and
 * reproducible with `node --trace-pretenuring-statistics` whenever rows are held a moment).
 * Constructor calls and Array.prototype.slice have no allocation site, so their objects are never pretenured.
 */
import type { CellValue, RawRow } from '../../domain/index.js';

class SheetRow implements RawRow {
  constructor(
    readonly row: number,
    readonly cells: CellValue[],
  ) {}
}

const NO_CELLS: readonly CellValue[] = [];

/** A row of the reader (a plain `{ row, cells }` to every consumer). */
export function sheetRow(row: number, cells: CellValue[]): RawRow {
  return new SheetRow(row, cells);
}

/** A new, empty cell array. */
export function newCells(): CellValue[] {
  return NO_CELLS.slice();
}

/** A copy of a row's cells, to fill merged cells into. */
export function copyCells(cells: readonly CellValue[]): CellValue[] {
  return cells.slice();
}
