import { createHash } from 'node:crypto';

/** Short prefix of a rule id: the initials of its words, "DUPLICATE_PAYMENT" → "DP". */
export function rulePrefix(rule: string): string {
  const initials = rule
    .split('_')
    .filter((w) => w.length > 0)
    .map((w) => w.charAt(0))
    .join('');
  return initials.toUpperCase() || 'F';
}

/**
 * A stable finding id: sha256 of the rule and the sorted identities, shortened.
 * Identities are person keys and payment identities (never upload ids or row numbers), so a re-run or
 * a corrected re-upload keeps the id.
 * @example findingId('DUPLICATE_PAYMENT', ['id:001084000999', 'pay:NCC|2020-04..2020-06|1500000']) // "DP-3f9a1c2b7e"
 */
export function findingId(rule: string, identities: readonly string[]): string {
  const sorted = [...new Set(identities)].sort();
  const hash = createHash('sha256').update(`${rule}\n${sorted.join('\n')}`).digest('hex');
  return `${rulePrefix(rule)}-${hash.slice(0, 10)}`;
}
