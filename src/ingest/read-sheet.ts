import path from 'node:path';
import { AppError, type PersonRecord, type RawRow } from '../domain/index.js';
import { foldKey } from '../normalize/index.js';
import { buildRecord, type SectionState, type SheetReader } from './build-record.js';
import { cleanRow, cleanTextCell } from './cell-text.js';
import { boundedMemo } from './bounded-memo.js';
import { classifyRow } from './classify-row.js';
import { stripListPrefix, villageOf } from './context-hints.js';
import type { RowSource } from './open-source.js';
import { SKIP_REASONS, type SheetPlan, type SheetStats, type SkipReason } from './types.js';

/** Problems kept per sheet; beyond that only counted, so a broken file cannot exhaust memory. */
const MAX_PROBLEMS = 1000;

export function emptyStats(plan: SheetPlan): SheetStats {
  const skipped = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number>;
  return {
    sheet: plan.sheet,
    headerRow: plan.isDataSheet ? (plan.headerRows[0] ?? null) : null,
    rowsRead: 0,
    rowsSkipped: 0,
    rowsRejected: 0,
    skipped,
    problems: [],
  };
}

/**
 * Streams the records of one data sheet from its first data row, a batch of records per batch of rows
 * read (no asynchronous step per row: on a million rows those cost about a second), counting into
 * `stats` every other row by reason (blank, section, total, note, signature block, repeated header)
 * and every rejected row with its problem. Section headings set the village and group of the rows below.
 */
export async function* readSheet(source: RowSource, reader: SheetReader, stats: SheetStats): AsyncGenerator<PersonRecord[]> {
  const { plan } = reader;
  const columns = {
    name: plan.mapping.fullName ?? plan.mapping.householdHead,
    id: plan.mapping.idNumber,
    amount: plan.mapping.amount,
  };
  const signatures = headerSignatures(plan);
  // A sheet typed in a legacy font converts every cell that may be legacy text, even one that alone reads as Unicode ("Hé kinh doanh").
  const legacy = plan.legacy;
  const clean = legacy === undefined ? reader.memos.clean : boundedMemo((raw: string) => cleanTextCell(raw, legacy));
  const isGroupLabel = (text: string): boolean => reader.resolveGroup(text) !== null;
  const section: SectionState = { village: null, groupCode: null, groupLabel: null };
  let inSignatureBlock = false;
  let lastRow = plan.dataStartRow - 1;
  const skip = (reason: SkipReason, n = 1): void => {
    stats.skipped[reason] += n;
    stats.rowsSkipped += n;
  };
  const recordOf = (row: RawRow): PersonRecord | null => {
    // The xlsx reader leaves out empty rows: count the gap so every row is accounted for.
    const gap = source.omitsBlankRows ? row.row - lastRow - 1 : 0;
    if (gap > 0) skip(inSignatureBlock ? 'signature' : 'blank', gap);
    lastRow = row.row;
    const cleaned = cleanRow(row.cells, clean);
    const kind = classifyRow({ texts: cleaned.texts, columns, signatures, inSignatureBlock, isGroupLabel, fold: reader.memos.fold });
    if (kind.kind !== 'data') {
      skip(kind.kind);
      if (kind.kind === 'signature') inSignatureBlock = true;
      if (kind.kind === 'section' && kind.heading !== undefined) updateSection(section, kind.heading, reader);
      return null;
    }
    const built = buildRecord(row, cleaned, reader, section);
    for (const p of built.problems) {
      if (stats.problems.length < MAX_PROBLEMS) stats.problems.push(p);
    }
    if (!built.record) {
      stats.rowsRejected++;
      return null;
    }
    stats.rowsRead++;
    return built.record;
  };
  try {
    for await (const rows of source.rowBatches(plan.sheet)) {
      const records: PersonRecord[] = [];
      for (const row of rows) {
        if (row.row < plan.dataStartRow) continue;
        const record = recordOf(row);
        if (record) records.push(record);
      }
      if (records.length > 0) yield records;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const where = { file: path.basename(reader.file), sheet: plan.sheet, row: lastRow + 1 };
    throw new AppError('UNREADABLE_FILE', 'lỗi khi đọc dữ liệu của trang', where, { cause: error });
  }
}

/** Folded first and last header parts per column: a page-break repeat of either header row matches one. */
function headerSignatures(plan: SheetPlan): string[][] {
  const first = plan.columns.map((c) => foldKey(c.header.split(' / ')[0] ?? ''));
  const last = plan.columns.map((c) => {
    const parts = c.header.split(' / ');
    return foldKey(parts[parts.length - 1] ?? '');
  });
  return [first, last];
}

/** A heading naming a village or a group sets it for the rows below. */
function updateSection(section: SectionState, heading: string, reader: SheetReader): void {
  const village = villageOf(heading);
  if (village !== null) section.village = village;
  const label = stripListPrefix(heading);
  const code = reader.resolveGroup(label);
  if (code !== null) {
    section.groupCode = code;
    section.groupLabel = label;
  }
}
