import { BORN } from './baseline.js';
import type { GroupCode } from './model.js';
import type { World } from './world.js';

/** Statistical checks the samples plant (one anomaly each; see README "Statistical anomalies"). */
export const PLANTED_STATISTICAL_RULES = ['COMMUNE_OUTLIER', 'NAME_CLUSTER'] as const;

/** People per resident in the sample communes: about one payout row per 100 residents. */
const RESIDENTS_PER_ROW = 100;

/**
 * Makes the population register agree with the lists, as in reality: a commune's population is about
 * 100 × its payout rows (± 8%), so that beneficiaries per 1,000 residents are comparable between communes.
 * Called before {@link plantStatistical}, so the inflated commune keeps the population of its true list.
 */
export function scalePopulation(world: World): void {
  const r = world.random;
  for (const commune of world.communes) {
    const rows = world.payouts.filter((e) => e.communeIndex === commune.index).length;
    const i = world.population.findIndex((p) => p.code === commune.code);
    const row = world.population[i];
    if (row === undefined || rows === 0) continue;
    const population = Math.round((rows * RESIDENTS_PER_ROW * r.int(92, 108)) / 100);
    world.population[i] = { ...row, population, households: Math.round((population / r.int(34, 42)) * 10) };
  }
}

/**
 * Plants the statistical anomalies: one commune whose informal-worker (TUDO) list is made three times the
 * district's median commune's while its population stays that of its true list (COMMUNE_OUTLIER), and one village where five people of different households
 * carry one rare full name (NAME_CLUSTER, invented people). Every one is approved and paid, with a valid
 * CCCD of their own, so no row-level check sees anything wrong.
 */
export function plantStatistical(world: World): void {
  const r = world.random;
  const inflated = r.pick(world.communes.map((c) => c.index));
  const tudoOf = (c: number) => world.payouts.filter((e) => e.communeIndex === c && e.group === 'TUDO').length;
  const tudo = tudoOf(inflated);
  // Three times the district's usual TUDO list (its median commune), whatever this commune had.
  const usual = world.communes.filter((c) => c.index !== inflated).map((c) => tudoOf(c.index)).sort((a, b) => a - b);
  const median = usual[Math.floor(usual.length / 2)] ?? tudo;
  const extra = Math.max(15, 3 * median - tudo);
  const keys: string[] = [];
  for (let i = 0; i < extra; i++) {
    const p = world.person(inflated, BORN.TUDO, { id: 'CCCD' });
    keys.push(world.addPayee(p, 'TUDO').pay.key);
  }
  const name = world.commune(inflated).name;
  world.anomaly(
    'COMMUNE_OUTLIER',
    keys,
    `${name}: thêm ${extra} người lao động tự do (vốn có ${tudo}, xã trung vị của huyện có ${median}) vào danh sách; số đối tượng nhóm này trên 1.000 dân gấp khoảng 3 lần các xã cùng huyện.`,
  );

  const others = world.communes.map((c) => c.index).filter((i) => i !== inflated);
  const c = r.pick(others);
  const villageSizes = world.commune(c).villages.map((_, v) => world.payouts.filter((e) => e.communeIndex === c && e.villageIndex === v).length);
  const village = villageSizes.indexOf(Math.max(...villageSizes));
  const groups: GroupCode[] = ['TUDO', 'NCC', 'BTXH', 'TUDO', 'BTXH'];
  const cluster = groups.map((group) => {
    const p = world.person(c, BORN[group], { id: 'CCCD', village, gender: 'M', fullName: 'Lò Văn Khiêm' });
    return world.addPayee(p, group).pay.key;
  });
  world.anomaly(
    'NAME_CLUSTER',
    cluster,
    `${world.commune(c).villages[village] ?? ''}, ${world.commune(c).name}: 5 người khác hộ cùng họ tên "Lò Văn Khiêm" (họ hiếm), có thể là người được khai khống.`,
  );
}
