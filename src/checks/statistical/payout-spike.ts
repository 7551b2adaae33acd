import { toPlainRecord, type Finding, type PersonRecord } from '../../domain/index.js';
import { paymentRows } from '../helpers.js';
import { makeFinding } from '../make-finding.js';
import { viDate } from '../text.js';
import type { CheckContext } from '../types.js';
import { barChart, smallChart } from './charts.js';
import { round, viNumber, viProbability } from './format.js';
import { median } from 'simple-statistics';
import { poissonUpperTail } from './probability.js';
import { groupBy, joinNotes, RISK_BASIS, sampleRows, statisticalCheck, type StatSettings } from './stat-check.js';
import { payingUnitLabel, payingUnitOf } from './units.js';

const ID = 'PAYOUT_SPIKE';

/**
 * The usual daily load of a unit: the payment-weighted median of its other days' counts, i.e. the count
 * of the day on which a typical payment of the unit was made. Mass payout days are the norm in communes;
 * a weighted median keeps them as the usual level instead of the quiet days in between.
 */
export function usualDailyCount(counts: readonly number[]): number {
  const sorted = [...counts].filter((c) => c > 0).sort((a, b) => a - b);
  const total = sorted.reduce((s, c) => s + c, 0);
  let acc = 0;
  for (const c of sorted) {
    acc += c;
    if (acc * 2 >= total) return c;
  }
  return 0;
}

/**
 * PAYOUT_SPIKE: a day on which a paying unit (payer, else commune) made far more payments than usual:
 * at least `minCount` payments, `minRatio` times its usual daily count ({@link usualDailyCount} of its
 * other days) and a Poisson tail probability below `pValue`; units need `minDays` payment days. The ratio
 * is 8 by default because communes pay every one-off group on the first payout day, which is normally 3–6
 * times the later monthly tranches. With `minPeerUnits` other units, the day's share of the unit's payments
 * must also be `peerShareRatio` times the median share of the other units' busiest days.
 */
export const payoutSpike = statisticalCheck({
  id: ID,
  title: 'Số lượt chi trong một ngày cao bất thường',
  legalBasis: RISK_BASIS,
  analyse: analyseSpikes,
});

function analyseSpikes(ctx: CheckContext, s: StatSettings): { findings: Finding[]; note?: string } {
  const minDays = s.num('minDays', 4);
  const minCount = s.num('minCount', 20);
  const minRatio = s.num('minRatio', 8);
  const alpha = s.num('pValue', 0.0001);
  const maxRecords = s.num('maxRecords', 50);
  const deadline = ctx.rules.paymentWindow.value.to;
  const { role, rows } = paymentRows(ctx);
  if (role !== 'payouts') return { findings: [], note: 'không đánh giá được: chưa có danh sách chi trả (ngày chi)' };
  const minPeerUnits = s.num('minPeerUnits', 3);
  const peerShareRatio = s.num('peerShareRatio', 1.5);
  const findings: Finding[] = [];
  let fewDays = 0;
  const units = [...groupBy(rows, (r) => (r.paidDate === null ? null : (payingUnitOf(r)?.key ?? null)))].map(([key, list]) => {
    const days = [...groupBy(list, (r) => r.paidDate).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    return { key, list, days, maxShare: Math.max(...days.map(([, r]) => r.length)) / list.length };
  });
  for (const { key, list, days } of units) {
    if (days.length < minDays) {
      fewDays++;
      continue;
    }
    // Where other units can be compared, a unit's busiest day must also take a larger share of its
    // payments than the busiest days of the others do (every commune has a mass payout day).
    const peers = units.filter((u) => u.key !== key && u.days.length >= minDays).map((u) => u.maxShare);
    const peerShare = peers.length >= minPeerUnits ? median(peers) : null;
    for (const [day, dayRows] of days) {
      const count = dayRows.length;
      if (count < minCount) continue;
      const others = days.filter(([d]) => d !== day).map(([, r]) => r.length);
      const usual = Math.max(1, usualDailyCount(others));
      const ratio = count / usual;
      const p = poissonUpperTail(count, usual);
      const share = count / list.length;
      if (!(ratio >= minRatio && p < alpha && (peerShare === null || share >= peerShareRatio * peerShare))) continue;
      const head = dayRows[0] as PersonRecord;
      const unit = payingUnitLabel(head);
      const late = day > deadline;
      const cited = sampleRows(dayRows, maxRecords);
      const window = days.slice(Math.max(0, days.findIndex(([d]) => d === day) - 19)).slice(0, 40);
      const chart = smallChart(
        barChart({
          title: `Số lượt chi theo ngày: ${unit}`.slice(0, 70),
          bars: window.map(([d, r]) => ({ label: viDate(d).slice(0, 5), value: r.length, highlight: d === day })),
          reference: { value: usual, label: `mức thường ${viNumber(usual, 0)}` },
        }),
      );
      findings.push(
        makeFinding({
          rule: ID,
          category: 'statistical',
          severity: s.severity,
          score: Math.min(1, ratio / (2 * minRatio)),
          amountAtRisk: 0,
          subject: { ...toPlainRecord(head), fullName: null, idNumber: null },
          records: cited,
          identities: [`unit:${key}`, `day:${day}`],
          explanation:
            `Ngày ${viDate(day)}${late ? ` (sau hạn chi trả ${viDate(deadline)})` : ''}, ${unit} chi ${count} lượt, gấp ${viNumber(ratio, 1)} lần mức thường ` +
            `(${viNumber(usual, 0)} lượt/ngày, trung vị có trọng số của ${others.length} ngày chi khác); xác suất Poisson p = ${viProbability(p)} < ${viProbability(alpha)}. ` +
            `Cần xác minh chữ ký nhận và sự có mặt của người nhận${cited.length < count ? ` (dẫn ${cited.length}/${count} dòng)` : ''}; đây là dấu hiệu rủi ro, không phải kết luận sai phạm.`,
          evidence: {
            statistic: 'dailyCountRatio',
            value: round(ratio, 3),
            threshold: minRatio,
            count,
            usual,
            pValue: p,
            pValueThreshold: alpha,
            minCount,
            afterDeadline: late,
            dayShare: round(share, 4),
            peerMaxDayShare: peerShare === null ? null : round(peerShare, 4),
            peerUnits: peers.length,
            peerGroup: { level: 'days', code: key, name: unit, size: others.length },
            days: days.map(([d, r]) => ({ day: d, count: r.length })),
            rowsTotal: count,
            rowsCited: cited.length,
            ...(chart ? { chart } : {}),
          },
        }),
      );
    }
  }
  return { findings, note: joinNotes([fewDays > 0 && `${fewDays} đơn vị chi trả có dưới ${minDays} ngày chi, không xác định được mức thường`]) };
}
