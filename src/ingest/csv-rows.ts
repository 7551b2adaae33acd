import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import type { CellValue, RawRow } from '../domain/index.js';

export type CsvDelimiter = ',' | ';' | '\t';
const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];
const SAMPLE_BYTES = 64 * 1024;

/**
 * Picks the delimiter of a CSV file from its first lines: the candidate that splits the most lines
 * into the same number of fields as the first line (quotes respected). Excel in Vietnamese locale
 * writes ';', other tools ',' or tab.
 */
export async function detectCsvDelimiter(path: string): Promise<CsvDelimiter> {
  const handle = await open(path, 'r');
  let sample: string;
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    sample = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
  const lines = splitLines(sample).filter((l) => l.trim() !== '').slice(0, 20);
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const nonZero = counts.filter((c) => c > 0);
    if (nonZero.length === 0) continue;
    const modal = mode(nonZero);
    const score = counts.filter((c) => c === modal).length * 1000 + modal;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function splitLines(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) {
      out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current) out.push(current);
  return out;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let n = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) n++;
  }
  return n;
}

function mode(values: readonly number[]): number {
  const freq = new Map<number, number>();
  for (const v of values) freq.set(v, (freq.get(v) ?? 0) + 1);
  let best = values[0] ?? 0;
  let bestN = 0;
  for (const [v, n] of freq) {
    if (n > bestN || (n === bestN && v > best)) {
      best = v;
      bestN = n;
    }
  }
  return best;
}

/**
 * Streams a UTF-8 CSV file (BOM stripped) as rows numbered by the line each record starts on,
 * header = 1, so a quoted field spanning several lines does not shift the numbers after it.
 * Empty fields become null.
 */
export async function* csvRows(path: string, delimiter?: CsvDelimiter): AsyncGenerator<RawRow> {
  const sep = delimiter ?? (await detectCsvDelimiter(path));
  const parser = createReadStream(path).pipe(
    parse({ delimiter: sep, bom: true, raw: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  let line = 1;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const body = item.raw.replace(/(\r\n|\n|\r)$/, '');
      const breaks = body.match(/\r\n|\n|\r/g)?.length ?? 0;
      const cells: CellValue[] = item.record.map((v) => (v.trim() === '' ? null : v));
      yield { row: line, cells };
      line += 1 + breaks;
    }
  } finally {
    parser.destroy();
  }
}
