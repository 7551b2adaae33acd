import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../src/data/vn-names/', import.meta.url));

function firstColumn(path: string): string[] {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  return (path.endsWith('.csv') ? lines.slice(1).map((l) => l.split(',')[0] ?? '') : lines).filter((x) => x !== '');
}

/** Names of the UIT-ViNames counts (surnames, middle and given names). */
export function uitNames(): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.csv'))
    .flatMap((f) => firstColumn(DIR + f));
}

/** Names of the MIT duyet/vietnamese-namedb counts and pair lists. */
export function duyetNames(): string[] {
  const dir = DIR + 'alt-mit-duyet/';
  return readdirSync(dir).flatMap((f) => firstColumn(dir + f));
}

function column(file: string, limit: number): string[] {
  return firstColumn(DIR + file).slice(0, limit);
}

/** Deterministic full names "surname middle given" from the most frequent parts. */
export function fullNames(count: number): string[] {
  const s = column('surnames.csv', 60);
  const m = [...column('middle_names_male.csv', 150), ...column('middle_names_female.csv', 150)];
  const g = [...column('given_names_male.csv', 300), ...column('given_names_female.csv', 300)];
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(`${s[i % s.length]} ${m[(i * 7) % m.length]} ${g[(i * 13) % g.length]}`);
  return out;
}
