import { foldKey } from './fold-key.js';

/** The labels that name one support group; matched after {@link foldKey}, so diacritics and case do not matter. */
export interface GroupVocabulary {
  readonly code: string;
  readonly labels: readonly string[];
}

interface FoldedLabel {
  readonly code: string;
  readonly key: string;
}

const folded = new WeakMap<readonly GroupVocabulary[], readonly FoldedLabel[]>();

function labelsOf(groups: readonly GroupVocabulary[]): readonly FoldedLabel[] {
  let list = folded.get(groups);
  if (!list) {
    list = groups
      .flatMap((g) => g.labels.map((l) => ({ code: g.code, key: foldKey(l) })))
      .filter((l) => l.key !== '')
      .sort((a, b) => b.key.length - a.key.length);
    folded.set(groups, list);
  }
  return list;
}

/**
 * The group code named by a cell, title or sheet name: the longest label whose folded form occurs in the
 * folded text on word boundaries ("hộ cận nghèo" contains "nghèo" but the longer "cận nghèo" wins).
 * Null when no label occurs.
 *
 * @example resolveGroup('DANH SÁCH HỘ NGHÈO ĐƯỢC HỖ TRỢ', NQ42_GROUP_LABELS) // 'HN'
 */
export function resolveGroup(text: string, groups: readonly GroupVocabulary[]): string | null {
  const key = ` ${foldKey(text)} `;
  if (key.trim() === '') return null;
  for (const label of labelsOf(groups)) {
    if (key.includes(` ${label.key} `)) return label.code;
  }
  return null;
}
