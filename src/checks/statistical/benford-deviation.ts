import { toPlainRecord, type Finding, type PersonRecord } from '../../domain/index.js';
import { quantile } from 'simple-statistics';
import { makeFinding } from '../make-finding.js';
import { money } from '../text.js';
import type { CheckContext } from '../types.js';
import { CONFORMITY_LABELS, digitTest, NIGRINI_MAD, type DigitTestResult } from './benford.js';
import { benfordChart, smallChart } from './charts.js';
import { round, viNumber, viProbability } from './format.js';
import { byPosition, groupBy, joinNotes, RISK_BASIS, statisticalCheck, type StatSettings } from './stat-check.js';
import { payingUnitLabel, payingUnitOf } from './units.js';
import { varyingAmountRows } from './varying-amounts.js';

const ID = 'BENFORD_DEVIATION';

/**
 * BENFORD_DEVIATION: per paying unit (payer, else commune), the first-digit test (and the first-two-digits
 * test from `minRecordsTwoDigits` amounts) of amounts that vary; fires when Nigrini's MAD is above the
 * nonconformity bound (`madFirst` / `madFirstTwo`) and the chi-square p-value is below `pValue`. Units with
 * fewer than `minRecords` varying amounts, or whose amounts span less than `minSpread` (P90/P10: amounts
 * bunched in a narrow band fail Benford whatever their origin; made-up figures over 0,1–10 million span 8–9), are not
 * tested; amounts fixed by policy are left out and the run note says so.
 */
export const benfordDeviation = statisticalCheck({
  id: ID,
  title: 'Chữ số đầu của số tiền chi không theo luật Benford',
  legalBasis: RISK_BASIS,
  analyse: analyseBenford,
});

function analyseBenford(ctx: CheckContext, s: StatSettings): { findings: Finding[]; note?: string } {
  const minRecords = s.num('minRecords', 100);
  const minRecordsTwo = s.num('minRecordsTwoDigits', 500);
  const madFirst = s.num('madFirst', NIGRINI_MAD.first.marginal);
  const madFirstTwo = s.num('madFirstTwo', NIGRINI_MAD.firstTwo.marginal);
  const alpha = s.num('pValue', 0.001);
  const minSpread = s.num('minSpread', 5);
  const maxRecords = s.num('maxRecords', 50);
  const { rows, fixed } = varyingAmountRows(ctx);
  const findings: Finding[] = [];
  let tooSmall = 0;
  let narrow = 0;
  let tested = 0;
  for (const [key, list] of groupBy(rows, (r) => payingUnitOf(r)?.key ?? null)) {
    const amounts = list.map((r) => r.amount ?? 0);
    if (amounts.length < minRecords) {
      tooSmall++;
      continue;
    }
    const spread = quantile(amounts, 0.9) / Math.max(1, quantile(amounts, 0.1));
    if (spread < minSpread) {
      narrow++;
      continue;
    }
    tested++;
    const first = digitTest(amounts, 'first');
    const two = amounts.length >= minRecordsTwo ? digitTest(amounts, 'firstTwo') : null;
    const failFirst = first.mad > madFirst && first.pValue < alpha;
    const failTwo = two !== null && two.mad > madFirstTwo && two.pValue < alpha;
    if (!failFirst && !failTwo) continue;
    const main = failFirst ? first : (two as DigitTestResult);
    const mainBound = failFirst ? madFirst : madFirstTwo;
    const head = list[0] as PersonRecord;
    const unit = payingUnitLabel(head);
    // The most over-represented leading digit(s), and rows carrying them first among the cited rows.
    const excess = main.digits.map((d, i) => ({ d, diff: (main.observed[i] ?? 0) - (main.expected[i] ?? 0), i })).sort((a, b) => b.diff - a.diff);
    const top = excess[0];
    const k = main.test === 'first' ? 1 : 2;
    const lead = (r: PersonRecord) => Number(String(Math.floor(r.amount ?? 0)).slice(0, k));
    const cited = [...byPosition(list.filter((r) => top !== undefined && lead(r) === top.d)), ...byPosition(list.filter((r) => top === undefined || lead(r) !== top.d))].slice(0, maxRecords);
    const testName = (t: DigitTestResult) => (t.test === 'first' ? 'chữ số đầu' : 'hai chữ số đầu');
    const describe = (t: DigitTestResult, bound: number) =>
      `MAD ${testName(t)} = ${viNumber(t.mad, 4)} (Nigrini: ${CONFORMITY_LABELS[t.conformity]}; ngưỡng ${viNumber(bound, 4)}), ` +
      `khi bình phương = ${viNumber(t.chiSquare, 1)} với ${t.df} bậc tự do, p = ${viProbability(t.pValue)} < ${viProbability(alpha)}`;
    const tests = [failFirst ? describe(first, madFirst) : null, failTwo && two ? describe(two, madFirstTwo) : null].filter((t): t is string => t !== null);
    const chart = smallChart(
      benfordChart({ title: `${unit}: ${testName(main)} (n = ${viNumber(main.n, 0)})`.slice(0, 70), digits: main.digits, observed: main.observed, expected: main.expected }),
    );
    const summary = (t: DigitTestResult | null) =>
      t === null ? null : { n: t.n, mad: round(t.mad, 5), conformity: t.conformity, chiSquare: round(t.chiSquare, 3), df: t.df, pValue: t.pValue, observed: t.observed.map((o) => round(o, 4)), counts: t.counts };
    findings.push(
      makeFinding({
        rule: ID,
        category: 'statistical',
        severity: s.severity,
        score: Math.min(1, main.mad / (2 * mainBound)),
        amountAtRisk: 0,
        subject: { ...toPlainRecord(head), fullName: null, idNumber: null },
        records: cited,
        identities: [`unit:${key}`],
        explanation:
          `Số tiền chi của ${unit} (${viNumber(amounts.length, 0)} khoản, từ ${money(Math.min(...amounts))} đến ${money(Math.max(...amounts))}) không theo luật Benford: ` +
          (top ? `${testName(main)} ${top.d} chiếm ${viNumber((main.observed[top.i] ?? 0) * 100, 1)}% (kỳ vọng ${viNumber((main.expected[top.i] ?? 0) * 100, 1)}%); ` : '') +
          `${tests.join('; ')}. Số tiền chi theo thực tế thường tuân theo luật Benford, số tiền tự đặt ra thường không. ` +
          'Đây là dấu hiệu rủi ro để chọn chứng từ xác minh, không phải kết luận sai phạm.',
        evidence: {
          statistic: main.test === 'first' ? 'benfordFirstDigitMAD' : 'benfordFirstTwoDigitsMAD',
          value: round(main.mad, 5),
          threshold: mainBound,
          pValue: main.pValue,
          pValueThreshold: alpha,
          peerGroup: { level: 'payingUnit', code: key, name: unit, size: amounts.length },
          firstDigit: summary(first),
          firstTwoDigits: summary(two),
          nigrini: NIGRINI_MAD,
          minRecords,
          rowsTotal: list.length,
          rowsCited: cited.length,
          ...(chart ? { chart } : {}),
        },
      }),
    );
  }
  return {
    findings,
    note: joinNotes([
      fixed > 0 && `${viNumber(fixed, 0)} khoản có số tiền do chính sách ấn định (mức × số tháng hoặc số khẩu): kiểm định Benford không có ý nghĩa, bỏ qua`,
      tooSmall > 0 && `${tooSmall} đơn vị chi trả có dưới ${minRecords} khoản tiền thay đổi, không kiểm định`,
      narrow > 0 && `${narrow} đơn vị có số tiền trong khoảng quá hẹp (P90/P10 < ${minSpread}), không kiểm định`,
      tested === 0 && rows.length === 0 && fixed === 0 && 'không có số tiền để kiểm định',
    ]),
  };
}
