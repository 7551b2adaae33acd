import type ExcelJS from 'exceljs';

/**
 * Pictures on sheets of exceljs 4.4.0's streaming writer, which has `workbook.addImage` but no
 * `worksheet.addImage`: the sheet gets a `<drawing r:id>` element (after `<headerFooter>`/`<rowBreaks>`
 * and before `<legacyDrawing>`, as CT_Worksheet requires), a drawing relationship, the part
 * `xl/drawings/drawingN.xml` with its relationships to `xl/media/imageK.png` (written by exceljs's own
 * media code at commit), and a content-type override for each drawing part.
 */
export interface SheetPicture {
  /** The PNG bytes, or the path of a PNG file read when the zip is written. */
  png: Buffer | string;
  /** Size in pixels (96 dpi). */
  width: number;
  height: number;
  /** 0-based column and row of the cell holding the top-left corner. */
  col: number;
  row: number;
  /** Alternative text for screen readers. */
  description: string;
}

/** The private parts of exceljs's streaming WorkbookWriter used here. */
interface WorkbookInternals {
  zip: { append(data: string | Buffer, options: { name: string }): unknown };
  addImage(image: { buffer?: Buffer; filename?: string; extension: 'png' }): number;
  getImage(id: number): { name: string };
}

/** The private parts of exceljs's streaming WorksheetWriter used here. */
interface SheetInternals {
  _writeLegacyData(): void;
  _write(text: string): void;
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
}

const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
/** English Metric Units per pixel at 96 dpi. */
const EMU_PER_PIXEL = 9525;

function escapeXml(value: string): string {
  return value.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}

/** Anchors pictures on the sheets of one streaming workbook. */
export interface SheetPictures {
  /** Queues a picture for a sheet; it is written when the sheet is committed. */
  add(sheet: ExcelJS.Worksheet, picture: SheetPicture): void;
  /** Makes a sheet write its queued pictures at commit; call right after creating it. */
  attach(sheet: ExcelJS.Worksheet): void;
}

export function sheetPictures(workbook: ExcelJS.stream.xlsx.WorkbookWriter): SheetPictures {
  const book = workbook as unknown as WorkbookInternals;
  const queued = new WeakMap<object, SheetPicture[]>();
  const drawingParts: string[] = [];

  const append = book.zip.append.bind(book.zip);
  book.zip.append = (data, options) => {
    if (options.name === '[Content_Types].xml' && typeof data === 'string' && drawingParts.length > 0) {
      const overrides = drawingParts.map((part) => `<Override PartName="/${part}" ContentType="${DRAWING_TYPE}"/>`).join('');
      return append(data.replace('</Types>', `${overrides}</Types>`), options);
    }
    return append(data, options);
  };

  function writeDrawing(sheet: SheetInternals, pictures: SheetPicture[]): void {
    const number = drawingParts.length + 1;
    const part = `xl/drawings/drawing${number}.xml`;
    drawingParts.push(part);
    const rId = sheet._sheetRelsWriter.addRelationship({ Type: DRAWING_REL, Target: `../drawings/drawing${number}.xml` });
    sheet._write(`<drawing r:id="${rId}"/>`);

    const rels: string[] = [];
    const anchors = pictures.map((picture, index) => {
      const id = book.addImage(typeof picture.png === 'string' ? { filename: picture.png, extension: 'png' } : { buffer: picture.png, extension: 'png' });
      rels.push(`<Relationship Id="rId${index + 1}" Type="${IMAGE_REL}" Target="../media/${book.getImage(id).name}"/>`);
      const cx = Math.round(picture.width * EMU_PER_PIXEL);
      const cy = Math.round(picture.height * EMU_PER_PIXEL);
      return (
        '<xdr:oneCellAnchor>' +
        `<xdr:from><xdr:col>${picture.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${picture.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${cx}" cy="${cy}"/>` +
        '<xdr:pic>' +
        `<xdr:nvPicPr><xdr:cNvPr id="${index + 2}" name="Biểu đồ ${index + 1}" descr="${escapeXml(picture.description)}"/>` +
        '<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>' +
        `<xdr:blipFill><a:blip r:embed="rId${index + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
        `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
        '</xdr:pic>' +
        '<xdr:clientData/>' +
        '</xdr:oneCellAnchor>'
      );
    });
    book.zip.append(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"' +
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"' +
        ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `${anchors.join('')}</xdr:wsDr>`,
      { name: part },
    );
    book.zip.append(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
      { name: `xl/drawings/_rels/drawing${number}.xml.rels` },
    );
  }

  return {
    add(sheet, picture) {
      const list = queued.get(sheet);
      if (list === undefined) queued.set(sheet, [picture]);
      else list.push(picture);
    },
    attach(sheet) {
      const internals = sheet as unknown as SheetInternals;
      const writeLegacyData = internals._writeLegacyData.bind(sheet);
      // exceljs writes <legacyDrawing> right after <rowBreaks>: <drawing> goes just before it.
      internals._writeLegacyData = () => {
        const pictures = queued.get(sheet);
        if (pictures !== undefined && pictures.length > 0) writeDrawing(internals, pictures);
        queued.delete(sheet);
        writeLegacyData();
      };
    },
  };
}
