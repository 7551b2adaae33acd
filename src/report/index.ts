export type { PostingListInput, PostingRow, ReportFinding, ReportInput, ReviewProblem, ReviewRow } from './types.js';
export { writeFindingsWorkbook } from './write-findings-workbook.js';
export { readReviewWorkbook } from './read-review-workbook.js';
export { writePostingList } from './write-posting-list.js';
export { maskId } from './mask-id.js';
export { safeText } from './safe-text.js';
export { FINDINGS_SHEET_NAMES, FINDING_HEADERS } from './labels.js';
