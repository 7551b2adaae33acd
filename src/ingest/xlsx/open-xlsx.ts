/**
 * The streaming .xlsx reader: opens the zip with random access, reads the small parts (workbook, relationships,
 * styles) up front and the shared strings on first use, then streams one worksheet at a time through the byte
 * tokenizer. Values are those exceljs reports; memory stays bounded by the shared strings and one chunk.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError, type MergeRange, type RawRow } from '../../domain/index.js';
import { batchedRows } from './batched-rows.js';
import { dateStyleFlags } from './date-styles.js';
import { detectSpreadsheetFormat, type SpreadsheetFormat } from './detect-spreadsheet-format.js';
import { MergeFiller } from './merge-filler.js';
import { scanMerges } from './merge-scan.js';
import { officeDocumentPath, parseRelationships, parseWorkbook, relsPathOf, type SheetPart } from './package-parts.js';
import { readSharedStrings } from './shared-strings.js';
import { SheetScanner } from './sheet-scanner.js';
import type { XlsxRowsOptions, XlsxSheetInfo, XlsxWorkbook } from './types.js';
import { openZip, type ZipArchive } from './zip-archive.js';

const SAVE_AS_XLSX = 'Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx.';

/** The Vietnamese explanation for each format the reader refuses. */
const REFUSALS: Readonly<Record<Exclude<SpreadsheetFormat, 'xlsx'>, string>> = {
  xls: `Tệp có định dạng .xls (Excel 97-2003), chương trình chỉ đọc .xlsx và .csv. ${SAVE_AS_XLSX}`,
  ods: `Tệp có định dạng .ods (LibreOffice/OpenOffice Calc), chương trình chỉ đọc .xlsx và .csv. ${SAVE_AS_XLSX}`,
  xlsb: `Tệp có định dạng .xlsb (bảng tính nhị phân của Excel), chương trình chỉ đọc .xlsx và .csv. Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx (Excel Workbook).`,
  encrypted:
    'Tệp được đặt mật khẩu (đã mã hóa) nên chương trình không đọc được. Hãy mở tệp bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại dưới dạng .xlsx.',
  csv: 'Tệp là tệp văn bản (CSV), không phải sổ làm việc .xlsx; hãy nạp tệp này bằng chức năng đọc CSV.',
  unknown: `Tệp không phải là bảng tính .xlsx hay .csv mà chương trình đọc được. ${SAVE_AS_XLSX}`,
};

const CORRUPT = 'Tệp .xlsx bị hỏng hoặc không đầy đủ nên không giải nén được. Hãy mở lại tệp bằng Excel để kiểm tra, hoặc xin gửi lại tệp gốc.';

function unreadable(file: string, cause: unknown, sheet?: string): AppError {
  if (cause instanceof AppError) return cause;
  return new AppError('UNREADABLE_FILE', CORRUPT, sheet === undefined ? { file } : { file, sheet }, { cause });
}

async function isZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b;
  } finally {
    await handle.close();
  }
}

async function readText(zip: ZipArchive, path: string | undefined): Promise<string | undefined> {
  const entry = path === undefined ? undefined : zip.entries.get(path);
  return entry ? (await zip.readAll(entry)).toString('utf8') : undefined;
}

/**
 * Opens an .xlsx workbook for streaming. Refuses .xls, .ods, .xlsb, encrypted and non-spreadsheet files with
 * AppError('UNSUPPORTED_FORMAT') and a damaged package with AppError('UNREADABLE_FILE'), both in Vietnamese.
 * @example
 * const wb = await openXlsx('chi-tra-xa-tan-lap.xlsx');
 * for await (const row of wb.rows(wb.sheets[0].name)) console.log(row.row, row.cells);
 * await wb.close();
 */
export async function openXlsx(path: string): Promise<XlsxWorkbook> {
  const file = basename(path);
  const format = await detectSpreadsheetFormat(path).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', 'Không tìm thấy tệp.', { file }, { cause: error });
    throw new AppError('UNREADABLE_FILE', 'Không mở được tệp để đọc.', { file }, { cause: error });
  });
  if (format !== 'xlsx') {
    if (format === 'unknown' && (await isZip(path))) {
      try {
        await (await openZip(path)).close();
      } catch (error) {
        throw unreadable(file, error);
      }
    }
    throw new AppError('UNSUPPORTED_FORMAT', REFUSALS[format], { file });
  }

  let zip: ZipArchive;
  try {
    zip = await openZip(path);
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    return await readWorkbook(zip, file);
  } catch (error) {
    await zip.close();
    throw unreadable(file, error);
  }
}

async function readWorkbook(zip: ZipArchive, file: string): Promise<XlsxWorkbook> {
  const workbookPath = officeDocumentPath(await readText(zip, '_rels/.rels')) ?? 'xl/workbook.xml';
  const workbookXml = await readText(zip, workbookPath);
  if (workbookXml === undefined) throw new AppError('UNREADABLE_FILE', `${CORRUPT} (Thiếu phần workbook.xml.)`, { file });
  const rels = parseRelationships((await readText(zip, relsPathOf(workbookPath))) ?? '', workbookPath);
  const workbook = parseWorkbook(workbookXml, rels);
  const dateStyles = dateStyleFlags(await readText(zip, workbook.stylesPath));
  const sheets: XlsxSheetInfo[] = workbook.sheets.map((s, index) => ({ name: s.name, index, state: s.state }));

  let sharedStrings: Promise<string[]> | undefined;
  const loadSharedStrings = (): Promise<string[]> => {
    const entry = workbook.sharedStringsPath === undefined ? undefined : zip.entries.get(workbook.sharedStringsPath);
    sharedStrings ??= entry ? readSharedStrings(zip.stream(entry)) : Promise.resolve([]);
    return sharedStrings;
  };
  const mergeCache = new Map<string, Promise<MergeRange[]>>();

  const sheetPart = (sheetName: string): SheetPart => {
    const part = workbook.sheets.find((s) => s.name === sheetName);
    if (!part) {
      const names = workbook.sheets.map((s) => `"${s.name}"`).join(', ');
      throw new AppError('BAD_INPUT', `Không có trang tính tên "${sheetName}" trong tệp; các trang có: ${names}.`, { file });
    }
    return part;
  };
  const sheetStream = (part: SheetPart): AsyncIterable<Buffer> => {
    const entry = zip.entries.get(part.path);
    if (!entry) throw new AppError('UNREADABLE_FILE', `${CORRUPT} (Thiếu dữ liệu của trang tính.)`, { file, sheet: part.name });
    return zip.stream(entry);
  };
  const mergesOf = (part: SheetPart): Promise<MergeRange[]> => {
    let cached = mergeCache.get(part.name);
    if (!cached) {
      cached = scanMerges(sheetStream(part)).catch((error: unknown) => {
        mergeCache.delete(part.name);
        throw unreadable(file, error, part.name);
      });
      mergeCache.set(part.name, cached);
    }
    return cached;
  };

  async function* rowBatches(sheetName: string, options?: XlsxRowsOptions): AsyncGenerator<RawRow[]> {
    const part = sheetPart(sheetName);
    const fillMerged = options?.fillMerged ?? true;
    // The merge pre-scan mostly waits on inflation (thread pool) while shared strings parse on this thread.
    const [strings, merges] = await Promise.all([
      loadSharedStrings().catch((error: unknown) => {
        sharedStrings = undefined;
        throw unreadable(file, error);
      }),
      fillMerged ? mergesOf(part) : Promise.resolve([]),
    ]);
    const scanner = new SheetScanner({ sharedStrings: strings, dateStyles, date1904: workbook.date1904 });
    const filler = merges.length > 0 ? new MergeFiller(merges) : undefined;
    try {
      for await (const chunk of sheetStream(part)) {
        const batch: RawRow[] = [];
        scanner.push(chunk, batch);
        yield filler ? fillBatch(batch, filler) : batch;
        if (scanner.done) break;
      }
      const rest: RawRow[] = [];
      scanner.finish(rest);
      if (filler) yield [...fillBatch(rest, filler), ...filler.trailingRows()];
      else yield rest;
    } catch (error) {
      throw unreadable(file, error, part.name);
    }
  }

  return {
    sheets,
    rows: (sheetName, options) => batchedRows(() => rowBatches(sheetName, options)),
    rowBatches,
    merges: async (sheetName) => mergesOf(sheetPart(sheetName)),
    close: () => zip.close(),
  };
}

function fillBatch(batch: RawRow[], filler: MergeFiller): RawRow[] {
  if (filler.exhausted) return batch;
  const out: RawRow[] = [];
  for (const row of batch) {
    for (const gap of filler.gapRows(row.row)) out.push(gap);
    out.push(filler.apply(row));
  }
  return out;
}
