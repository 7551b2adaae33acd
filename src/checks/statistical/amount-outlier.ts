import type { Finding, PersonRecord } from '../../domain/index.js';
import { expectedAmount } from '../../rules/index.js';
import { quantile } from 'simple-statistics';
import { groupName, groupOf } from '../helpers.js';
import { makeFinding } from '../make-finding.js';
import { paymentKey, personKey } from '../person-key.js';
import { money, personLabel, rowLabel, textKey } from '../text.js';
import type { CheckContext } from '../types.js';
import { barChart, smallChart } from './charts.js';
import { round, viNumber } from './format.js';
import { modifiedZ, peerStats } from './robust.js';
import { groupBy, joinNotes, RISK_BASIS, statisticalCheck, type StatSettings } from './stat-check.js';
import { varyingAmountRows } from './varying-amounts.js';

const ID = 'AMOUNT_OUTLIER';

/**
 * AMOUNT_OUTLIER: an amount far from its group. For groups whose amounts the package fixes, an amount at
 * least `policyFactor` times above (or below) the nearest policy amount (a slipped zero, an invented
 * figure). For groups whose amounts vary (provincial minimums, rows of no package group), an amount whose
 * modified z-score of log10(amount) within the group exceeds `zThreshold` and that is `minRatio` times the
 * group median or more (or less), in groups of `minGroupSize` amounts or more.
 */
export const amountOutlier = statisticalCheck({
  id: ID,
  title: 'Số tiền khác xa mức chính sách hoặc phân bố của nhóm',
  legalBasis: RISK_BASIS,
  analyse: analyseAmounts,
});

function analyseAmounts(ctx: CheckContext, s: StatSettings): { findings: Finding[]; note?: string } {
  const policyFactor = s.num('policyFactor', 5);
  const zThreshold = s.num('zThreshold', 3.5);
  const minRatio = s.num('minRatio', 3);
  const minGroupSize = s.num('minGroupSize', 20);
  const findings: Finding[] = [];
  const { rows } = varyingAmountRows(ctx);
  const fixedGroupRows: PersonRecord[] = [];
  const varying: PersonRecord[] = [];
  for (const r of rows) {
    const g = groupOf(ctx, r);
    if (g !== undefined && g.minimumAmount === undefined) fixedGroupRows.push(r);
    else varying.push(r);
  }
  // Fixed groups: off-policy amounts far from every accepted amount.
  for (const r of fixedGroupRows) {
    const g = groupOf(ctx, r);
    const amount = r.amount ?? 0;
    if (g === undefined || amount <= 0) continue;
    const allowed = expectedAmount(g, { months: null, members: r.members, relation: r.relation }).allowed;
    if (allowed.length === 0) continue;
    const nearest = allowed.reduce((best, a) => (Math.abs(Math.log(a / amount)) < Math.abs(Math.log(best / amount)) ? a : best));
    const factor = amount / nearest;
    if (factor < policyFactor && factor > 1 / policyFactor) continue;
    const chart = smallChart(barChart({ title: 'Số tiền chi so với mức chính sách (đ)', bars: [{ label: 'Mức chính sách', value: nearest }, { label: 'Số tiền chi', value: amount, highlight: true }] }));
    findings.push(
      makeFinding({
        rule: ID,
        category: 'statistical',
        severity: s.severity,
        score: Math.min(1, Math.abs(Math.log(factor)) / Math.log(policyFactor * policyFactor)),
        amountAtRisk: Math.max(0, amount - nearest),
        subject: r,
        records: [r],
        identities: [personKey(r), paymentKey(r)],
        explanation:
          `${personLabel(r)} thuộc nhóm ${groupName(ctx, r)} được chi ${money(amount)}, ${factor >= 1 ? `gấp ${viNumber(factor, 1)} lần` : `chỉ bằng ${viNumber(factor * 100, 1)}%`} ` +
          `mức chính sách gần nhất (${money(nearest)}); ngưỡng ${viNumber(policyFactor, 1)} lần. Có thể ghi thừa/thiếu chữ số hoặc số tiền tự đặt ra. (${rowLabel(r)})`,
        evidence: { statistic: 'policyFactor', value: round(factor, 4), threshold: policyFactor, amount, nearestPolicyAmount: nearest, allowed, peerGroup: { level: 'policy', code: r.groupCode, name: groupName(ctx, r), size: allowed.length }, ...(chart ? { chart } : {}) },
      }),
    );
  }
  // Varying groups: robust outliers on the log scale.
  let small = 0;
  for (const [key, list] of groupBy(varying, (r) => r.groupCode ?? `label:${textKey(r.groupLabel)}`)) {
    if (list.length < minGroupSize) {
      small++;
      continue;
    }
    const logs = list.map((r) => Math.log10(r.amount ?? 1));
    const stats = peerStats(logs);
    const amounts = list.map((r) => r.amount ?? 0);
    const median = 10 ** stats.median;
    const p10 = quantile(amounts, 0.1);
    const p90 = quantile(amounts, 0.9);
    list.forEach((r, i) => {
      const z = modifiedZ(logs[i] ?? 0, stats);
      const amount = r.amount ?? 0;
      const ratio = amount / median;
      if (!(Math.abs(z) > zThreshold && (ratio >= minRatio || ratio <= 1 / minRatio))) return;
      const label = r.groupCode === null ? `"${r.groupLabel ?? '(không ghi nhóm)'}"` : groupName(ctx, r);
      const chart = smallChart(
        barChart({
          title: `Số tiền so với nhóm (đ)`,
          bars: [{ label: 'P10 nhóm', value: p10 }, { label: 'Trung vị', value: median }, { label: 'P90 nhóm', value: p90 }, { label: 'Số tiền chi', value: amount, highlight: true }],
        }),
      );
      findings.push(
        makeFinding({
          rule: ID,
          category: 'statistical',
          severity: s.severity,
          score: Math.min(1, Number.isFinite(z) ? Math.abs(z) / (2 * zThreshold) : 1),
          amountAtRisk: 0,
          subject: r,
          records: [r],
          identities: [personKey(r), paymentKey(r)],
          explanation:
            `${personLabel(r)} nhóm ${label} được chi ${money(amount)}, ${ratio >= 1 ? `gấp ${viNumber(ratio, 1)} lần` : `chỉ bằng ${viNumber(ratio * 100, 1)}%`} ` +
            `trung vị của ${list.length} khoản cùng nhóm (${money(median)}); điểm z hiệu chỉnh (thang log) ${Number.isFinite(z) ? viNumber(z, 1) : 'rất lớn'} vượt ±${viNumber(zThreshold, 1)}. ` +
            `Đây là dấu hiệu rủi ro cần đối chiếu chứng từ. (${rowLabel(r)})`,
          evidence: {
            statistic: 'modifiedZLog10',
            value: Number.isFinite(z) ? round(z, 3) : null,
            threshold: zThreshold,
            ratio: round(ratio, 4),
            minRatio,
            amount,
            median: Math.round(median),
            p10,
            p90,
            peerGroup: { level: 'group', code: key, name: label, size: list.length },
            ...(chart ? { chart } : {}),
          },
        }),
      );
    });
  }
  return {
    findings,
    note: joinNotes([small > 0 && `${small} nhóm có số tiền thay đổi nhưng dưới ${minGroupSize} khoản, không so sánh phân bố`]),
  };
}
