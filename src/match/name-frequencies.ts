/**
 * Reference frequencies of Vietnamese surnames, middle names and given names, from the aggregate counts in
 * src/data/vn-names (see src/data/README.md for sources and licences). Used to weigh agreement by how
 * common a value is: two records agreeing on "Hùng" say less than two agreeing on "Khuê".
 * The counts of every source present are summed; a source file that is absent is skipped, so either
 * corpus can be removed without code changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Gender } from '../domain/index.js';
import { asciiKey, toneForm, wordTokens } from './text.js';

export type NamePart = 'surname' | 'middle' | 'given';

/** Counts of one name part: by tone form and by ASCII key, for men, women and everyone. */
interface PartTable {
  readonly byTone: Map<string, number>[]; // [all, male, female]
  readonly byKey: Map<string, number>[];
  readonly totals: number[];
}

export interface NameFrequencies {
  /**
   * Share of people (of the gender when known) whose `part` is `value`; `value` is a tone form when
   * `toned`, else an ASCII key. Unseen values get half a count, so the share is never zero.
   */
  share(part: NamePart, value: string, toned: boolean, gender: Gender | null): number;
}

/** Source files as [path under vn-names, part, gender column or fixed gender]. */
const SOURCES: readonly (readonly [string, NamePart, 'M' | 'F' | 'split' | 'none'])[] = [
  ['surnames.csv', 'surname', 'split'],
  ['middle_names_male.csv', 'middle', 'M'],
  ['middle_names_female.csv', 'middle', 'F'],
  ['given_names_male.csv', 'given', 'M'],
  ['given_names_female.csv', 'given', 'F'],
  ['alt-mit-duyet/surnames.csv', 'surname', 'none'],
  ['alt-mit-duyet/middle_names.csv', 'middle', 'none'],
  ['alt-mit-duyet/given_names.csv', 'given', 'none'],
];

function emptyTable(): PartTable {
  return { byTone: [new Map(), new Map(), new Map()], byKey: [new Map(), new Map(), new Map()], totals: [0, 0, 0] };
}

function add(table: PartTable, slot: number, name: string, count: number): void {
  const tone = wordTokens(name).map(toneForm).join(' ');
  const key = asciiKey(name);
  const byTone = table.byTone[slot];
  const byKey = table.byKey[slot];
  if (byTone === undefined || byKey === undefined) return;
  byTone.set(tone, (byTone.get(tone) ?? 0) + count);
  byKey.set(key, (byKey.get(key) ?? 0) + count);
  table.totals[slot] = (table.totals[slot] ?? 0) + count;
}

/** Builds the tables from CSV files `name,count,…` (and `count_male,count_female` for `split`). */
export function loadNameFrequencies(folder: URL = new URL('../data/vn-names/', import.meta.url)): NameFrequencies {
  const tables: Record<NamePart, PartTable> = { surname: emptyTable(), middle: emptyTable(), given: emptyTable() };
  for (const [file, part, gender] of SOURCES) {
    const url = new URL(file, folder);
    if (!existsSync(url)) continue;
    const lines = readFileSync(url, 'utf8').split('\n');
    const header = (lines[0] ?? '').split(',');
    const iCount = header.indexOf('count');
    const iMale = header.indexOf('count_male');
    const iFemale = header.indexOf('count_female');
    const table = tables[part];
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      const name = cells[0];
      const count = Number(cells[iCount]);
      if (name === undefined || name === '' || !Number.isFinite(count)) continue;
      add(table, 0, name, count);
      if (gender === 'M' || gender === 'F') add(table, gender === 'M' ? 1 : 2, name, count);
      else if (gender === 'split') {
        add(table, 1, name, Number(cells[iMale]) || 0);
        add(table, 2, name, Number(cells[iFemale]) || 0);
      }
    }
  }
  return {
    share(part, value, toned, gender) {
      const table = tables[part];
      let slot = gender === 'M' ? 1 : gender === 'F' ? 2 : 0;
      if ((table.totals[slot] ?? 0) === 0) slot = 0;
      const total = table.totals[slot] ?? 0;
      if (total === 0) return 1e-4;
      const map = (toned ? table.byTone : table.byKey)[slot];
      const count = map?.get(value) ?? 0;
      return Math.max(count, 0.5) / total;
    },
  };
}

let cached: NameFrequencies | null = null;

/** The shipped tables, read once on first use. */
export function defaultNameFrequencies(): NameFrequencies {
  cached ??= loadNameFrequencies();
  return cached;
}
