export { auditFiles, type AuditFilesInput, type AuditFilesResult } from './audit-files.js';
export { sha256File } from './file-hash.js';
export {
  buildFindingsDocument,
  summarize,
  type CheckTiming,
  type FindingsDocument,
  type FindingsSummary,
} from './findings-document.js';
export { ingestUpload, type IngestUploadInput, type IngestUploadResult } from './ingest-upload.js';
export { partitionRecords, runAudit, type RunAuditResult } from './run-audit.js';
export { writeAuditReport } from './audit-report.js';
export { evaluateSamples, loadAnswerKey, scoreFindings, scoreTraps, type AnswerKey, type RuleScore, type TrapResult } from './evaluate.js';
export { importReview, type ImportReviewResult } from './import-review.js';
export { writeCommunePostingList } from './posting-list.js';
export { findingsDocumentFromStore, latestDoneRun, writeReportFromStore } from './report-from-store.js';
