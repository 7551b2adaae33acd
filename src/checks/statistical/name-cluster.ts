import { toPlainRecord, type Finding, type Gender, type PersonRecord } from '../../domain/index.js';
import { defaultNameFrequencies, type NameFrequencies, type NamePart } from '../../match/name-frequencies.js';
import { paymentRows, pushTo } from '../helpers.js';
import { makeFinding } from '../make-finding.js';
import { textKey, viDate } from '../text.js';
import { householdOf, People, type Person } from './name-cluster-people.js';
import type { CheckContext } from '../types.js';
import { barChart, smallChart } from './charts.js';
import { round, viNumber, viProbability } from './format.js';
import { poissonUpperTail } from './probability.js';
import { byPosition, groupBy, joinNotes, RISK_BASIS, statisticalCheck, type StatSettings } from './stat-check.js';
import { communeKeyOf, communeLabel } from './units.js';

const ID = 'NAME_CLUSTER';

/** Adds one to `k`'s count (not a closure in Counts.add: tsx keeps function names, a defineProperty call per closure). */
function bump(m: Map<string, number>, k: string | null): void {
  if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
}

/** Counts of name parts and birth years over people (the audit, or one village). */
class Counts {
  readonly parts: Record<NamePart, Map<string, number>> = { surname: new Map(), middle: new Map(), given: new Map() };
  readonly years = new Map<string, number>();
  people = 0;
  dated = 0;

  add(p: Pick<Person, 'sur' | 'mid' | 'giv' | 'birthDate'>): void {
    this.people += 1;
    bump(this.parts.surname, p.sur);
    bump(this.parts.middle, p.mid);
    bump(this.parts.given, p.giv);
    if (p.birthDate !== null) {
      this.dated += 1;
      bump(this.years, p.birthDate.slice(0, 4));
    }
  }
}

/**
 * NAME_CLUSTER: in one village (commune + village), more different people (different households) with the
 * same full name, the same surname and given name, or the same full birth date, than name frequencies
 * (the largest of src/data/vn-names, the rest of the audit and the rest of the village, per name part)
 * or birth-year frequencies predict: Poisson tail probability, Bonferroni-corrected for the number of clusters tested, below `pValue`,
 * from `minClusterSize` people in villages of `minAreaSize` people or more.
 */
export const nameCluster = statisticalCheck({
  id: ID,
  title: 'Nhiều người trùng họ tên hoặc ngày sinh trong một thôn, vượt xa mức ngẫu nhiên',
  legalBasis: RISK_BASIS,
  analyse: (ctx, s) => analyseNames(ctx, s, defaultNameFrequencies()),
});

interface Cluster {
  readonly kind: 'fullName' | 'surnameGiven' | 'birthDate';
  readonly area: string;
  readonly value: string;
  readonly people: Person[];
  readonly households: number;
  readonly lambda: number;
  readonly p: number;
}

export function analyseNames(ctx: CheckContext, s: StatSettings, freq: NameFrequencies): { findings: Finding[]; note?: string } {
  const minCluster = s.num('minClusterSize', 3);
  const minArea = s.num('minAreaSize', 20);
  const alpha = s.num('pValue', 0.001);
  const minYearShare = s.num('minYearShare', 0.01);
  const maxRecords = s.num('maxRecords', 50);
  const { rows } = paymentRows(ctx);
  const table = new People(rows);
  // Each village's people by number; the person objects are made for one village at a time.
  const areas = new Map<string, number[]>();
  const all = new Counts();
  for (let id = 0; id < table.count; id++) {
    const first = rows[table.first[id] ?? 0] as PersonRecord;
    const commune = communeKeyOf(first);
    if (commune !== null) pushTo(areas, `${commune}|${textKey(first.village)}`, id);
    all.add({
      sur: table.parts.value(table.sur[id] ?? -1),
      mid: table.parts.value(table.mid[id] ?? -1),
      giv: table.parts.value(table.giv[id] ?? -1),
      birthDate: table.dates.value(table.date[id] ?? -1),
    });
  }
  const candidates: Cluster[] = [];
  let tests = 0;
  let smallAreas = 0;
  for (const [area, ids] of areas) {
    if (ids.length < minArea) {
      smallAreas++;
      continue;
    }
    const members = ids.map((id) => table.person(id));
    // Counts of the village, and of the rest of the audit as all minus the village.
    const own = new Counts();
    for (const p of members) own.add(p);
    const restPeople = all.people - own.people;
    const restDated = all.dated - own.dated;
    const restPart = (part: NamePart, v: string) => (all.parts[part].get(v) ?? 0) - (own.parts[part].get(v) ?? 0);
    const restYear = (y: string) => (all.years.get(y) ?? 0) - (own.years.get(y) ?? 0);
    // The largest of the reference share, the share elsewhere in the audit and the share among the other
    // people of this village, the cluster left out (clan villages where half the people are "Hồ" are
    // common; the reference lists of young people underrate older names).
    const share = (part: NamePart, v: string | null, g: Gender | null, cluster: number) => {
      if (v === null) return 1;
      const elsewhere = restPeople >= 50 ? restPart(part, v) / restPeople : 0;
      const here = Math.max(0, (own.parts[part].get(v) ?? 0) - cluster) / Math.max(1, own.people - cluster);
      return Math.max(freq.share(part, v, false, g), elsewhere, here);
    };
    const consider = (kind: Cluster['kind'], keyOf: (p: Person) => string | null, prob: (p: Person, cluster: number) => number, population: number) => {
      for (const [value, list] of groupBy(members, keyOf)) {
        tests++;
        // Fewer people than the smallest cluster cannot make one (most groups are one person).
        if (list.length < minCluster) continue;
        const households = new Set(list.map(householdOf)).size;
        if (households < minCluster) continue;
        const lambda = population * prob(list[0] as Person, list.length);
        const p = poissonUpperTail(households, lambda);
        // The correction only grows with the tests still to come: a cluster that fails it now never passes it.
        // (Kept, the people of every cluster of three common names in a village were 200–300 MB of a
        // million-payout audit.)
        if (p * tests >= alpha) continue;
        candidates.push({ kind, area, value, people: list, households, lambda, p });
      }
    };
    consider(
      'fullName',
      (p) => (p.sur !== null && p.full !== null ? p.full : null),
      (p, k) => share('surname', p.sur, p.gender, k) * share('middle', p.mid, p.gender, k) * share('given', p.giv, p.gender, k),
      members.length,
    );
    consider(
      'surnameGiven',
      (p) => (p.sur !== null && p.giv !== null ? `${p.sur} * ${p.giv}` : null),
      (p, k) => share('surname', p.sur, p.gender, k) * share('given', p.giv, p.gender, k),
      members.length,
    );
    const dated = members.filter((p) => p.birthDate !== null).length;
    consider(
      'birthDate',
      (p) => p.birthDate,
      (p, k) => {
        const year = (p.birthDate ?? '').slice(0, 4);
        const elsewhere = restDated >= 50 ? restYear(year) / restDated : 0;
        const here = Math.max(0, (own.years.get(year) ?? 0) - k) / Math.max(1, own.dated - k);
        return Math.max(elsewhere, here, minYearShare) / 365.25;
      },
      dated,
    );
  }
  const fired = candidates.filter((c) => c.p * Math.max(1, tests) < alpha).sort((a, b) => a.p - b.p);
  // A surname + given name cluster that repeats a full-name cluster of the same people adds nothing.
  const reported: Cluster[] = [];
  for (const c of fired) {
    const ids = new Set(c.people.map((p) => p.id));
    const covered = reported.some((r) => r.area === c.area && r.kind !== 'birthDate' && c.kind !== 'birthDate' && c.people.every((p) => r.people.some((q) => q.id === p.id)) && ids.size <= r.people.length);
    if (!covered) reported.push(c);
  }
  const findings = reported.map((c) => clusterFinding(c, s, tests, alpha, maxRecords, areas.get(c.area)?.length ?? 0));
  return {
    findings,
    note: joinNotes([smallAreas > 0 && `${smallAreas} thôn/xã có dưới ${minArea} người, không đánh giá`, tests > 0 && `${tests} nhóm họ tên/ngày sinh được kiểm định (hiệu chỉnh Bonferroni)`]),
  };
}

function clusterFinding(c: Cluster, s: StatSettings, tests: number, alpha: number, maxRecords: number, areaSize: number): Finding {
  const first = c.people[0]?.first as PersonRecord;
  const village = first.village ? `${first.village}, ` : '';
  const place = `${village}${communeLabel(first, communeKeyOf(first) ?? '')}`;
  const names = [...new Set(c.people.map((p) => p.first.fullName ?? '(không ghi tên)'))];
  const what =
    c.kind === 'fullName'
      ? `cùng họ tên "${names[0] ?? c.value}"`
      : c.kind === 'surnameGiven'
        ? `họ tên gần như trùng nhau (cùng họ và tên, khác tên đệm: ${names.join(', ')})`
        : `cùng ngày sinh ${viDate(c.value)}`;
  const basis = c.kind === 'birthDate' ? 'theo phân bố năm sinh' : 'theo tần suất họ, tên đệm và tên';
  const corrected = Math.min(1, c.p * Math.max(1, tests));
  const cited = byPosition(c.people.flatMap((p) => p.rows)).slice(0, maxRecords);
  const chart = smallChart(
    barChart({ title: `Số người ${c.kind === 'birthDate' ? 'cùng ngày sinh' : 'trùng tên'}: ${place}`.slice(0, 70), bars: [{ label: 'Kỳ vọng', value: c.lambda }, { label: 'Thực tế', value: c.households, highlight: true }] }),
  );
  return makeFinding({
    rule: ID,
    category: 'statistical',
    severity: s.severity,
    score: Math.min(1, -Math.log10(Math.max(corrected, 1e-300)) / (-Math.log10(alpha) * 3)),
    amountAtRisk: 0,
    subject: { ...toPlainRecord(first), fullName: c.kind === 'fullName' ? first.fullName : null, idNumber: null },
    records: cited,
    identities: [`area:${c.area}`, `${c.kind}:${c.value}`],
    explanation:
      `${place}: ${c.households} người thuộc các hộ khác nhau ${what}, trong ${areaSize} người của thôn; ${basis}, số kỳ vọng chỉ là ${c.lambda < 0.001 ? 'dưới 0,001' : viNumber(c.lambda, 3)} người. ` +
      `Xác suất ngẫu nhiên có từ ${c.households} người trở lên là ${viProbability(c.p)} (hiệu chỉnh cho ${tests} phép thử: ${viProbability(corrected)} < ${viProbability(alpha)}). ` +
      'Có thể là người được khai khống; cần xác minh từng người tại địa phương. Đây là dấu hiệu rủi ro, không phải kết luận sai phạm.',
    evidence: {
      statistic: 'poissonTail',
      kind: c.kind,
      value: c.value,
      count: c.households,
      people: c.people.length,
      expected: round(c.lambda, 6),
      pValue: c.p,
      pValueCorrected: corrected,
      threshold: alpha,
      tests,
      names,
      peerGroup: { level: 'village', code: c.area, name: place, size: areaSize },
      rowsCited: cited.length,
      ...(chart ? { chart } : {}),
    },
  });
}
