import { CANONICAL_FIELDS, isCanonicalField, type CanonicalField } from '../../../domain/index.js';
import type { ExplicitMapping } from '../../../ingest/index.js';
import type { StagedColumn, StagedFile, StagedSheet, StagingManifest } from '../../jobs/upload-staging.js';

/** Data sheets of one file with the same columns (letters, headers, detected fields): one mapping table. */
export interface SheetLayout {
  /** The index of the layout's first sheet: names its selects. */
  readonly sheetIndex: number;
  readonly sheets: readonly StagedSheet[];
  readonly columns: readonly StagedColumn[];
}

/**
 * Groups a file's data sheets by column layout, in workbook order. Commune workbooks usually have one
 * sheet per village or group with the same columns, and the ingest applies one explicit mapping to
 * every sheet of a file: one table per layout shows that honestly and keeps the labels unique.
 */
export function layoutsOf(file: StagedFile): SheetLayout[] {
  const byKey = new Map<string, { sheetIndex: number; sheets: StagedSheet[]; columns: readonly StagedColumn[] }>();
  file.sheets.forEach((sheet, sheetIndex) => {
    if (!sheet.isDataSheet) return;
    const key = JSON.stringify(sheet.columns.map((c) => [c.letter, c.header, c.field]));
    const layout = byKey.get(key);
    if (layout) layout.sheets.push(sheet);
    else byKey.set(key, { sheetIndex, sheets: [sheet], columns: sheet.columns });
  });
  return [...byKey.values()];
}

/** `trang "Thôn 1", "Thôn 2"`. */
export function sheetNames(layout: SheetLayout): string {
  return `trang ${layout.sheets.map((s) => `"${s.sheet}"`).join(', ')}`;
}

/** The form name of the select of one column of one sheet of one staged file. */
export function selectName(file: StagedFile, sheetIndex: number, letter: string): string {
  return `map:${file.folder}:${sheetIndex}:${letter}`;
}

/** Field name → "Họ và tên (fullName)". */
export function fieldLabel(field: CanonicalField): string {
  return `${CANONICAL_FIELDS[field]} (${field})`;
}

export interface MappingChoice {
  /** Staged file folder → the explicit mapping to ingest it with (only what the inspector changed). */
  readonly mappings: ReadonlyMap<string, ExplicitMapping>;
  /** Select name → submitted value, to show the form again as it was sent. */
  readonly selected: ReadonlyMap<string, string>;
  /** Vietnamese problems; none → the mappings may be used. */
  readonly errors: readonly string[];
}

/**
 * Reads the preview's column selects (one set per sheet layout, see {@link layoutsOf}) against what
 * the preview detected (kept with the staging, so only the columns it showed are read) and turns each
 * file's choices into an explicit mapping of the fields the inspector changed. The ingest applies an
 * explicit mapping to every sheet of a file, so only the changes are sent (other layouts keep their
 * own detection), and two layouts of one file may not move a field to different columns. Refused:
 * unknown fields, a field chosen for two columns, and "(bỏ qua)" on a detected column whose field is
 * not moved elsewhere (an explicit mapping can move a field, not drop it).
 */
export function readMappingChoice(manifest: StagingManifest, form: Record<string, unknown>): MappingChoice {
  const mappings = new Map<string, ExplicitMapping>();
  const selected = new Map<string, string>();
  const errors: string[] = [];
  for (const file of manifest.files) {
    const explicit: Partial<Record<CanonicalField, { letter: string | null; sheets: string }>> = {};
    for (const layout of layoutsOf(file)) {
      const where = `tệp "${file.name}", ${sheetNames(layout)}`;
      const chosen = new Map<string, CanonicalField | null>();
      for (const column of layout.columns) {
        const name = selectName(file, layout.sheetIndex, column.letter);
        const raw = form[name];
        const value = typeof raw === 'string' ? raw.trim() : (column.field ?? '');
        selected.set(name, value);
        if (value !== '' && !isCanonicalField(value)) {
          errors.push(`${where}, cột ${column.letter}: "${value}" không phải trường chuẩn`);
          continue;
        }
        chosen.set(column.letter, value === '' ? null : value);
      }
      const byField = new Map<CanonicalField, string[]>();
      for (const [letter, field] of chosen) if (field) byField.set(field, [...(byField.get(field) ?? []), letter]);
      for (const [field, letters] of byField) {
        if (letters.length > 1) errors.push(`${where}: trường "${CANONICAL_FIELDS[field]}" được chọn cho nhiều cột (${letters.join(', ')}); mỗi trường chỉ được chọn cho một cột`);
      }
      for (const column of layout.columns) {
        // "(bỏ qua)" on a detected column whose field is chosen nowhere else: the field is dropped.
        if (column.field && chosen.get(column.letter) === null && !byField.has(column.field)) {
          const earlier = explicit[column.field];
          if (earlier && earlier.letter !== null) {
            errors.push(
              `tệp "${file.name}": trường "${CANONICAL_FIELDS[column.field]}" được đổi sang cột ${earlier.letter} ở ${earlier.sheets} nhưng bị bỏ qua ở ${sheetNames(layout)}; ánh xạ sửa tay áp dụng cho mọi trang của tệp nên phải giống nhau`,
            );
          } else {
            explicit[column.field] = { letter: null, sheets: sheetNames(layout) };
          }
        }
      }
      for (const [letter, field] of chosen) {
        if (!field) continue;
        const detected = layout.columns.find((c) => c.field === field)?.letter;
        if (detected === letter) continue;
        const earlier = explicit[field];
        if (earlier && earlier.letter !== letter) {
          const before = earlier.letter === null ? 'bị bỏ qua' : `được đổi sang cột ${earlier.letter}`;
          errors.push(
            `tệp "${file.name}": trường "${CANONICAL_FIELDS[field]}" ${before} ở ${earlier.sheets} nhưng sang cột ${letter} ở ${sheetNames(layout)}; ánh xạ sửa tay áp dụng cho mọi trang của tệp nên phải giống nhau`,
          );
          continue;
        }
        explicit[field] = { letter, sheets: sheetNames(layout) };
      }
    }
    const mapping: ExplicitMapping = {};
    for (const [field, target] of Object.entries(explicit)) if (target) mapping[field as CanonicalField] = target.letter;
    mappings.set(file.folder, mapping);
  }
  return { mappings, selected, errors };
}
