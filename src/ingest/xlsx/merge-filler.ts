/**
 * Copies the top-left value of every merged range into all its cells while rows stream past, so that a
 * commune name merged down twenty rows reads as twenty rows of that commune. Rows inside a merged range
 * that have no cells of their own are produced too, when the range has a value to copy.
 */
import type { CellValue, MergeRange, RawRow } from '../../domain/index.js';
import { copyCells, newCells, sheetRow } from './sheet-row.js';

interface ActiveMerge {
  readonly range: MergeRange;
  readonly value: CellValue;
}

export class MergeFiller {
  private readonly pending: MergeRange[];
  private next = 0;
  private active: ActiveMerge[] = [];
  private lastRow = 0;

  constructor(merges: readonly MergeRange[]) {
    this.pending = [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
  }

  /** True once every range has been passed: no row can change any more, so rows may skip the filler. */
  get exhausted(): boolean {
    return this.next >= this.pending.length && this.active.length === 0;
  }

  /** Rows strictly between the previous row and `rowNumber` that a merged range fills; call before {@link apply}. */
  gapRows(rowNumber: number): RawRow[] {
    const rows: RawRow[] = [];
    // Ranges whose top-left row is missing have no value: they only blank their cells.
    this.activate(rowNumber - 1, undefined);
    let maxBottom = 0;
    for (const m of this.active) if (m.value !== null && m.range.bottom > maxBottom) maxBottom = m.range.bottom;
    const last = Math.min(rowNumber - 1, maxBottom);
    for (let r = this.lastRow + 1; r <= last; r++) {
      const cells = newCells();
      for (const m of this.active) if (m.value !== null && m.range.top < r && r <= m.range.bottom) this.fill(cells, m, r);
      if (cells.some((v) => v !== null)) rows.push(sheetRow(r, cells));
    }
    if (rowNumber - 1 > this.lastRow) this.lastRow = rowNumber - 1;
    return rows;
  }

  /** Fills the merged cells of a streamed row (returns a new row when something changed). */
  apply(row: RawRow): RawRow {
    this.activate(row.row, row);
    this.lastRow = Math.max(this.lastRow, row.row);
    if (this.active.length === 0) return row;
    this.active = this.active.filter((m) => m.range.bottom >= row.row);
    let cells: CellValue[] | undefined;
    for (const m of this.active) {
      if (m.range.top > row.row) continue;
      cells ??= copyCells(row.cells);
      this.fill(cells, m, row.row);
    }
    return cells ? sheetRow(row.row, cells) : row;
  }

  /** Rows after the last streamed row that merged ranges still cover. */
  trailingRows(): RawRow[] {
    let maxBottom = 0;
    for (const m of this.active) if (m.value !== null && m.range.bottom > maxBottom) maxBottom = m.range.bottom;
    return this.gapRows(maxBottom + 1);
  }

  private activate(upTo: number, row: RawRow | undefined): void {
    for (; this.next < this.pending.length; this.next++) {
      const range = this.pending[this.next];
      if (!range || range.top > upTo) break;
      const value = row && row.row === range.top ? (row.cells[range.left - 1] ?? null) : null;
      this.active.push({ range, value });
    }
  }

  private fill(cells: CellValue[], m: ActiveMerge, rowNumber: number): void {
    const { top, left, right } = m.range;
    for (let c = left - 1; c < right; c++) {
      if (rowNumber === top && c === left - 1) continue;
      if (m.value === null && c >= cells.length) break;
      while (cells.length < c) cells.push(null);
      cells[c] = m.value;
    }
  }
}
