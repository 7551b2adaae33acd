import type { Role } from './roles.js';

export const CATEGORIES = ['wrong_recipient', 'duplicate', 'amount', 'data_quality', 'statistical'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  wrong_recipient: 'Sai đối tượng',
  duplicate: 'Trùng lặp',
  amount: 'Sai số tiền',
  data_quality: 'Chất lượng dữ liệu',
  statistical: 'Bất thường thống kê',
};

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { high: 'Cao', medium: 'Trung bình', low: 'Thấp' };

export const REVIEW_STATUSES = ['new', 'verifying', 'confirmed', 'recovered', 'dismissed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  new: 'Mới',
  verifying: 'Đang xác minh',
  confirmed: 'Xác nhận sai phạm',
  recovered: 'Đã thu hồi',
  dismissed: 'Không sai phạm',
};

/** A spreadsheet row a finding rests on: 1-based Excel row (CSV: line number, header = 1). */
export interface RecordRef {
  readonly role: Role;
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}

/** A finding as in the `ansinh.findings/1` document (see CONTRACTS.md). */
export interface Finding {
  /** Stable: derived from the rule and the identities involved, never from upload ids or row positions. */
  readonly id: string;
  readonly rule: string;
  readonly category: Category;
  readonly severity: Severity;
  /** 0..1 confidence (1 for deterministic checks). */
  readonly score: number;
  readonly amountAtRisk: number;
  readonly subject: { readonly name: string | null; readonly idNumber: string | null; readonly commune: string | null };
  readonly records: readonly RecordRef[];
  /** Vietnamese explanation a monitor can read. */
  readonly explanation: string;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly status: ReviewStatus;
  readonly version: number;
}
