import { AppError, CANONICAL_FIELDS, columnLetter, isCanonicalField, type CanonicalField, type ColumnMapping } from '../domain/index.js';
import { foldKey } from '../normalize/index.js';
import type { ColumnInfo, ExplicitMapping } from './types.js';

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Applies an explicit mapping (field → column letter or header text) over the detected columns:
 * the named column gets the field, and no other column keeps it; null or "" maps the field to no
 * column (the detected one is ignored). A column that does not exist is
 * an INVALID_MAPPING error naming the file and sheet.
 */
export function applyExplicitMapping(
  columns: readonly ColumnInfo[],
  explicit: ExplicitMapping | undefined,
  where: { file: string; sheet: string },
): ColumnInfo[] {
  const out = columns.map((c) => ({ ...c }));
  if (!explicit) return out;
  const last = out.length > 0 ? columnLetter(out.length - 1) : 'A';
  for (const [field, target] of Object.entries(explicit)) {
    if (target === undefined) continue;
    if (!isCanonicalField(field)) {
      throw new AppError('INVALID_MAPPING', `trường "${field}" không có trong danh sách trường chuẩn`, where);
    }
    const wanted = target === null ? '' : String(target).trim();
    if (wanted === '') {
      // null or "": the field is read from no column (a detected column is ignored).
      for (const c of out) if (c.field === field) c.field = null;
      continue;
    }
    let index = -1;
    if (/^[A-Za-z]{1,3}$/.test(wanted)) {
      const byLetter = letterIndex(wanted);
      if (byLetter < out.length) index = byLetter;
    }
    if (index < 0) {
      const key = foldKey(wanted);
      index = out.findIndex((c) => foldKey(c.header) === key || c.header.split(' / ').some((p) => foldKey(p) === key));
    }
    if (index < 0) {
      const what = /^[A-Za-z]{1,3}$/.test(wanted) ? `cột ${wanted.toUpperCase()}` : `cột có tiêu đề "${wanted}"`;
      throw new AppError(
        'INVALID_MAPPING',
        `ánh xạ ${field} (${CANONICAL_FIELDS[field]}) chỉ tới ${what}, nhưng trang này không có cột đó (các cột A–${last})`,
        where,
      );
    }
    for (const c of out) if (c.field === field) c.field = null;
    const col = out[index];
    if (col) col.field = field as CanonicalField;
  }
  return out;
}

/** Field → column index, from the columns' fields. */
export function mappingOf(columns: readonly ColumnInfo[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const c of columns) if (c.field !== null && mapping[c.field] === undefined) mapping[c.field] = c.index;
  return mapping;
}
