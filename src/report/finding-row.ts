import { REVIEW_STATUS_LABELS, SEVERITY_LABELS } from '../domain/index.js';
import type { RecordRef, ReviewStatus, Severity } from '../domain/index.js';
import type { Row } from 'exceljs';
import { SEVERITY_STYLES, STYLES, setDate, setNumber, setText } from './cell-styles.js';
import { groupLabel } from './group-labels.js';
import { findingColumnNumber } from './labels.js';
import type { FindingColumn } from './labels.js';
import { maskId } from './mask-id.js';
import type { ReportFinding } from './types.js';
import { vietnamDay } from './vietnam-time.js';

/** The values of one finding row as they are spooled to disk between reading findings and writing sheets. */
export interface FindingRowValues {
  id: string;
  rule: string;
  severity: Severity;
  name: string | null;
  idNumber: string | null;
  birthYear: number | null;
  commune: string | null;
  village: string | null;
  group: string | null;
  amountPaid: number | null;
  amountAtRisk: number;
  explanation: string;
  source: string;
  status: ReviewStatus;
  reviewer: string | null;
  /** ISO date (Vietnam calendar day) of the last review. */
  reviewedAt: string | null;
  note: string | null;
  /** A statistical finding's chart, spooled to a PNG file of its own (see finding-spool.ts). */
  chart?: { file: string; width: number; height: number };
}

/** What the row builder needs besides the finding: rule titles, commune names by code, masking. */
export interface FindingRowContext {
  ruleTitles: ReadonlyMap<string, string>;
  communeNames: ReadonlyMap<string, string>;
  maskIds: boolean;
}

/**
 * Where a record comes from, as a monitor finds it again: `payouts-xa-a.xlsx › Thôn 1 › dòng 12`.
 */
export function formatSource(record: RecordRef): string {
  return `${record.file} › ${record.sheet} › dòng ${record.row}`;
}

/** The row values of a finding. */
export function findingRowValues(finding: ReportFinding, context: FindingRowContext): FindingRowValues {
  const title = context.ruleTitles.get(finding.rule);
  const commune = finding.subject.commune;
  const reviewedDay = vietnamDay(finding.reviewedAt);
  return {
    id: finding.id,
    rule: title === undefined ? finding.rule : `${title} (${finding.rule})`,
    severity: finding.severity,
    name: finding.subject.name,
    idNumber: context.maskIds ? maskId(finding.subject.idNumber) : finding.subject.idNumber,
    birthYear: finding.birthYear,
    commune: commune === null ? null : (context.communeNames.get(commune) ?? commune),
    village: finding.village,
    group: groupLabel(finding.groupCode),
    amountPaid: finding.amountPaid,
    amountAtRisk: finding.amountAtRisk,
    explanation: finding.explanation,
    source: finding.records.map(formatSource).join('\n'),
    status: finding.status,
    reviewer: finding.reviewer,
    reviewedAt: reviewedDay === null ? null : reviewedDay.toISOString().slice(0, 10),
    note: finding.note,
  };
}

/** Fills a worksheet row with a finding's values and their formats (status and note unlocked). */
export function fillFindingRow(row: Row, values: FindingRowValues): void {
  const cell = (column: FindingColumn) => row.getCell(findingColumnNumber(column));
  setText(cell('id'), values.id, STYLES.text);
  setText(cell('rule'), values.rule, STYLES.textWrap);
  setText(cell('severity'), SEVERITY_LABELS[values.severity], SEVERITY_STYLES[values.severity]);
  setText(cell('name'), values.name, STYLES.text);
  setText(cell('idNumber'), values.idNumber, STYLES.textCenter);
  setNumber(cell('birthYear'), values.birthYear, STYLES.integer);
  setText(cell('commune'), values.commune, STYLES.text);
  setText(cell('village'), values.village, STYLES.text);
  setText(cell('group'), values.group, STYLES.textWrap);
  setNumber(cell('amountPaid'), values.amountPaid, STYLES.money);
  setNumber(cell('amountAtRisk'), values.amountAtRisk, STYLES.money);
  setText(cell('explanation'), values.explanation, STYLES.textWrap);
  setText(cell('source'), values.source, STYLES.textWrap);
  setText(cell('status'), REVIEW_STATUS_LABELS[values.status], STYLES.editable);
  setText(cell('reviewer'), values.reviewer, STYLES.text);
  setDate(cell('reviewedAt'), values.reviewedAt === null ? null : new Date(`${values.reviewedAt}T00:00:00Z`), STYLES.date);
  setText(cell('note'), values.note, STYLES.editable);
}
