import { toPlainRecord, type Finding, type PersonRecord } from '../../domain/index.js';
import { makeFinding } from '../make-finding.js';
import type { CheckContext } from '../types.js';
import { barChart, smallChart } from './charts.js';
import { round, viNumber, viProbability } from './format.js';
import { binomialUpperTail } from './probability.js';
import { byPosition, groupBy, joinNotes, RISK_BASIS, statisticalCheck, type StatSettings } from './stat-check.js';
import { payingUnitLabel, payingUnitOf } from './units.js';
import { varyingAmountRows } from './varying-amounts.js';

const ID = 'ROUND_AMOUNT';

/** A "round" amount: one significant digit (500.000, 2.000.000, 30.000.000), as in Nigrini's round-number test. */
export function isRoundAmount(amount: number): boolean {
  const v = Math.round(Math.abs(amount));
  if (v < 10) return false;
  const mag = 10 ** Math.floor(Math.log10(v));
  return v % mag === 0;
}

/**
 * ROUND_AMOUNT: a paying unit where far more of the amounts that vary (not fixed by policy) are round
 * (one significant digit) than in the other units, or than `expectedShare` when there are fewer than
 * `minPeers` other units: binomial tail P(X ≥ k) below `pValue` and a share at least `minRatio` times the
 * baseline, from `minRecords` varying amounts.
 */
export const roundAmount = statisticalCheck({
  id: ID,
  title: 'Tỷ lệ số tiền tròn cao bất thường (số tiền có thể tự đặt ra)',
  legalBasis: RISK_BASIS,
  analyse: analyseRound,
});

function analyseRound(ctx: CheckContext, s: StatSettings): { findings: Finding[]; note?: string } {
  const minRecords = s.num('minRecords', 30);
  const minPeers = s.num('minPeers', 3);
  const expectedShare = s.num('expectedShare', 0.15);
  const minRatio = s.num('minRatio', 2);
  const alpha = s.num('pValue', 0.001);
  const maxRecords = s.num('maxRecords', 50);
  const { rows, fixed } = varyingAmountRows(ctx);
  const units = [...groupBy(rows, (r) => payingUnitOf(r)?.key ?? null)].map(([key, list]) => ({
    key,
    list,
    n: list.length,
    k: list.filter((r) => isRoundAmount(r.amount ?? 0)).length,
  }));
  const testable = units.filter((u) => u.n >= minRecords);
  const findings: Finding[] = [];
  for (const u of testable) {
    const others = testable.filter((o) => o !== u);
    const pooledN = others.reduce((a, o) => a + o.n, 0);
    const pooledK = others.reduce((a, o) => a + o.k, 0);
    const fromPeers = others.length >= minPeers && pooledN > 0;
    const baseline = Math.max(0.01, fromPeers ? pooledK / pooledN : expectedShare);
    const share = u.k / u.n;
    const p = binomialUpperTail(u.k, u.n, baseline);
    if (!(share >= minRatio * baseline && p < alpha)) continue;
    const head = u.list[0] as PersonRecord;
    const unit = payingUnitLabel(head);
    const roundRows = byPosition(u.list.filter((r) => isRoundAmount(r.amount ?? 0)));
    const cited = roundRows.slice(0, maxRecords);
    const peerLabel = fromPeers ? `${others.length} đơn vị khác (${viNumber(baseline * 100, 1)}%)` : `mức tham chiếu ${viNumber(baseline * 100, 1)}%`;
    const chart = smallChart(
      barChart({
        title: `Tỷ lệ số tiền tròn (%): ${unit}`.slice(0, 70),
        bars: [
          { label: unit, value: share * 100, highlight: true },
          ...(fromPeers ? others.map((o) => ({ label: payingUnitLabel(o.list[0] as PersonRecord), value: (o.k / o.n) * 100 })) : []),
        ],
        reference: { value: baseline * 100, label: `tham chiếu ${viNumber(baseline * 100, 1)}%` },
      }),
    );
    findings.push(
      makeFinding({
        rule: ID,
        category: 'statistical',
        severity: s.severity,
        score: Math.min(1, share / (2 * minRatio * baseline)),
        amountAtRisk: 0,
        subject: { ...toPlainRecord(head), fullName: null, idNumber: null },
        records: cited,
        identities: [`unit:${u.key}`],
        explanation:
          `${unit}: ${u.k}/${u.n} khoản chi (${viNumber(share * 100, 1)}%) là số tròn (một chữ số có nghĩa, như 2.000.000 đ), ` +
          `gấp ${viNumber(share / baseline, 1)} lần ${peerLabel}; xác suất ngẫu nhiên p = ${viProbability(p)} < ${viProbability(alpha)}. ` +
          'Số tiền tự đặt ra thường tròn; đây là dấu hiệu rủi ro để chọn chứng từ xác minh, không phải kết luận sai phạm.',
        evidence: {
          statistic: 'roundShare',
          value: round(share, 4),
          baseline: round(baseline, 4),
          threshold: round(minRatio * baseline, 4),
          pValue: p,
          pValueThreshold: alpha,
          peerGroup: { level: fromPeers ? 'otherUnits' : 'reference', code: u.key, name: unit, size: fromPeers ? others.length : 0 },
          roundCount: u.k,
          n: u.n,
          minRecords,
          rowsCited: cited.length,
          ...(chart ? { chart } : {}),
        },
      }),
    );
  }
  const small = units.length - testable.length;
  return {
    findings,
    note: joinNotes([
      fixed > 0 && `${viNumber(fixed, 0)} khoản có số tiền do chính sách ấn định: không xét tính tròn`,
      small > 0 && `${small} đơn vị chi trả có dưới ${minRecords} khoản tiền thay đổi, không đánh giá`,
    ]),
  };
}
