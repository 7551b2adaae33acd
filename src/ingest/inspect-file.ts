import path from 'node:path';
import type { PersonRecord } from '../domain/index.js';
import { planFile } from './plan-file.js';
import { readRecords } from './read-records.js';
import type { FileStats, IngestOptions, InspectReport } from './types.js';

/**
 * What ingesting a file would do, without storing anything: per sheet the plan (header rows,
 * mapping, context), the counts of data, skipped (by reason) and rejected rows, and the first
 * `sampleRows` records (default 5) as they would be stored. Reads the whole file, streaming.
 */
export async function inspectFile(filePath: string, options: IngestOptions & { sampleRows?: number }): Promise<InspectReport> {
  const sampleRows = Math.max(0, options.sampleRows ?? 5);
  const plan = await planFile(filePath, options);
  const samples = new Map<string, PersonRecord[]>();
  const generator = readRecords(filePath, options, plan);
  let stats: FileStats;
  for (;;) {
    const step = await generator.next();
    if (step.done) {
      stats = step.value;
      break;
    }
    for (const record of step.value) {
      const list = samples.get(record.sheet) ?? [];
      if (list.length < sampleRows) list.push(record);
      samples.set(record.sheet, list);
    }
  }
  return {
    file: path.basename(filePath),
    format: plan.format,
    sheets: plan.sheets.map((p) => ({
      plan: p,
      stats: stats.sheets.find((s) => s.sheet === p.sheet) ?? null,
      samples: samples.get(p.sheet) ?? [],
    })),
    rowsRead: stats.rowsRead,
    rowsSkipped: stats.rowsSkipped,
    rowsRejected: stats.rowsRejected,
  };
}
