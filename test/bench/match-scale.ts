/**
 * Timing of the person matcher on synthetic Vietnamese lists: `npx tsx test/bench/match-scale.ts 100000 1000000`.
 * Names are drawn from the shipped name-frequency tables, spread over communes (1,000 people each), villages
 * and households; 2% of the records get a noisy duplicate (dropped diacritics, tone-mark placement, a typo,
 * a missing ID; every pair within one person's rows is a true pair). Prints the time of `dedupe` and the pairwise precision/recall against the planted pairs.
 * A measuring script, not a unit test.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { MatchInput } from '../../src/match/index.js';
import { asciiKey, dedupe } from '../../src/match/index.js';
import { mulberry32 as random } from '../../src/samples/index.js';


/** A sampler over `name,count` rows of a shipped CSV. */
function sampler(file: string): (r: number) => string {
  const rows = readFileSync(new URL(`../../src/data/vn-names/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c[0] !== undefined && c[0] !== '' && Number(c[1]) > 1);
  const names = rows.map((c) => c[0] ?? '');
  const cum: number[] = [];
  let total = 0;
  for (const c of rows) cum.push((total += Number(c[1])));
  return (r) => {
    const x = r * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return names[lo] ?? '';
  };
}

const surname = sampler('surnames.csv');
const middle = { M: sampler('middle_names_male.csv'), F: sampler('middle_names_female.csv') };
const given = { M: sampler('given_names_male.csv'), F: sampler('given_names_female.csv') };

export function generate(n: number, seed: number): { records: MatchInput[]; truth: Set<string> } {
  const rnd = random(seed);
  const originals = Math.round(n / 1.02);
  const records: MatchInput[] = [];
  for (let i = 0; i < originals; i++) {
    const gender = rnd() < 0.5 ? 'M' : 'F';
    const full = `${surname(rnd())} ${middle[gender](rnd())} ${given[gender](rnd())}`;
    const commune = Math.floor(i / 1000);
    const year = 1930 + Math.floor(rnd() * 75);
    const hasId = rnd() < 0.7;
    records.push({
      fullName: full,
      nameKey: asciiKey(full),
      birthDate: rnd() < 0.3 ? `${year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}` : null,
      birthYear: year,
      gender,
      idNumber: hasId ? `${100000 + Math.floor(rnd() * 900000)}${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}` : null,
      idKind: hasId ? 'CCCD' : null,
      flags: [],
      householdCode: `H${commune}-${Math.floor(rnd() * 300)}`,
      householdHead: null,
      communeCode: String(10000 + commune),
      village: `Thôn ${1 + Math.floor(rnd() * 10)}`,
      address: null,
    });
  }
  const truth = new Set<string>();
  const copies = new Map<number, number[]>(); // original → its duplicates
  while (records.length < n) {
    const i = Math.floor(rnd() * originals);
    const o = records[i];
    if (o === undefined) continue;
    let name = o.fullName ?? '';
    const noise = rnd();
    if (noise < 0.3) name = asciiKey(name).toUpperCase();
    else if (noise < 0.45) name = name.replace('ò', 'o').replace('ú', 'u');
    else if (noise < 0.6) name = name.slice(0, -1) + 'x';
    records.push({ ...o, fullName: name, nameKey: asciiKey(name), idNumber: rnd() < 0.5 ? null : o.idNumber, idKind: null });
    const dup = records.length - 1;
    const earlier = copies.get(i) ?? [];
    for (const other of [i, ...earlier]) truth.add(`${other}|${dup}`);
    copies.set(i, [...earlier, dup]);
  }
  return { records, truth };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
for (const arg of isMain ? process.argv.slice(2) : []) {
  const n = Number(arg);
  const { records, truth } = generate(n, 42);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const pairs = dedupe(records);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const matches = pairs.filter((p) => p.decision === 'match');
  const tp = matches.filter((p) => truth.has(`${p.a}|${p.b}`)).length;
  const mem = process.memoryUsage().heapUsed / 1e6;
  console.log(
    `${n} records: dedupe ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU, ${pairs.length} pairs (${matches.length} match); ` +
      `planted ${truth.size}, precision ${(tp / Math.max(1, matches.length)).toFixed(4)}, recall ${(tp / truth.size).toFixed(4)}; heap ${mem.toFixed(0)} MB`,
  );
}
