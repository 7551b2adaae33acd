import { columnLetter, type RawRow } from '../domain/index.js';
import { detectDominantEncoding, foldKey, resolveGroup, type GroupVocabulary } from '../normalize/index.js';
import { applyExplicitMapping, mappingOf } from './apply-mapping.js';
import { distinctTexts, rowTexts } from './cell-text.js';
import { extractAdminHints, isListTitle, villageOf } from './context-hints.js';
import { detectHeader, HEADER_SCAN_ROWS } from './detect-header.js';
import type { ColumnInfo, ExplicitMapping, SheetContext, SheetPlan } from './types.js';

const MOTTO = /doc lap tu do hanh phuc|cong hoa xa hoi chu nghia/;

/** Rows read from the top of each sheet to plan it. */
export const PLAN_HEAD_ROWS = 40;

export interface PlanSheetInput {
  file: string;
  sheet: string;
  head: readonly RawRow[];
  mapping?: ExplicitMapping;
  groups: GroupVocabulary[];
}

/**
 * Plans one sheet from its first rows: header block, first data row, column fields (explicit
 * mapping applied over detection) and the context its title rows and name give. A sheet without a
 * recognisable header is a non-data sheet with a Vietnamese reason, not an error.
 */
export function planSheet(input: PlanSheetInput): SheetPlan {
  const { sheet, head, groups } = input;
  const detected = detectHeader(head);
  const firstHeader = detected?.headerRows[0] ?? Number.POSITIVE_INFINITY;
  const titleTexts = distinctTexts(head.filter((r) => r.row < firstHeader).slice(0, 15).flatMap((r) => rowTexts(r.cells)));
  const context = sheetContext(sheet, detected ? titleTexts : [], groups);
  if (!detected) {
    const empty = head.every((r) => distinctTexts(rowTexts(r.cells)).length === 0);
    return {
      sheet,
      headerRows: [],
      dataStartRow: 1,
      columns: [],
      mapping: {},
      context,
      confidence: 0,
      isDataSheet: false,
      reason: empty
        ? 'trang trống'
        : `không tìm thấy dòng tiêu đề cột (Họ và tên, Số CMND/CCCD, Số tiền…) trong ${HEADER_SCAN_ROWS} dòng đầu`,
    };
  }
  const width = Math.max(detected.columns.length, ...head.map((r) => r.cells.length));
  const columns: ColumnInfo[] = Array.from({ length: width }, (_, index) => {
    return detected.columns[index] ?? { index, letter: columnLetter(index), header: '', field: null };
  });
  const mapped = applyExplicitMapping(columns, input.mapping, { file: input.file, sheet });
  const legacy = detectDominantEncoding(head.flatMap((r) => r.cells.filter((c): c is string => typeof c === 'string')));
  return {
    sheet,
    headerRows: detected.headerRows,
    dataStartRow: detected.dataStartRow,
    columns: mapped,
    mapping: mappingOf(mapped),
    context,
    confidence: detected.confidence,
    isDataSheet: true,
    ...(legacy !== null ? { legacy } : {}),
  };
}

/** Title, group, admin-unit hints and village from the rows above the header and the sheet name. */
export function sheetContext(sheet: string, titleTexts: readonly string[], groups: GroupVocabulary[]): SheetContext {
  const title = titleTexts.find(isListTitle) ?? null;
  const hints = extractAdminHints([...titleTexts, sheet]);
  let groupCode = resolveGroup(sheet, groups);
  if (groupCode === null) {
    // The list title and the rows under it; the agency and the national motto above it ("Tự do") name no group.
    const from = title === null ? 0 : titleTexts.indexOf(title);
    const candidates = titleTexts.slice(from).filter((t) => !MOTTO.test(foldKey(t)));
    for (const t of candidates) {
      groupCode = resolveGroup(t, groups);
      if (groupCode !== null) break;
    }
  }
  return {
    title,
    groupCode,
    communeHint: hints.commune,
    communeTypeHint: hints.communeType,
    districtHint: hints.district,
    provinceHint: hints.province,
    village: villageOf(sheet),
  };
}
