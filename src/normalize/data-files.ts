import { readFileSync } from 'node:fs';
import { AppError } from '../domain/index.js';

/**
 * Reads one of the CSV files shipped in src/data (no quoting in them: plain `,`-separated values with a
 * header row) as records keyed by the header.
 */
export function readDataCsv(fileName: string): Record<string, string>[] {
  const url = new URL(`../data/${fileName}`, import.meta.url);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch (cause) {
    throw new AppError('INTERNAL', `Không đọc được tệp dữ liệu "${fileName}" của chương trình.`, { file: fileName }, { cause });
  }
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l !== '');
  const header = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      record[name] = cells[i] ?? '';
    });
    return record;
  });
}
