/** Streaming .xlsx reading: open a workbook, list its sheets, stream rows and merged ranges. */
export { openXlsx } from './open-xlsx.js';
export { detectSpreadsheetFormat, type SpreadsheetFormat } from './detect-spreadsheet-format.js';
export type { XlsxRowsOptions, XlsxSheetInfo, XlsxWorkbook } from './types.js';
