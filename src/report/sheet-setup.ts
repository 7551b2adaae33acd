import type { AddWorksheetOptions } from 'exceljs';
import { headerFooterText } from './sheet-table.js';

/** A4 paper in Excel's paperSize codes. */
export const A4 = 9;

/**
 * Options of a report sheet: printed on A4 fitted to the page width, the title rows repeated on every
 * page, the audit named in the page header and pages numbered in the footer; optionally the header row
 * frozen.
 */
export function sheetOptions(input: {
  orientation: 'landscape' | 'portrait';
  printTitlesRow?: string;
  freezeRows?: number;
  headerLeft: string;
  headerRight: string;
}): Partial<AddWorksheetOptions> {
  return {
    views:
      input.freezeRows === undefined
        ? [{ state: 'normal', showGridLines: false }]
        : [{ state: 'frozen', xSplit: 0, ySplit: input.freezeRows, topLeftCell: `A${input.freezeRows + 1}`, activeCell: `A${input.freezeRows + 1}` }],
    pageSetup: {
      paperSize: A4,
      orientation: input.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(input.printTitlesRow === undefined ? {} : { printTitlesRow: input.printTitlesRow }),
    },
    headerFooter: {
      oddHeader: `&L&"Times New Roman"&9${headerFooterText(input.headerLeft)}&R&"Times New Roman"&9${headerFooterText(input.headerRight)}`,
      oddFooter: '&C&"Times New Roman"&9Trang &P / &N',
    },
  };
}
