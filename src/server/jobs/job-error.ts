import { AppError } from '../../domain/index.js';
import type { JobError } from '../../store/index.js';

/** A job's failure as stored and reported: the code, a Vietnamese message and where in the file. */
export function toJobError(error: unknown, file?: string): JobError {
  if (error instanceof AppError) {
    const loc = error.location ?? {};
    return {
      code: error.code,
      message: error.message,
      ...(loc.file ?? file ? { file: loc.file ?? file } : {}),
      ...(loc.sheet !== undefined ? { sheet: loc.sheet } : {}),
      ...(loc.row !== undefined ? { row: loc.row } : {}),
      ...(loc.column !== undefined ? { column: loc.column } : {}),
    };
  }
  return { code: 'INTERNAL', message: `lỗi không mong đợi khi xử lý: ${error instanceof Error ? error.message : String(error)}`, ...(file ? { file } : {}) };
}
