import type { FieldComparison, MatchPair } from './match-pair.js';

/** A log2 weight with its sign and a decimal comma: +6,1 / –2,0 / 0,0. */
export function formatWeight(w: number): string {
  const text = Math.abs(w).toFixed(1).replace('.', ',');
  if (text === '0,0') return text;
  return `${w > 0 ? '+' : '–'}${text}`;
}

function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

function quoted(v: string | null): string {
  return v === null ? '(trống)' : `'${v}'`;
}

function item(c: FieldComparison): string {
  const name = lowerFirst(c.label);
  const values = c.level === 'exact' && c.a !== null ? quoted(c.a) : `${quoted(c.a)} / ${quoted(c.b)}`;
  return `${name} ${values} (${formatWeight(c.weight)})`;
}

const GROUPS: readonly (readonly [string, string])[] = [
  ['exact', 'Trùng khớp'],
  ['close', 'gần giống'],
  ['differ', 'khác'],
  ['conflict', 'mâu thuẫn'],
  ['incomparable', 'không so sánh được'],
  ['missing', 'thiếu ở một bên'],
];

/**
 * One Vietnamese paragraph: the match-weight waterfall field by field (what agreed, was close, differed),
 * the prior, the total against the thresholds and the decision.
 * @example "Trùng khớp: tên 'Hùng' (+5,9), năm sinh '1975' (+5,8); khác: thôn/ấp/tổ 'Thôn 1' / 'Thôn 2' (–3,1). …"
 */
export function explainMatch(pair: MatchPair): string {
  const parts: string[] = [];
  for (const [level, title] of GROUPS) {
    const items = pair.comparisons.filter((c) => c.level === level).map(item);
    if (items.length > 0) parts.push(`${title}: ${items.join(', ')}`);
  }
  let text = parts.join('; ');
  if (text.length > 0) text = text.charAt(0).toUpperCase() + text.slice(1) + '.';
  const prefix = pair.byId
    ? `Cùng số CMND/CCCD hợp lệ ${quoted(pair.comparisons.find((c) => c.field === 'id')?.a ?? null)}: coi là cùng một người. `
    : '';
  const total = formatWeight(pair.weight).replace(/^\+/, '');
  const probability = `${(pair.probability * 100).toFixed(1).replace('.', ',')}%`;
  const matchT = String(pair.matchThreshold).replace('.', ',').replace('-', '–');
  const possibleT = String(pair.possibleThreshold).replace('.', ',').replace('-', '–');
  let verdict: string;
  if (pair.byId) {
    verdict =
      pair.weight < pair.possibleThreshold
        ? `Tổng trọng số các trường khác ${total}, dưới ngưỡng cần xem xét ${possibleT}: cùng số giấy tờ nhưng thông tin khác lệch nhiều, cần kiểm tra`
        : `Tổng trọng số ${total}`;
  } else if (pair.weight >= pair.matchThreshold) verdict = `Tổng trọng số ${total} ≥ ngưỡng trùng ${matchT}`;
  else if (pair.weight >= pair.possibleThreshold) {
    verdict = `Tổng trọng số ${total} ≥ ngưỡng cần xem xét ${possibleT} nhưng < ngưỡng trùng ${matchT}`;
  } else verdict = `Tổng trọng số ${total} < ngưỡng cần xem xét ${possibleT}`;
  const capped = pair.decision === 'possible' && pair.weight >= pair.matchThreshold;
  const conflictOf = (field: string): boolean => capped && pair.comparisons.some((c) => c.field === field && c.level === 'conflict');
  const conflict = conflictOf('id')
    ? ', nhưng hai số CMND/CCCD hợp lệ khác nhau nên không kết luận trùng'
    : conflictOf('surname')
      ? ', nhưng họ của hai người thuộc hai dòng họ khác nhau nên không kết luận trùng'
      : '';
  const decision =
    pair.decision === 'match' ? 'kết luận: cùng một người' : `kết luận: có thể trùng, cần xác minh${conflict}`;
  return `${prefix}${text} Trọng số tiên nghiệm ${formatWeight(pair.prior)}. ${verdict} (xác suất ${probability}); ${decision}.`.trim();
}
