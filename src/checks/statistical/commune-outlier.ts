import { toPlainRecord, type Finding, type PersonRecord } from '../../domain/index.js';
import { groupName, groupOf, paymentRows } from '../helpers.js';
import { makeFinding } from '../make-finding.js';
import { personKey } from '../person-key.js';
import type { CheckContext } from '../types.js';
import { barChart, smallChart } from './charts.js';
import { round, viNumber, viProbability } from './format.js';
import { poissonUpperTail } from './probability.js';
import { modifiedZ, peerStats } from './robust.js';
import { groupBy, joinNotes, RISK_BASIS, sampleRows, statisticalCheck, type StatSettings } from './stat-check.js';
import { communeKeyOf, communeLabel, districtLabel, provinceLabel } from './units.js';

const ID = 'COMMUNE_OUTLIER';

/** The ratios compared between communes. */
type Metric = 'perThousand' | 'beneficiaryShare' | 'payoutShare' | 'averageAmount';

/** How a metric reads in a sentence. */
const METRIC_TEXT: Record<Metric, { unit: (v: number) => string; name: string }> = {
  perThousand: { unit: (v) => `${viNumber(v, 1)} đối tượng/1.000 dân`, name: 'số đối tượng trên 1.000 dân' },
  beneficiaryShare: { unit: (v) => `số đối tượng nhóm này bằng ${viNumber(v * 100, 1)}% số đối tượng của xã`, name: 'tỷ lệ trong tổng số đối tượng của xã' },
  payoutShare: { unit: (v) => `${viNumber(v * 100, 1)}% số tiền chi của xã`, name: 'tỷ lệ trong tổng số tiền chi của xã' },
  averageAmount: { unit: (v) => `bình quân ${viNumber(v, 0)} đ/người`, name: 'số tiền bình quân mỗi người' },
};

const fmt = (m: Metric, v: number) => (m === 'perThousand' ? viNumber(v, 1) : m === 'averageAmount' ? `${viNumber(v, 0)} đ` : `${viNumber(v * 100, 1)}%`);

/** One commune's rows, people and amounts, in total and per support group. */
interface CommuneData {
  readonly key: string;
  readonly first: PersonRecord;
  readonly districtCode: string | null;
  readonly provinceCode: string | null;
  readonly population: number | null;
  readonly people: number;
  readonly amount: number;
  readonly groups: Map<string, { rows: PersonRecord[]; people: number; amount: number; paidRows: number }>;
}

/**
 * Dispersion of a group's counts: the mean household size of its rows for groups paid per household
 * member (poor households come as families, so one extra household adds several people at once and
 * counts vary more than a Poisson count would), else 1. The Poisson guard divides counts by it
 * (quasi-Poisson).
 */
function dispersionOf(ctx: CheckContext, rows: readonly PersonRecord[], group: string): number {
  const g = ctx.rules.groups[group];
  if (g?.unit !== 'member') return 1;
  const byHousehold = groupBy(
    rows.filter((r) => r.groupCode === group),
    (r) => (r.householdCode !== null && r.householdCode.trim() !== '' ? `${communeKeyOf(r) ?? ''}|${r.householdCode.trim()}` : null),
  );
  if (byHousehold.size < 5) return 3;
  const sizes = [...byHousehold.values()].map((list) => new Set(list.map(personKey)).size);
  return Math.max(1, sizes.reduce((a, b) => a + b, 0) / sizes.length);
}

function communeData(rows: readonly PersonRecord[], population: ReadonlyMap<string, number>): CommuneData[] {
  return [...groupBy(rows, communeKeyOf)].map(([key, list]) => {
    const first = list[0] as PersonRecord;
    const groups = new Map<string, { rows: PersonRecord[]; people: number; amount: number; paidRows: number }>();
    for (const [g, gRows] of groupBy(list, (r) => r.groupCode)) {
      groups.set(g, {
        rows: gRows,
        people: new Set(gRows.map(personKey)).size,
        amount: gRows.reduce((s, r) => s + (r.amount ?? 0), 0),
        paidRows: gRows.filter((r) => r.amount !== null && r.amount > 0).length,
      });
    }
    return {
      key,
      first,
      districtCode: list.find((r) => r.districtCode !== null)?.districtCode ?? null,
      provinceCode: list.find((r) => r.provinceCode !== null)?.provinceCode ?? null,
      population: population.get(key) ?? null,
      people: new Set(list.map(personKey)).size,
      amount: list.reduce((s, r) => s + (r.amount ?? 0), 0),
      groups,
    };
  });
}

/** Population by commune from the `population` register (the first positive figure given for a commune). */
function populationByCommune(ctx: CheckContext): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of ctx.data.registers.population ?? []) {
    const key = communeKeyOf(r);
    if (key !== null && r.population !== null && r.population > 0 && !out.has(key)) out.set(key, r.population);
  }
  return out;
}

function metricValue(c: CommuneData, group: string, m: Metric): number | null {
  const g = c.groups.get(group);
  if (g === undefined || g.people === 0) return null;
  switch (m) {
    case 'perThousand':
      return c.population === null ? null : (g.people / c.population) * 1000;
    case 'beneficiaryShare':
      return c.people > 0 ? g.people / c.people : null;
    case 'payoutShare':
      return c.amount > 0 && g.amount > 0 ? g.amount / c.amount : null;
    case 'averageAmount':
      return g.paidRows > 0 && g.amount > 0 ? g.amount / g.people : null;
  }
}

/**
 * COMMUNE_OUTLIER: per support group, a commune whose beneficiaries per 1,000 residents (with a population
 * register), or otherwise whose group share of the commune's beneficiaries and payouts, or whose average
 * amount (groups paid by months), lies far above the other communes of its district (else its province):
 * modified z-score against the peers' median and MAD above `zThreshold`, at least `minRatio` times the
 * median and, for counts, a Poisson probability below `pValue` of so many people at the peers' median rate
 * (counted in households for groups paid per member); with at least `minGroupSize` people and `minPeers` peers.
 */
export const communeOutlier = statisticalCheck({
  id: ID,
  title: 'Xã có số đối tượng hoặc số tiền cao bất thường so với các xã cùng huyện',
  legalBasis: RISK_BASIS,
  analyse(ctx, s) {
    return analyseCommunes(ctx, s);
  },
});

function analyseCommunes(ctx: CheckContext, s: StatSettings): { findings: Finding[]; note?: string } {
  const zThreshold = s.num('zThreshold', 3.5);
  const minRatio = s.num('minRatio', 2);
  const minAmountRatio = s.num('minAmountRatio', 1.5);
  const minPeers = s.num('minPeers', 5);
  const minGroupSize = s.num('minGroupSize', 10);
  const maxRecords = s.num('maxRecords', 50);
  const rows = paymentRows(ctx).rows;
  const communes = communeData(rows, populationByCommune(ctx));
  // Every (commune, group) pair large enough is one test: Bonferroni keeps the chance of any false
  // alarm in the whole audit at `pValue`, however many communes and groups are compared.
  const tests = communes.reduce((n, c) => n + [...c.groups.values()].filter((g) => g.people >= minGroupSize).length, 0);
  const alpha = s.num('pValue', 0.001) / Math.max(1, tests);
  const dispersion = new Map<string, number>();
  const findings: Finding[] = [];
  let tooFewPeers = 0;
  let tooSmall = 0;
  let evaluated = 0;
  for (const c of communes) {
    const district = communes.filter((o) => o !== c && c.districtCode !== null && o.districtCode === c.districtCode);
    const province = communes.filter((o) => o !== c && c.provinceCode !== null && o.provinceCode === c.provinceCode);
    const scope = district.length >= minPeers ? { level: 'district' as const, peers: district, code: c.districtCode ?? '' } : { level: 'province' as const, peers: province, code: c.provinceCode ?? '' };
    for (const [group, g] of c.groups) {
      if (g.people < minGroupSize) {
        tooSmall++;
        continue;
      }
      const groupRules = groupOf(ctx, g.rows[0] as PersonRecord);
      const usePopulation = c.population !== null && scope.peers.filter((o) => o.population !== null).length >= minPeers;
      const metrics: Metric[] = usePopulation ? ['perThousand'] : ['beneficiaryShare', 'payoutShare'];
      if (groupRules !== undefined && (groupRules.payment === 'monthly' || groupRules.minimumAmount !== undefined)) metrics.push('averageAmount');
      const fired: { metric: Metric; value: number; median: number; mad: number; z: number; ratio: number; p: number | null; peers: { code: string; name: string; value: number }[] }[] = [];
      let anyEvaluated = false;
      for (const m of metrics) {
        const value = metricValue(c, group, m);
        if (value === null) continue;
        const peers = scope.peers
          .map((o) => ({ o, v: metricValue(o, group, m) }))
          .filter((p): p is { o: CommuneData; v: number } => p.v !== null);
        if (peers.length < minPeers) continue;
        anyEvaluated = true;
        const stats = peerStats(peers.map((p) => p.v));
        if (stats.median <= 0) continue;
        const z = modifiedZ(value, stats);
        const ratio = value / stats.median;
        // Counts: is this many people plausible if the commune had its peers' median rate (Poisson)?
        let phi = dispersion.get(group);
        if (phi === undefined) {
          phi = dispersionOf(ctx, rows, group);
          dispersion.set(group, phi);
        }
        const p = m === 'averageAmount' ? null : poissonUpperTail(Math.round(g.people / phi), g.people / ratio / phi);
        if (z > zThreshold && ratio >= (m === 'averageAmount' ? minAmountRatio : minRatio) && (p === null || p < alpha)) {
          fired.push({
            metric: m,
            value,
            median: stats.median,
            mad: stats.mad,
            z,
            ratio,
            p,
            peers: peers.map((p) => ({ code: p.o.key, name: communeLabel(p.o.first, p.o.key), value: round(p.v, 6) })),
          });
        }
      }
      if (!anyEvaluated) {
        tooFewPeers++;
        continue;
      }
      evaluated++;
      const main = fired.sort((a, b) => b.z - a.z)[0];
      if (main === undefined) continue;
      const name = communeLabel(c.first, c.key);
      const scopeName = scope.level === 'district' ? districtLabel(scope.code, c.first.communeCode) : provinceLabel(scope.code, c.first.communeCode);
      const zText = (z: number) => (Number.isFinite(z) ? viNumber(z, 1) : 'rất lớn (các xã khác gần như bằng nhau)');
      const parts = fired.map(
        (f) =>
          `${name} có ${METRIC_TEXT[f.metric].unit(f.value)}, cao gấp ${viNumber(f.ratio, 1)} lần trung vị của ${f.peers.length} xã khác cùng ${scopeName} (${fmt(f.metric, f.median)}); ` +
          `điểm z hiệu chỉnh ${zText(f.z)} > ${viNumber(zThreshold, 1)}` +
          (f.p === null ? '' : `, xác suất ngẫu nhiên p = ${viProbability(f.p)} < ${viProbability(alpha)}`),
      );
      const cited = sampleRows(g.rows, maxRecords);
      const chart = smallChart(
        barChart({
          title: `${groupName(ctx, g.rows[0] as PersonRecord).slice(0, 40)}: ${METRIC_TEXT[main.metric].name}`.slice(0, 70),
          bars: [{ label: name, value: main.value, highlight: true }, ...[...main.peers].sort((a, b) => b.value - a.value).map((p) => ({ label: p.name, value: p.value }))],
          reference: { value: main.median, label: `trung vị ${fmt(main.metric, main.median)}` },
        }),
      );
      findings.push(
        makeFinding({
          rule: ID,
          category: 'statistical',
          severity: s.severity,
          score: Math.min(1, Number.isFinite(main.z) ? main.z / (2 * zThreshold) : 1),
          amountAtRisk: 0,
          subject: { ...toPlainRecord(c.first), fullName: null, idNumber: null },
          records: cited,
          identities: [`commune:${c.key}`, `group:${group}`],
          explanation:
            `Nhóm ${groupName(ctx, g.rows[0] as PersonRecord)}: ${parts.join('; ')}. ` +
            `Xã có ${g.people} đối tượng nhóm này (${g.rows.length} dòng${cited.length < g.rows.length ? `, dẫn ${cited.length} dòng đầu` : ''}). ` +
            'Đây là dấu hiệu rủi ro để chọn xác minh danh sách, không phải kết luận sai phạm.',
          evidence: {
            statistic: 'modifiedZ',
            metric: main.metric,
            value: round(main.value, 6),
            median: round(main.median, 6),
            mad: round(main.mad, 6),
            z: Number.isFinite(main.z) ? round(main.z, 3) : null,
            ratio: round(main.ratio, 3),
            pValue: main.p,
            pValueThreshold: alpha,
            threshold: zThreshold,
            minRatio: main.metric === 'averageAmount' ? minAmountRatio : minRatio,
            peerGroup: { level: scope.level, code: scope.code, name: scopeName, size: main.peers.length },
            peers: main.peers,
            metrics: fired.map((f) => ({ metric: f.metric, value: round(f.value, 6), median: round(f.median, 6), z: Number.isFinite(f.z) ? round(f.z, 3) : null, ratio: round(f.ratio, 3), pValue: f.p })),
            group,
            dispersion: round(dispersion.get(group) ?? 1, 3),
            people: g.people,
            population: c.population,
            rowsTotal: g.rows.length,
            rowsCited: cited.length,
            ...(chart ? { chart } : {}),
          },
        }),
      );
    }
  }
  return {
    findings,
    note: joinNotes([
      tooSmall > 0 && `${tooSmall} cặp xã–nhóm có dưới ${minGroupSize} đối tượng, không đánh giá`,
      tooFewPeers > 0 && `${tooFewPeers} cặp xã–nhóm có dưới ${minPeers} xã cùng huyện/tỉnh để so sánh, không đánh giá`,
      evaluated === 0 && communes.length > 0 && 'không có xã–nhóm nào đủ điều kiện so sánh',
    ]),
  };
}
