import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** Compressed bytes per row of a typical commune list (10–15 columns), measured on exceljs output. */
const XLSX_BYTES_PER_ROW = 40;
/** The package parts every workbook has (styles, workbook, content types). */
const XLSX_OVERHEAD_BYTES = 6_000;

/**
 * A cheap estimate of a file's data rows when no preview counted them (uploads through the API):
 * a CSV's line count, or an .xlsx's size over a typical row's compressed size. Only a progress bar's
 * denominator: the progress stays below 1 until the job is done whatever the estimate says.
 * @example await estimateRows('/tmp/chi-tra.csv') // 3001 for a header and 3000 rows
 */
export async function estimateRows(filePath: string): Promise<number> {
  if (/\.csv$/i.test(filePath)) return countLines(filePath);
  const { size } = await stat(filePath);
  return Math.max(1, Math.round((size - XLSX_OVERHEAD_BYTES) / XLSX_BYTES_PER_ROW));
}

async function countLines(filePath: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(filePath) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1] ?? last;
  }
  return Math.max(1, last === 0x0a ? lines : lines + 1);
}
