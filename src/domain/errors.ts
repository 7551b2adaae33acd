/** Error codes of the whole product; one table maps them to HTTP statuses and CLI exit codes. */
export const ERROR_CODES = {
  BAD_INPUT: { http: 400, exit: 2 },
  UNSUPPORTED_FORMAT: { http: 415, exit: 2 },
  UNREADABLE_FILE: { http: 422, exit: 2 },
  NO_HEADER: { http: 422, exit: 2 },
  NO_DATA_ROWS: { http: 422, exit: 2 },
  INVALID_MAPPING: { http: 422, exit: 2 },
  DUPLICATE_UPLOAD: { http: 409, exit: 3 },
  INVALID_RULES: { http: 500, exit: 4 },
  NOT_FOUND: { http: 404, exit: 5 },
  CONFLICT: { http: 409, exit: 3 },
  UNAUTHENTICATED: { http: 401, exit: 6 },
  FORBIDDEN: { http: 403, exit: 6 },
  TOO_LARGE: { http: 413, exit: 2 },
  INTERNAL: { http: 500, exit: 1 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Where in an input a problem is: every user-facing error about a file names these. */
export interface Location {
  readonly file?: string;
  readonly sheet?: string;
  readonly row?: number; // 1-based as Excel shows it
  readonly column?: string; // Excel letter ("C") or header text
}

/** Formats a location in Vietnamese: `tệp "a.xlsx", trang "Thôn 1", dòng 12, cột C`. */
export function formatLocation(loc: Location): string {
  const parts: string[] = [];
  if (loc.file !== undefined) parts.push(`tệp "${loc.file}"`);
  if (loc.sheet !== undefined) parts.push(`trang "${loc.sheet}"`);
  if (loc.row !== undefined) parts.push(`dòng ${loc.row}`);
  if (loc.column !== undefined) parts.push(`cột ${loc.column}`);
  return parts.join(', ');
}

/** The one error class: a code, a Vietnamese message for the user, and where it happened. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly location: Location | undefined;

  constructor(code: ErrorCode, message: string, location?: Location, options?: { cause?: unknown }) {
    const where = location ? formatLocation(location) : '';
    super(where ? `${where}: ${message}` : message, options);
    this.name = 'AppError';
    this.code = code;
    this.location = location;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }
}

/**
 * Why a file could not be opened, in Vietnamese, from the system's error code ("không tìm thấy tệp" for a
 * path that does not exist); null when the error is not the file system's (the content is at fault).
 */
export function fileSystemReason(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'không tìm thấy tệp';
  if (code === 'EISDIR') return 'đây là thư mục, không phải tệp';
  if (code === 'EACCES' || code === 'EPERM') return 'không có quyền đọc tệp';
  return null;
}
