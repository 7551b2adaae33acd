/**
 * Spreadsheet ingestion: .xlsx and .csv commune lists → normalised PersonRecords, with header
 * detection, column mapping, skipped-row accounting and an `inspect` report.
 */
export { planFile } from './plan-file.js';
export { readRecords } from './read-records.js';
export { readBatchesInWorker, readRecordsInWorker } from './read-records-in-worker.js';
export { ReaderThread, type FileRead } from './reader-thread.js';
export type { BatchEncoderFactory, EncodedBatch } from './worker-messages.js';
export { inspectFile } from './inspect-file.js';
export { noDataRowsError } from './no-data-rows.js';
export { formatInspectReport, SKIP_REASON_LABELS } from './format-inspect-report.js';
export { HEADER_VOCABULARY, matchHeader } from './header-vocabulary.js';
export { SKIP_REASONS } from './types.js';
export type {
  ColumnInfo,
  ExplicitMapping,
  FileFormat,
  FilePlan,
  FileStats,
  IngestOptions,
  IngestProblem,
  InspectReport,
  InspectSheet,
  SheetContext,
  SheetPlan,
  SheetStats,
  SkipReason,
} from './types.js';
