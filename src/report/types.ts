import type { Category, Finding, ReviewStatus, Role, Severity } from '../domain/index.js';

/** Everything the findings workbook shows. Counts and amounts per commune are computed by the caller. */
export interface ReportInput {
  /** The audit's name. */
  title: string;
  packageId: string;
  packageTitle: string;
  rulesVersion: string;
  generatedAt: Date;
  inputs: {
    role: Role;
    file: string;
    sha256: string;
    rowsRead: number;
    rowsSkipped: number;
    sheets: { sheet: string; rowsRead: number; rowsSkipped: number }[];
  }[];
  checks: {
    id: string;
    category: Category;
    title: string;
    legalBasis: string;
    severity: Severity;
    thresholds: Record<string, unknown>;
    count: number;
    note?: string;
  }[];
  communes: {
    code: string | null;
    name: string;
    beneficiaries: number;
    payouts: number;
    amountPaid: number;
    findings: number;
    amountAtRisk: number;
  }[];
  /** Streamed: read once, in order. */
  findings: AsyncIterable<ReportFinding> | Iterable<ReportFinding>;
  /** Mask ID numbers (first 3 and last 3 digits shown) — decided by the user's role. */
  maskIds: boolean;
}

/** A finding with the person and review details the workbook shows. */
export interface ReportFinding extends Finding {
  birthYear: number | null;
  village: string | null;
  groupCode: string | null;
  amountPaid: number | null;
  reviewer: string | null;
  note: string | null;
  /** ISO date or date-time of the last review. */
  reviewedAt: string | null;
}

/** One finding row of an edited findings workbook. `row` is the 1-based Excel row. */
export interface ReviewRow {
  id: string;
  status: ReviewStatus;
  note: string | null;
  sheet: string;
  row: number;
}

/** A row the review import refuses; `message` is Vietnamese, `column` the Excel letter. */
export interface ReviewProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** One person on a commune's public posting list. */
export interface PostingRow {
  name: string;
  birthYear: number | null;
  gender: 'M' | 'F' | null;
  idNumber: string | null;
  village: string | null;
  groupCode: string | null;
  groupName: string;
  members: number | null;
  amount: number | null;
}

/** The commune and package a posting list is for, and its rows (streamed). */
export interface PostingListInput {
  communeCode: string;
  communeName: string;
  districtName: string;
  provinceName: string;
  packageTitle: string;
  rows: AsyncIterable<PostingRow> | Iterable<PostingRow>;
}
