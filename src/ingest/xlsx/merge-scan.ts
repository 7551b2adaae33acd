/**
 * Finds the merged ranges of a worksheet. `<mergeCells>` comes after `<sheetData>`, so this is a separate
 * fast pass over the inflated part: it only searches each chunk for the marker (no tokenizing) and stops
 * right after `</mergeCells>`.
 */
import type { MergeRange } from '../../domain/index.js';
import { detectPrefix } from './xml-text.js';

/** Parses `A1:C3` (or a single `B2`) into a 1-based inclusive range; undefined when malformed. */
export function parseRangeRef(ref: string): MergeRange | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const col = (letters: string): number => {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  };
  const left = col(m[1] ?? '');
  const top = Number(m[2]);
  const right = m[3] === undefined ? left : col(m[3]);
  const bottom = m[4] === undefined ? top : Number(m[4]);
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/**
 * Index of the `<` of the first `<name` in `buf`, or -1. The native search looks for the name alone: its first
 * byte is far rarer than `<` in sheet XML, which makes the search several times faster over the whole sheet.
 */
function indexOfStartTag(buf: Buffer, name: Buffer): number {
  for (let at = buf.indexOf(name, 1); at >= 0; at = buf.indexOf(name, at + 1)) if (buf[at - 1] === 0x3c) return at - 1;
  return -1;
}

/**
 * Scans the inflated chunks of a worksheet for its merged ranges, in document order.
 * @example const merges = await scanMerges(zip.stream(sheetEntry)); // [{top:1,left:1,bottom:1,right:12}]
 */
export async function scanMerges(chunks: AsyncIterable<Buffer>): Promise<MergeRange[]> {
  let marker: Buffer | undefined;
  let name: Buffer = Buffer.alloc(0);
  let closeMarker = Buffer.alloc(0);
  let head = '';
  let tail = Buffer.alloc(0);
  let section: Buffer[] | undefined;
  let prefix = '';
  for await (const chunk of chunks) {
    if (!marker) {
      head += chunk.toString('latin1', 0, Math.min(chunk.length, 8192));
      const found = detectPrefix(head, 'worksheet');
      if (found === undefined && head.length < 65536) {
        tail = Buffer.concat([tail, chunk]);
        continue;
      }
      prefix = found ?? '';
      marker = Buffer.from(`<${prefix}mergeCells`);
      name = marker.subarray(1);
      closeMarker = Buffer.from(`</${prefix}mergeCells>`);
    }
    let check: Buffer;
    if (!section) {
      // Search the seam between chunks (a marker cut in two) and then the chunk itself.
      const seam = Buffer.concat([tail, chunk.subarray(0, marker.length)]);
      const inSeam = seam.indexOf(marker);
      const at = inSeam >= 0 ? -1 : indexOfStartTag(chunk, name);
      if (inSeam < 0 && at < 0) {
        tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - marker.length)));
        continue;
      }
      section = inSeam >= 0 ? [seam.subarray(inSeam), chunk.subarray(marker.length)] : [chunk.subarray(at)];
      check = Buffer.concat(section);
      const gt = check.indexOf(0x3e);
      if (gt > 0 && check[gt - 1] === 0x2f) return []; // <mergeCells/>
    } else {
      const last = section[section.length - 1] ?? Buffer.alloc(0);
      check = Buffer.concat([last.subarray(Math.max(0, last.length - closeMarker.length)), chunk]);
      section.push(chunk);
    }
    if (check.indexOf(closeMarker) >= 0) break;
  }
  if (!section) return [];
  const xml = Buffer.concat(section).toString('latin1');
  const end = xml.indexOf(`</${prefix}mergeCells>`);
  const body = end >= 0 ? xml.slice(0, end) : xml;
  const merges: MergeRange[] = [];
  const re = new RegExp(`<${prefix.replace('.', '\\.')}mergeCell\\s[^>]*?\\bref\\s*=\\s*["']([^"']*)["']`, 'g');
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const range = parseRangeRef(m[1] ?? '');
    if (range) merges.push(range);
  }
  return merges;
}
