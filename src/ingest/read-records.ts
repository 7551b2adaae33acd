import path from 'node:path';
import type { PersonRecord } from '../domain/index.js';
import { foldKey, NQ42_GROUP_LABELS, resolveGroup, type GroupVocabulary } from '../normalize/index.js';
import { AdminLookup, type AdminAnswer } from './admin-lookup.js';
import { boundedMemo } from './bounded-memo.js';
import type { SheetReader } from './build-record.js';
import { communeTypeOfHeader, extractAdminHints, withCommuneType } from './context-hints.js';
import { openSource } from './open-source.js';
import { planSource } from './plan-file.js';
import { emptyStats, readSheet } from './read-sheet.js';
import { createTextMemos } from './text-memos.js';
import type { FilePlan, FileStats, IngestOptions, SheetPlan } from './types.js';

const DEFAULT_BATCH = 500;

/**
 * Streams the records of every data sheet, in workbook order, in batches of normalised
 * PersonRecords; returns per-sheet counts (read, skipped by reason, rejected, problems) and the
 * mapping used. Rows are never collected: memory stays bounded by the batch size.
 * @example for await (const batch of readRecords('chi-tra.xlsx', { role: 'payouts' })) store(batch)
 */
export async function* readRecords(
  filePath: string,
  options: IngestOptions,
  plan?: FilePlan,
): AsyncGenerator<PersonRecord[], FileStats> {
  const file = path.basename(filePath);
  const groups = options.groups ?? NQ42_GROUP_LABELS;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const source = await openSource(filePath);
  const stats: FileStats = { file, sheets: [], rowsRead: 0, rowsSkipped: 0, rowsRejected: 0, mapping: {} };
  try {
    // Planning mostly waits for the merge pre-scan of the first sheet (inflation on the thread pool):
    // start it, then load the unit list (CPU on this thread) meanwhile.
    const planning = plan ? Promise.resolve(plan) : planSource(source, filePath, options);
    planning.catch(() => {}); // awaited below; this only keeps a failure seen while the list loads
    const admin = await AdminLookup.create();
    const filePlan = await planning;
    let fileAdmin: SheetReader['fileAdmin'] | undefined;
    let batch: PersonRecord[] = [];
    const memos = createTextMemos();
    const cachedGroup = boundedMemo((label) => resolveGroup(label, groups), 10_000);
    let records = 0;
    for (const sheetPlan of filePlan.sheets) {
      const sheetStats = emptyStats(sheetPlan);
      stats.sheets.push(sheetStats);
      if (!sheetPlan.isDataSheet) continue;
      stats.mapping[sheetPlan.sheet] = sheetPlan.mapping;
      if (sheetPlan.context.communeHint === null && fileAdmin === undefined) fileAdmin = fileNameAdmin(file, admin);
      const reader: SheetReader = {
        file,
        role: options.role,
        plan: sheetPlan,
        headerKeys: headerKeys(sheetPlan),
        admin,
        titleAdmin: {
          commune: withCommuneType(sheetPlan.context.communeHint, sheetPlan.context.communeTypeHint ?? null),
          district: sheetPlan.context.districtHint,
          province: sheetPlan.context.provinceHint,
        },
        fileAdmin: fileAdmin ?? null,
        optionAdmin: {
          commune: options.defaultCommune ?? null,
          district: options.defaultDistrict ?? null,
          province: options.defaultProvince ?? null,
        },
        communeCodeColumn: communeCodeColumn(sheetPlan),
        communeColumnType: communeTypeOfHeader(sheetPlan.columns[sheetPlan.mapping.commune ?? -1]?.header ?? ''),
        resolveGroup: cachedGroup,
        sheetGroup: sheetGroup(sheetPlan, groups),
        birthIsDate: birthIsDate(sheetPlan),
        memos,
      };
      for await (const sheetRecords of readSheet(source, reader, sheetStats)) {
        for (const record of sheetRecords) {
          batch.push(record);
          records++;
          if (batch.length >= batchSize) {
            yield batch;
            batch = [];
            options.onProgress?.(records);
          }
        }
      }
      stats.rowsRead += sheetStats.rowsRead;
      stats.rowsSkipped += sheetStats.rowsSkipped;
      stats.rowsRejected += sheetStats.rowsRejected;
    }
    if (batch.length > 0) yield batch;
    options.onProgress?.(records);
    return stats;
  } finally {
    await source.close();
  }
}

/** Keys of `raw`: header text (unique within the sheet), else the column letter. */
function headerKeys(plan: SheetPlan): string[] {
  const used = new Set<string>();
  return plan.columns.map((c) => {
    let key = c.header || c.letter;
    if (used.has(key)) key = `${key} (${c.letter})`;
    used.add(key);
    return key;
  });
}

/** Whether the birth column's header says "ngày": its numbers may then be date serials, not years. */
function birthIsDate(plan: SheetPlan): boolean {
  const index = plan.mapping.birthDate;
  const header = index === undefined ? '' : (plan.columns[index]?.header ?? '');
  return /ngày|ngay/i.test(header);
}

function sheetGroup(plan: SheetPlan, groups: GroupVocabulary[]): SheetReader['sheetGroup'] {
  const code = plan.context.groupCode;
  if (code === null) return null;
  const label = resolveGroup(plan.sheet, groups) === code ? plan.sheet : (plan.context.title ?? plan.sheet);
  return { code, label };
}

/**
 * The commune a file name spells out with its unit word and diacritics ("DS chi trả Xã An Bình,
 * huyện Châu Thành.xlsx"), when it resolves. Unaccented names ("xa-an-binh") are not trusted:
 * folded text matches the wrong commune too easily.
 */
function fileNameAdmin(file: string, admin: AdminLookup): AdminAnswer | null {
  const hints = extractAdminHints([path.basename(file, path.extname(file)).replace(/[_]+/g, ' ')]);
  if (hints.commune === null) return null;
  const answer = admin.lookup(hints);
  return answer.resolved && answer.communeCode !== null ? answer : null;
}

const COMMUNE_CODE_HEADERS = new Set(['ma xa', 'ma xa phuong', 'ma xa phuong thi tran', 'ma don vi', 'ma dvhc', 'ma don vi hanh chinh']);

/** The unmapped column headed "Mã xã" (GSO commune code), if any. */
function communeCodeColumn(plan: SheetPlan): number | null {
  const col = plan.columns.find((c) => c.field === null && COMMUNE_CODE_HEADERS.has(foldKey(c.header)));
  return col ? col.index : null;
}
