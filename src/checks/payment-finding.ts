import type { Category, Finding, Severity } from '../domain/index.js';
import type { PaymentItem } from './helpers.js';
import { makeFinding } from './make-finding.js';
import { paymentKey, personKey } from './person-key.js';
import { rowLabel } from './text.js';

/**
 * A wrong-recipient finding about one payment: the whole amount is at risk, the payment row and its
 * approved-list row are the records, the person and the payment are the identity, and the
 * explanation ends with where both rows are.
 */
export function paymentFinding(args: {
  rule: string;
  category: Category;
  severity: Severity;
  item: PaymentItem;
  /** The sentence about the problem, without the row references. */
  explanation: string;
  evidence: Record<string, unknown>;
  extraIdentities?: readonly string[];
}): Finding {
  const { row, approval, view } = args.item;
  return makeFinding({
    rule: args.rule,
    category: args.category,
    severity: args.severity,
    amountAtRisk: view.amount ?? 0,
    subject: row,
    records: approval ? [approval, row] : [row],
    identities: [personKey(row), paymentKey(row), ...(args.extraIdentities ?? [])],
    explanation: `${args.explanation} (${rowLabel(row)}${approval ? `; danh sách duyệt: ${rowLabel(approval)}` : ''})`,
    evidence: args.evidence,
  });
}
