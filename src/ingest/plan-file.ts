import path from 'node:path';
import { AppError, type RawRow } from '../domain/index.js';
import { NQ42_GROUP_LABELS } from '../normalize/index.js';
import { openSource, type RowSource } from './open-source.js';
import { PLAN_HEAD_ROWS, planSheet } from './plan-sheet.js';
import type { FilePlan, IngestOptions } from './types.js';

async function readHead(rows: AsyncIterable<RawRow>, limit: number): Promise<RawRow[]> {
  const head: RawRow[] = [];
  for await (const row of rows) {
    head.push(row);
    if (head.length >= limit) break;
  }
  return head;
}

/** Plans every sheet of an opened source; reads only the first rows of each. */
export async function planSource(source: RowSource, filePath: string, options: IngestOptions): Promise<FilePlan> {
  const file = path.basename(filePath);
  const groups = options.groups ?? NQ42_GROUP_LABELS;
  const sheets = [];
  for (const sheet of source.sheets) {
    let head: RawRow[];
    try {
      head = await readHead(source.rows(sheet), PLAN_HEAD_ROWS);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('UNREADABLE_FILE', 'không đọc được trang này', { file, sheet }, { cause: error });
    }
    sheets.push(planSheet({ file, sheet, head, groups, ...(options.mapping ? { mapping: options.mapping } : {}) }));
  }
  if (!sheets.some((s) => s.isDataSheet)) {
    const tried = source.sheets.map((s) => `"${s}"`).join(', ');
    throw new AppError(
      'NO_HEADER',
      `không tìm thấy dòng tiêu đề cột (Họ và tên, Số CMND/CCCD, Số tiền…) ở trang nào; đã thử: ${tried || '(không có trang)'}`,
      { file },
    );
  }
  return { format: source.format, sheets };
}

/**
 * Plans how each sheet of an .xlsx or .csv file will be read: header rows, first data row, column
 * mapping and context, reading only the first ~40 rows of each sheet. Throws NO_HEADER when no
 * sheet has a header, INVALID_MAPPING when an explicit mapping names a missing column.
 */
export async function planFile(filePath: string, options: IngestOptions): Promise<FilePlan> {
  const source = await openSource(filePath);
  try {
    return await planSource(source, filePath, options);
  } finally {
    await source.close();
  }
}
