import type { PackageRules } from './schema.js';

/** Diacritic-free lowercase key with single spaces and no punctuation ("đ" → "d"). */
export function labelKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The group code a spreadsheet label stands for, using the package's label synonyms: exact key
 * first, then the longest synonym contained in the label. Null when nothing fits.
 * @example groupForLabel(rules, 'Hộ cận nghèo năm 2019') // 'HCN'
 */
export function groupForLabel(rules: PackageRules, label: string): string | null {
  const key = labelKey(label);
  if (key === '') return null;
  let best: { code: string; len: number } | null = null;
  for (const [code, group] of Object.entries(rules.groups)) {
    for (const synonym of [code, ...group.labels]) {
      const s = labelKey(synonym);
      if (s === key) return code;
      if (s.length >= 4 && (` ${key} `).includes(` ${s} `) && (best === null || s.length > best.len)) best = { code, len: s.length };
    }
  }
  return best?.code ?? null;
}
