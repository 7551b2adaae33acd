/**
 * Tells what kind of spreadsheet a file really is from its bytes, whatever its extension: communes often send
 * .xls files renamed to .xlsx, LibreOffice .ods files, .xlsb or password-protected workbooks.
 */
import { open } from 'node:fs/promises';
import { officeDocumentPath } from './package-parts.js';
import { openZip, type ZipArchive } from './zip-archive.js';

export type SpreadsheetFormat = 'xlsx' | 'xls' | 'ods' | 'xlsb' | 'encrypted' | 'csv' | 'unknown';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Stream names of an encrypted OOXML package inside its OLE container (UTF-16LE in the directory). */
const ENCRYPTED_MARKERS = [Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le')];

/** The format of a zip package from its entries. */
export async function zipFormat(zip: ZipArchive): Promise<SpreadsheetFormat> {
  const mimetype = zip.entries.get('mimetype');
  if (mimetype) {
    const type = (await zip.readAll(mimetype)).toString('latin1').trim();
    if (type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    return 'unknown';
  }
  if (zip.entries.has('xl/workbook.bin')) return 'xlsb';
  if (zip.entries.has('xl/workbook.xml')) return 'xlsx';
  const rels = zip.entries.get('_rels/.rels');
  const main = rels ? officeDocumentPath((await zip.readAll(rels)).toString('utf8')) : undefined;
  if (main?.endsWith('.bin') && zip.entries.has(main)) return 'xlsb';
  if (main !== undefined && zip.entries.has(main) && /(^|\/)[^/]*workbook[^/]*\.xml$/i.test(main)) return 'xlsx';
  return 'unknown';
}

/** True when an OLE compound file holds an encrypted OOXML package rather than an Excel 97-2003 workbook. */
async function isEncryptedOle(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    let carry = Buffer.alloc(0);
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) return false;
      position += bytesRead;
      const data = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      if (ENCRYPTED_MARKERS.some((m) => data.includes(m))) return true;
      carry = Buffer.from(data.subarray(Math.max(0, data.length - 40)));
    }
  } finally {
    await handle.close();
  }
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true; // UTF-16 BOM
  if (head.includes(0)) return false;
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  // HTML tables and SpreadsheetML 2003 saved as ".xls" are markup, not CSV.
  return !(text.startsWith('<') || text.startsWith('{\\rtf'));
}

/**
 * Detects the real format of a spreadsheet file by its magic bytes and, for zip packages, by their entries.
 * An unreadable zip is reported as 'unknown'.
 * @example await detectSpreadsheetFormat('thon-1.xlsx') // 'xls' when it is a renamed Excel 97-2003 file
 */
export async function detectSpreadsheetFormat(path: string): Promise<SpreadsheetFormat> {
  const handle = await open(path, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 8).equals(OLE_MAGIC)) return (await isEncryptedOle(path)) ? 'encrypted' : 'xls';
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05)) {
    let zip: ZipArchive | undefined;
    try {
      zip = await openZip(path);
      return await zipFormat(zip);
    } catch {
      return 'unknown';
    } finally {
      await zip?.close();
    }
  }
  return looksLikeText(head) ? 'csv' : 'unknown';
}
