import path from 'node:path';
import { AppError, fileSystemReason, type RawRow } from '../domain/index.js';
import { detectSpreadsheetFormat, openXlsx } from './xlsx/index.js';
import { csvRows, detectCsvDelimiter } from './csv-rows.js';
import type { FileFormat } from './types.js';

/** A file opened for reading, sheet by sheet; a CSV file is one sheet named after the file. */
export interface RowSource {
  readonly format: FileFormat;
  readonly sheets: readonly string[];
  /** True when the reader leaves out empty rows, so a jump in row numbers means blank rows (xlsx, not CSV, whose records may span lines). */
  readonly omitsBlankRows: boolean;
  rows(sheet: string): AsyncIterable<RawRow>;
  /** The same rows in batches: a large sheet is read without an asynchronous step per row. */
  rowBatches(sheet: string): AsyncIterable<readonly RawRow[]>;
  close(): Promise<void>;
}

/** Extensions under which a text file is read as CSV (communes sometimes rename a CSV export to .xlsx). */
const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv', '.xlsx', '']);

/**
 * Opens an .xlsx or .csv file for streaming. Anything else (xls, ods, xlsb, password-protected
 * or unrecognised) is refused by openXlsx with UNSUPPORTED_FORMAT naming the file.
 */
export async function openSource(filePath: string): Promise<RowSource> {
  const file = path.basename(filePath);
  let format: Awaited<ReturnType<typeof detectSpreadsheetFormat>>;
  try {
    format = await detectSpreadsheetFormat(filePath);
  } catch (error) {
    throw asAppError(error, file);
  }
  const ext = path.extname(filePath).toLowerCase();
  if (format === 'csv' && !TEXT_EXTENSIONS.has(ext)) {
    throw new AppError('UNSUPPORTED_FORMAT', `tệp "${ext || '(không có đuôi)'}" không phải bảng tính .xlsx hay .csv; hãy lưu danh sách dưới dạng .xlsx hoặc .csv (UTF-8)`, { file });
  }
  if (format === 'csv' || (format === 'unknown' && (ext === '.csv' || ext === '.txt'))) {
    const delimiter = await detectCsvDelimiter(filePath);
    const sheet = path.basename(filePath, path.extname(filePath));
    return {
      format: 'csv',
      sheets: [sheet],
      omitsBlankRows: false,
      rows: () => csvRows(filePath, delimiter),
      rowBatches: () => inBatches(csvRows(filePath, delimiter), CSV_BATCH),
      close: async () => {},
    };
  }
  // openXlsx refuses xls, ods, xlsb, encrypted and unknown files with its own Vietnamese explanation.
  try {
    const workbook = await openXlsx(filePath);
    return {
      format: 'xlsx',
      sheets: workbook.sheets.map((s) => s.name),
      omitsBlankRows: true,
      rows: (sheet) => workbook.rows(sheet, { fillMerged: true }),
      rowBatches: (sheet) => workbook.rowBatches(sheet, { fillMerged: true }),
      close: () => workbook.close(),
    };
  } catch (error) {
    throw asAppError(error, file);
  }
}

/** CSV rows per batch. */
const CSV_BATCH = 500;

async function* inBatches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Errors keep their code; ones that do not name the file get it added. */
function asAppError(error: unknown, file: string): AppError {
  if (error instanceof AppError) {
    if (error.location?.file !== undefined) return error;
    return new AppError(error.code, error.message, { ...error.location, file }, { cause: error });
  }
  const reason = fileSystemReason(error) ?? 'không đọc được tệp (tệp hỏng hoặc không phải bảng tính)';
  return new AppError('UNREADABLE_FILE', reason, { file }, { cause: error });
}
