import type { Row, Worksheet } from 'exceljs';

/** Points per text line of an 11-pt font, and characters per unit of column width (Times New Roman is narrow). */
const LINE_POINTS = 15;
const CHARS_PER_WIDTH_UNIT = 1.15;
const DEFAULT_WIDTH = 9;

/**
 * Sets a row's height to fit its wrapped text. Neither LibreOffice nor every Excel version fits row
 * heights of generated files on opening, and wrapped text in a default-height row overlaps the next
 * row; so the height is estimated from the text length and the column widths.
 * @example fitRowHeight(sheet, row) // a 3-line explanation → row.height = 45
 */
export function fitRowHeight(sheet: Worksheet, row: Row, fontScale = 1): void {
  let lines = 1;
  row.eachCell((cell, column) => {
    if (cell.alignment?.wrapText !== true || typeof cell.value !== 'string') return;
    const width = sheet.getColumn(column).width ?? DEFAULT_WIDTH;
    const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH_UNIT));
    const cellLines = cell.value.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, cellLines);
  });
  if (lines > 1) row.height = Math.min(409, Math.ceil(lines * LINE_POINTS * fontScale) + 2);
}
