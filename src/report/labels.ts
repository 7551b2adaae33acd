import { CATEGORY_LABELS, REVIEW_STATUSES, REVIEW_STATUS_LABELS } from '../domain/index.js';
import type { Category, ReviewStatus } from '../domain/index.js';

/** Sheet names of the findings workbook, in order (contract: CONTRACTS.md "Findings workbook sheets"). */
export const SUMMARY_SHEET = 'Tổng hợp';
export const COMMUNE_SHEET = 'Theo xã';
export const RULES_SHEET = 'Quy tắc';
export const CATEGORY_SHEET_ORDER: readonly Category[] = ['wrong_recipient', 'duplicate', 'amount', 'data_quality', 'statistical'];
export const FINDINGS_SHEET_NAMES: readonly string[] = [
  SUMMARY_SHEET,
  ...CATEGORY_SHEET_ORDER.map((category) => CATEGORY_LABELS[category]),
  COMMUNE_SHEET,
  RULES_SHEET,
];

/** Headers of the finding rows on every category sheet, in column order. */
export const FINDING_HEADERS = {
  id: 'Mã phát hiện',
  rule: 'Quy tắc',
  severity: 'Mức độ',
  name: 'Họ và tên',
  idNumber: 'Số CMND/CCCD',
  birthYear: 'Năm sinh',
  commune: 'Xã',
  village: 'Thôn',
  group: 'Nhóm đối tượng',
  amountPaid: 'Số tiền đã chi',
  amountAtRisk: 'Số tiền có nguy cơ sai',
  explanation: 'Diễn giải',
  source: 'Nguồn',
  status: 'Trạng thái',
  reviewer: 'Người xem xét',
  reviewedAt: 'Ngày xem xét',
  note: 'Ghi chú',
} as const;

export type FindingColumn = keyof typeof FINDING_HEADERS;
export const FINDING_COLUMNS = Object.keys(FINDING_HEADERS) as FindingColumn[];

/** 1-based column number of a finding column. */
export function findingColumnNumber(column: FindingColumn): number {
  return FINDING_COLUMNS.indexOf(column) + 1;
}

/** The five status labels as an Excel list-validation formula: `"Mới,Đang xác minh,…"`. */
export const STATUS_LIST_FORMULA = `"${REVIEW_STATUSES.map((status) => REVIEW_STATUS_LABELS[status]).join(',')}"`;

function statusKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

const STATUS_BY_KEY = new Map<string, ReviewStatus>();
for (const status of REVIEW_STATUSES) {
  STATUS_BY_KEY.set(statusKey(REVIEW_STATUS_LABELS[status]), status);
  STATUS_BY_KEY.set(status, status);
}

/**
 * The status code of a label as a monitor may leave it (any case, extra spaces, NFD from macOS);
 * the English codes are accepted too. Null when it is none of the five.
 * @example parseStatusLabel(' xác nhận sai phạm ') // 'confirmed'
 */
export function parseStatusLabel(text: string): ReviewStatus | null {
  return STATUS_BY_KEY.get(statusKey(text)) ?? null;
}
