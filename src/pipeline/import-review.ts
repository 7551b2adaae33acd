import path from 'node:path';
import { AppError } from '../domain/index.js';
import { readReviewWorkbook, type ReviewProblem } from '../report/index.js';
import { applyReviews, getFinding, type Db } from '../store/index.js';

export interface ImportReviewResult {
  readonly applied: number;
  readonly unchanged: number;
  readonly problems: readonly ReviewProblem[];
}

/**
 * Applies the statuses and notes of an edited findings workbook to the audit's findings, recording
 * who and when. Any bad row (unknown id, invalid status) refuses the whole file: nothing is applied.
 */
export async function importReview(db: Db, args: { auditId: number; file: string; reviewer: string }): Promise<ImportReviewResult> {
  const { rows, problems } = await readReviewWorkbook(args.file);
  const all: ReviewProblem[] = [...problems];
  const changes: { id: string; status: (typeof rows)[number]['status']; note: string | null }[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const finding = await getFinding(db, args.auditId, row.id);
    if (!finding) {
      all.push({ sheet: row.sheet, row: row.row, column: 'A', message: `không có phát hiện mã "${row.id}" trong cuộc kiểm tra này` });
      continue;
    }
    if (finding.status === row.status && (finding.note ?? null) === (row.note ?? null)) {
      unchanged += 1;
      continue;
    }
    changes.push({ id: row.id, status: row.status, note: row.note });
  }
  if (all.length > 0) return { applied: 0, unchanged, problems: all };
  if (rows.length === 0) {
    throw new AppError('BAD_INPUT', 'tệp không có dòng phát hiện nào để cập nhật', { file: path.basename(args.file) });
  }
  await applyReviews(db, args.auditId, changes, args.reviewer);
  return { applied: changes.length, unchanged, problems: [] };
}
