import { MATCH_DECISION_LABELS, MATCH_LEVEL_LABELS } from './labels.js';

interface Comparison {
  label: string;
  a: string | null;
  b: string | null;
  level: string;
  weight: number;
}

interface MatchEvidence {
  decision: string;
  weight: number;
  probability: number;
  waterfall: string | null;
  comparisons: Comparison[];
}

function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** The matcher's comparisons in a finding's evidence (`evidence.matches`, see checks/make-finding.ts), validated. */
export function matchesOf(evidence: Readonly<Record<string, unknown>>): MatchEvidence[] {
  const list = evidence['matches'];
  if (!Array.isArray(list)) return [];
  const out: MatchEvidence[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const m = item as Record<string, unknown>;
    const comparisons = Array.isArray(m['comparisons']) ? (m['comparisons'] as unknown[]) : [];
    out.push({
      decision: String(m['decision'] ?? ''),
      weight: num(m['weight']),
      probability: num(m['probability']),
      waterfall: str(m['waterfall']),
      comparisons: comparisons
        .filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null)
        .map((c) => ({ label: String(c['label'] ?? c['field'] ?? ''), a: str(c['a']), b: str(c['b']), level: String(c['level'] ?? ''), weight: num(c['weight']) })),
    });
  }
  return out;
}

/** "+5,9" / "–3,1": a log2 weight, signed, one decimal, Vietnamese comma. */
function signed(weight: number): string {
  const text = Math.abs(weight).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return weight < 0 ? `–${text}` : `+${text}`;
}

/** The match-weight waterfall of one compared pair: field, both values, agreement, weight, total. */
export function MatchTable({ match, index }: { match: MatchEvidence; index: number }) {
  const percent = (match.probability * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  return (
    <div class="table-wrap" role="region" aria-label={`Trọng số so khớp cặp bản ghi ${index + 1}`} tabindex={0}>
      <table>
        <caption>
          So khớp cặp bản ghi {index + 1}: kết luận {MATCH_DECISION_LABELS[match.decision] ?? match.decision}
        </caption>
        <thead>
          <tr>
            <th scope="col">Trường</th>
            <th scope="col">Bản ghi A</th>
            <th scope="col">Bản ghi B</th>
            <th scope="col">Mức khớp</th>
            <th scope="col" class="num">
              Trọng số
            </th>
          </tr>
        </thead>
        <tbody>
          {match.comparisons.map((c) => (
            <tr>
              <th scope="row">{c.label}</th>
              <td>{c.a ?? '—'}</td>
              <td>{c.b ?? '—'}</td>
              <td>{MATCH_LEVEL_LABELS[c.level] ?? c.level}</td>
              <td class="num">{signed(c.weight)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan={4}>
              Tổng trọng số (xác suất cùng một người {percent}%)
            </th>
            <td class="num">{signed(match.weight)}</td>
          </tr>
        </tfoot>
      </table>
      {match.waterfall ? <p class="muted">{match.waterfall}</p> : null}
    </div>
  );
}
