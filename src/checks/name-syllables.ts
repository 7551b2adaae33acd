import { existsSync, readFileSync } from 'node:fs';
import { toneForm } from '../match/index.js';

/** Middle- and given-name lists of src/data/vn-names (see src/data/README.md); a file that is absent is skipped. */
const FILES = [
  'middle_names_male.csv', 'middle_names_female.csv', 'given_names_male.csv', 'given_names_female.csv',
  'alt-mit-duyet/middle_names.csv', 'alt-mit-duyet/given_names.csv',
] as const;

/** People a syllable must name in the reference lists to count as a real name rather than a slip of the keyboard. */
const MIN_COUNT = 3;

let attested: ReadonlySet<string> | null = null;

function load(): ReadonlySet<string> {
  const counts = new Map<string, number>();
  const folder = new URL('../data/vn-names/', import.meta.url);
  for (const file of FILES) {
    const url = new URL(file, folder);
    if (!existsSync(url)) continue;
    const lines = readFileSync(url, 'utf8').split('\n');
    const iCount = (lines[0] ?? '').split(',').indexOf('count');
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      const count = Number(cells[iCount]);
      if (!Number.isFinite(count)) continue;
      for (const syllable of (cells[0] ?? '').split(/\s+/)) {
        if (syllable === '') continue;
        const key = toneForm(syllable);
        counts.set(key, (counts.get(key) ?? 0) + count);
      }
    }
  }
  return new Set([...counts].filter(([, n]) => n >= MIN_COUNT).map(([k]) => k));
}

/**
 * Whether a syllable, with its diacritics, is a Vietnamese middle or given name that real people bear
 * ("Mạnh", "Minh", "Thành"), by its tone form (so "Thuý" and "Thúy" are one). Two such syllables that
 * differ are two names, even when they differ by one letter once diacritics are dropped ("manh" / "minh").
 */
export function isAttestedNameSyllable(syllable: string): boolean {
  attested ??= load();
  return attested.has(toneForm(syllable));
}
