/**
 * Reads the shared-string table (`xl/sharedStrings.xml`) into an array, streaming the XML so that only
 * the resulting strings are held: cells of type `s` index into it. Rich text is flattened to its text.
 * Each run of complete `<si>` items is decoded from UTF-8 in one call and split with native string search:
 * a million tiny Buffer decodes would cost more than the parsing itself.
 */
import { decodeXEscapes, decodeXmlText, detectPrefix } from './xml-text.js';

interface Names {
  readonly si: string;
  readonly siClose: string;
  readonly t: string;
  readonly rPh: string;
  readonly rPhClose: string;
}

/**
 * Parses the shared strings from the inflated chunks of the part.
 * @example const strings = await readSharedStrings(zip.stream(entry));
 */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>): Promise<string[]> {
  const strings: string[] = [];
  let carry: Buffer | undefined;
  let names: Names | undefined;
  let siCloseBytes = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    if (!names) {
      const prefix = detectPrefix(buf.toString('latin1', 0, Math.min(buf.length, 4096)), 'sst');
      if (prefix === undefined) { carry = buf; continue; }
      names = { si: `<${prefix}si`, siClose: `</${prefix}si>`, t: `<${prefix}t`, rPh: `<${prefix}rPh`, rPhClose: `</${prefix}rPh>` };
      siCloseBytes = Buffer.from(names.siClose);
    }
    const boundary = buf.lastIndexOf(siCloseBytes);
    const limit = boundary < 0 ? 0 : boundary + siCloseBytes.length;
    // The limit is just after an ASCII '>', so no UTF-8 sequence is cut.
    if (limit > 0) parseItems(buf.toString('utf8', 0, limit), names, strings);
    carry = limit < buf.length ? Buffer.from(buf.subarray(limit)) : undefined;
  }
  if (carry && names) parseItems(carry.toString('utf8'), names, strings);
  return strings;
}

function isNameEnd(code: number): boolean {
  return code === 0x3e || code === 0x20 || code === 0x2f || code === 0x0a || code === 0x0d || code === 0x09;
}

/** A copy of `s` that does not keep the (large) string it was cut from alive. */
function detach(s: string): string {
  return s.length < 13 ? s : (` ${s}`).slice(1);
}

function parseItems(text: string, names: Names, out: string[]): void {
  let i = 0;
  for (;;) {
    const open = text.indexOf(names.si, i);
    if (open < 0) return;
    const nameEnd = open + names.si.length;
    if (!isNameEnd(text.charCodeAt(nameEnd))) { i = nameEnd; continue; }
    const gt = text.indexOf('>', nameEnd);
    if (gt < 0) return;
    if (text.charCodeAt(gt - 1) === 0x2f) { out.push(''); i = gt + 1; continue; }
    const close = text.indexOf(names.siClose, gt + 1);
    if (close < 0) return;
    out.push(itemText(text, gt + 1, close, names));
    i = close + names.siClose.length;
  }
}

/** Every `<t>` of an item (directly or in rich-text runs), concatenated; phonetic `<rPh>` runs skipped. */
function itemText(text: string, start: number, end: number, names: Names): string {
  let out = '';
  let i = start;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0 || lt >= end) break;
    if (text.startsWith(names.t, lt) && isNameEnd(text.charCodeAt(lt + names.t.length))) {
      const gt = text.indexOf('>', lt);
      if (gt < 0 || gt >= end) break;
      if (text.charCodeAt(gt - 1) === 0x2f) { i = gt + 1; continue; }
      const closeAt = text.indexOf('<', gt + 1);
      if (closeAt < 0 || closeAt > end) break;
      out += decodeXEscapes(decodeXmlText(text.slice(gt + 1, closeAt)));
      i = closeAt + 1;
    } else if (text.startsWith(names.rPh, lt) && isNameEnd(text.charCodeAt(lt + names.rPh.length))) {
      const skip = text.indexOf(names.rPhClose, lt);
      if (skip < 0 || skip >= end) break;
      i = skip + names.rPhClose.length;
    } else {
      i = lt + 1;
    }
  }
  return detach(out);
}
