import type { MergeRange, RawRow } from '../../domain/index.js';

/** A sheet of a workbook, in workbook order. */
export interface XlsxSheetInfo {
  readonly name: string;
  readonly index: number; // 0-based, workbook order
  readonly state: 'visible' | 'hidden' | 'veryHidden';
}

export interface XlsxRowsOptions {
  /** Copy the top-left value of each merged range into every cell of the range (default true). */
  readonly fillMerged?: boolean;
}

/**
 * A workbook opened for streaming. Rows come one at a time in sheet order; the workbook is never
 * held in memory. Values are as exceljs reports them (formula → cached result, rich text → text,
 * hyperlink → text, date-styled numbers → Date honouring the 1904 date system, errors → {error}).
 */
export interface XlsxWorkbook {
  readonly sheets: readonly XlsxSheetInfo[];
  rows(sheetName: string, options?: XlsxRowsOptions): AsyncIterable<RawRow>;
  /** The same rows in the batches they are scanned in (one per inflated chunk; some may be empty). */
  rowBatches(sheetName: string, options?: XlsxRowsOptions): AsyncIterable<RawRow[]>;
  merges(sheetName: string): Promise<readonly MergeRange[]>;
  close(): Promise<void>;
}
