import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { Style, Worksheet } from 'exceljs';
import { sheetPictures } from './sheet-pictures.js';
import type { SheetPicture } from './sheet-pictures.js';

/**
 * exceljs 4.4.0's streaming writer, with the three things it lacks for the findings workbook: pictures
 * on sheets (see sheet-pictures.ts),
 * Excel's `quotePrefix` on cell formats (the "typed with a leading apostrophe" flag) and worksheet
 * elements in schema order when a sheet has both protection and an autofilter (exceljs writes
 * `<sheetProtection>` after `<autoFilter>`, which Excel repairs — exceljs PR #2685, still open).
 * Both are done by wrapping private methods of the pinned exceljs version; the tests check the XML.
 */
export interface StreamingWorkbook {
  readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  /** Adds a worksheet whose elements are written in schema order. */
  addSheet(name: string, options: Partial<ExcelJS.AddWorksheetOptions> & { autoFilter?: string }): Worksheet;
  /**
   * Waits until the zip has taken in what the sheet wrote so far. exceljs hands committed rows to
   * the zip's deflate stream without heeding backpressure, so a fast producer would otherwise pile
   * up the whole sheet in memory.
   */
  drain(sheet: Worksheet): Promise<void>;
  /** Anchors a PNG picture on a sheet of this workbook (written when the sheet is committed). */
  addPicture(sheet: Worksheet, picture: SheetPicture): void;
  /** Finishes the zip and waits until the output stream has flushed. */
  commit(): Promise<void>;
}

/** Document properties written into docProps/core.xml; `created` fixes both creation and modification time. */
export interface WorkbookProperties {
  title: string;
  subject: string;
  creator: string;
  created: Date;
}

/** The private parts of exceljs's StylesXform that the quotePrefix wrapper uses. */
interface StylesInternals {
  addStyleModel(model: unknown, cellType?: number): number;
  model: { styles: string[] };
  index: { style: Record<string, number> };
}

/** The private writers of exceljs's streaming WorksheetWriter whose order is fixed. */
interface WorksheetWriterInternals {
  _writeAutoFilter(): void;
  _writeSheetProtection(): void;
  _writeHyperlinks(): void;
  _writeDataValidations(): void;
}

/**
 * The private stream of a WorksheetWriter: exceljs's StreamBuf, whose `pipes` are the zip entry's
 * deflate stream — a `readable-stream` v2 Transform, hence `_writableState` rather than `writableLength`.
 */
interface SheetStreamInternals {
  stream: { pipes?: PipeDestination[] };
}

interface PipeDestination extends NodeJS.EventEmitter {
  _writableState?: { length: number; highWaterMark: number; needDrain: boolean };
}

/** Bytes the deflate stream may hold before the writer waits: enough to keep zlib busy meanwhile. */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

async function drainSheet(sheet: SheetStreamInternals): Promise<void> {
  for (const destination of sheet.stream.pipes ?? []) {
    const state = destination._writableState;
    if (state !== undefined && state.needDrain && state.length > MAX_PENDING_BYTES) await once(destination, 'drain');
  }
}

const quotedStyles = new WeakSet<object>();
const quotedTwins = new WeakMap<object, Partial<Style>>();

/**
 * The same style with Excel's `quotePrefix` set: a string cell with it stays text even when a user
 * edits it, so a value such as `=HYPERLINK(…)` is never turned into a formula. The twin is cached so
 * the workbook's format table stays small.
 */
export function quotePrefixed(style: Partial<Style>): Partial<Style> {
  let twin = quotedTwins.get(style);
  if (twin === undefined) {
    twin = { ...style };
    quotedStyles.add(twin);
    quotedTwins.set(style, twin);
  }
  return twin;
}

/** Opens a streaming workbook on a path or a writable stream. */
export function createStreamingWorkbook(
  out: string | NodeJS.WritableStream,
  properties: WorkbookProperties,
): StreamingWorkbook {
  const options = typeof out === 'string' ? { filename: out } : { stream: out as unknown as import('node:stream').Stream };
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ ...options, useStyles: true, useSharedStrings: false });
  workbook.creator = properties.creator;
  workbook.lastModifiedBy = properties.creator;
  workbook.created = properties.created;
  workbook.modified = properties.created;
  workbook.title = properties.title;
  workbook.subject = properties.subject;
  addQuotePrefixSupport((workbook as unknown as { styles: StylesInternals }).styles);
  const pictures = sheetPictures(workbook);

  return {
    workbook,
    addSheet(name, sheetOptions) {
      const sheet = workbook.addWorksheet(name, sheetOptions);
      writeElementsInSchemaOrder(sheet as unknown as WorksheetWriterInternals);
      pictures.attach(sheet);
      return sheet;
    },
    drain: (sheet) => drainSheet(sheet as unknown as SheetStreamInternals),
    addPicture: (sheet, picture) => pictures.add(sheet, picture),
    commit: () => workbook.commit(),
  };
}

function addQuotePrefixSupport(styles: StylesInternals): void {
  const addStyleModel = styles.addStyleModel.bind(styles);
  const ids = new WeakMap<object, number>();
  styles.addStyleModel = (model: unknown, cellType?: number): number => {
    if (typeof model !== 'object' || model === null || !quotedStyles.has(model)) return addStyleModel(model, cellType);
    const known = ids.get(model);
    if (known !== undefined) return known;
    const baseXml = styles.model.styles[addStyleModel(model, cellType)];
    if (baseXml === undefined || !baseXml.startsWith('<xf ')) return addStyleModel(model, cellType);
    const xml = `<xf quotePrefix="1" ${baseXml.slice('<xf '.length)}`;
    let id = styles.index.style[xml];
    if (id === undefined) {
      id = styles.model.styles.length;
      styles.model.styles.push(xml);
      styles.index.style[xml] = id;
    }
    ids.set(model, id);
    return id;
  };
}

// CT_Worksheet order: sheetData, sheetProtection, autoFilter, mergeCells, conditionalFormatting,
// dataValidations, hyperlinks, pageMargins… exceljs writes autoFilter, mergeCells, hyperlinks,
// conditionalFormatting, dataValidations, sheetProtection.
function writeElementsInSchemaOrder(sheet: WorksheetWriterInternals): void {
  const writeAutoFilter = sheet._writeAutoFilter.bind(sheet);
  const writeProtection = sheet._writeSheetProtection.bind(sheet);
  const writeHyperlinks = sheet._writeHyperlinks.bind(sheet);
  const writeValidations = sheet._writeDataValidations.bind(sheet);
  sheet._writeAutoFilter = () => {
    writeProtection();
    writeAutoFilter();
  };
  sheet._writeSheetProtection = () => {};
  sheet._writeHyperlinks = () => {};
  sheet._writeDataValidations = () => {
    writeValidations();
    writeHyperlinks();
  };
}
