import type { CanonicalField, ColumnMapping, PersonRecord, Role } from '../domain/index.js';
import type { GroupVocabulary } from '../normalize/index.js';

/** One column of a sheet as the header detection saw it. */
export interface ColumnInfo {
  /** 0-based column index (0 = column A). */
  index: number;
  letter: string;
  /** Header text as written; parts of a multi-row header joined with " / " ("Năm sinh / Nam"). */
  header: string;
  field: CanonicalField | null;
}

/** What the rows above the header and the sheet name say about the whole sheet. */
export interface SheetContext {
  title: string | null;
  groupCode: string | null;
  communeHint: string | null;
  /** The unit type written before the commune hint ("XÃ"), so that "Xã Hiệp Hòa" is not taken for "Thị trấn Hiệp Hòa". */
  communeTypeHint?: string | null;
  districtHint: string | null;
  provinceHint: string | null;
  village: string | null;
}

/** How one sheet will be read: where its header is, where data starts, and which column is which field. */
export interface SheetPlan {
  sheet: string;
  /** 1-based row numbers of the header block (one to three rows). Empty when no header was found. */
  headerRows: number[];
  /** 1-based row of the first data row (after the header block and any column-number row). */
  dataStartRow: number;
  columns: ColumnInfo[];
  mapping: ColumnMapping;
  context: SheetContext;
  /** 0..1: how well the header row matched the vocabulary. */
  confidence: number;
  isDataSheet: boolean;
  /** Vietnamese: why the sheet is not a data sheet. */
  reason?: string;
  /**
   * The legacy encoding most text cells of the sheet's first rows are in (see detectDominantEncoding):
   * every cell of the sheet that may be legacy text is then converted, including the ones a single-cell
   * test cannot decide ("Hé kinh doanh" is both Unicode and TCVN3 for "Hộ kinh doanh"). Absent: Unicode.
   */
  legacy?: 'TCVN3' | 'VNI';
}

/**
 * Field → column letter ("C") or exact header text, or null/"" for "read this field from no column";
 * from CLI `--map field=C` (`--map field=` to ignore), a saved JSON mapping or the upload page.
 */
export type ExplicitMapping = Partial<Record<CanonicalField, string | null>>;

export interface IngestOptions {
  role: Role;
  mapping?: ExplicitMapping;
  groups?: GroupVocabulary[];
  defaultCommune?: string;
  defaultDistrict?: string;
  defaultProvince?: string;
  /** Records per yielded batch (default 500). */
  batchSize?: number;
  onProgress?: (rowsRead: number) => void;
}

export const SKIP_REASONS = ['blank', 'section', 'total', 'signature', 'repeated_header', 'note'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** A row-level problem, in Vietnamese, with where it is. */
export interface IngestProblem {
  sheet: string;
  row: number;
  column: string | null;
  message: string;
}

export interface SheetStats {
  sheet: string;
  headerRow: number | null;
  /** Records produced (data rows kept). */
  rowsRead: number;
  /** Non-data rows after the header, by reason (see `skipped`). */
  rowsSkipped: number;
  /** Rows with data but no name and no ID (see `problems`). */
  rowsRejected: number;
  skipped: Record<SkipReason, number>;
  problems: IngestProblem[];
}

export interface FileStats {
  file: string;
  sheets: SheetStats[];
  rowsRead: number;
  rowsSkipped: number;
  rowsRejected: number;
  /** Sheet name → mapping actually used (field → 0-based column index). */
  mapping: Record<string, ColumnMapping>;
}

export type FileFormat = 'xlsx' | 'csv';

export interface FilePlan {
  format: FileFormat;
  sheets: SheetPlan[];
}

/** One sheet in an `inspect` report: its plan, counts and the first records as they will be stored. */
export interface InspectSheet {
  plan: SheetPlan;
  stats: SheetStats | null;
  samples: PersonRecord[];
}

export interface InspectReport {
  file: string;
  format: FileFormat;
  sheets: InspectSheet[];
  rowsRead: number;
  rowsSkipped: number;
  rowsRejected: number;
}
