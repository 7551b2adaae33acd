import type { Finding, ReviewStatus, Role } from '../domain/index.js';

/** An audit (one inspection of one area under one support package). */
export interface AuditRow {
  id: number;
  name: string;
  area: string | null;
  packageId: string;
  createdBy: string | null;
  createdAt: string;
}

/** Per-sheet counts of one upload, as the ingest reports them. */
export interface UploadSheetCounts {
  sheet: string;
  headerRow: number | null;
  rowsRead: number;
  rowsSkipped: number;
  rowsRejected: number;
  skipped?: Record<string, number>;
}

/** One uploaded file: its identity, mapping, per-sheet counts and totals. */
export interface UploadRow {
  id: number;
  auditId: number;
  file: string;
  sha256: string;
  role: Role;
  uploadedBy: string | null;
  uploadedAt: string;
  mapping: unknown;
  sheets: UploadSheetCounts[];
  rowsRead: number;
  rowsSkipped: number;
  rowsRejected: number;
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

/** One run of the checks over an audit. */
export interface RunRow {
  id: number;
  auditId: number;
  packageId: string;
  rulesVersion: string;
  status: RunStatus;
  progress: number;
  error: string | null;
  counts: unknown;
  startedAt: string;
  finishedAt: string | null;
}

/** A finding as kept in the store: the check's output plus its review state and run history. */
export interface StoredFinding extends Finding {
  readonly auditId: number;
  readonly note: string | null;
  readonly reviewer: string | null;
  readonly reviewedAt: string | null;
  /** The latest run no longer produced it (the data was corrected); it reappears if a run does. */
  readonly resolvedByData: boolean;
  readonly firstRunId: number;
  readonly lastRunId: number;
}

/** One review change of a finding: who, when, from which status to which, and why. */
export interface FindingEvent {
  id: number;
  auditId: number;
  findingId: string;
  at: string;
  actor: string;
  fromStatus: ReviewStatus;
  toStatus: ReviewStatus;
  note: string | null;
}
