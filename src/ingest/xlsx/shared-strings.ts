/**
 * Reads the shared-string table (`xl/sharedStrings.xml`) into an array, streaming the XML so that only
 * the resulting strings are held: cells of type `s` index into it. Rich text is flattened to its text.
 * The scan works on the inflated bytes; the commonest item, `<si><t>plain text</t></si>`, becomes a string
 * with a single UTF-8 decode of its text bytes (which yields a fresh string that pins no chunk).
 */
import { collectText, findByte, findSeq, findTagEnd, GT, LT, matchName, SLASH, textTags, type TextTags } from './byte-scan.js';
import { detectPrefix } from './xml-text.js';

interface SstTags {
  readonly si: Uint8Array;
  readonly siClose: Uint8Array;
  readonly text: TextTags;
  /** Unprefixed markup: enables the `<t>…</t></si>` fast path. */
  readonly plain: boolean;
}

function sstTags(prefix: string): SstTags {
  return { si: Buffer.from(`${prefix}si`), siClose: Buffer.from(`</${prefix}si>`), text: textTags(prefix), plain: prefix === '' };
}

/**
 * Parses the shared strings from the inflated chunks of the part.
 * @example const strings = await readSharedStrings(zip.stream(entry));
 */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>): Promise<string[]> {
  const strings: string[] = [];
  let carry: Buffer | undefined;
  let tags: SstTags | undefined;
  for await (const chunk of chunks) {
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    if (!tags) {
      const prefix = detectPrefix(buf.toString('latin1', 0, Math.min(buf.length, 4096)), 'sst');
      if (prefix === undefined) { carry = buf; continue; }
      tags = sstTags(prefix);
    }
    const boundary = buf.lastIndexOf(tags.siClose);
    const limit = boundary < 0 ? 0 : boundary + tags.siClose.length;
    if (limit > 0) parseItems(buf, limit, tags, strings);
    carry = limit < buf.length ? Buffer.from(buf.subarray(limit)) : undefined;
  }
  if (carry && tags) parseItems(carry, carry.length, tags, strings);
  return strings;
}

/** Appends the text of every complete `<si>` in [0, limit) to `out`. */
function parseItems(buf: Buffer, limit: number, tags: SstTags, out: string[]): void {
  let i = 0;
  while (i < limit) {
    const lt = findByte(buf, LT, i, limit);
    if (lt < 0) return;
    if (!matchName(buf, lt + 1, tags.si)) { i = lt + 1; continue; }
    const gt = findTagEnd(buf, lt + 1 + tags.si.length, limit);
    if (gt < 0) return;
    if (buf[gt - 1] === SLASH) { out.push(''); i = gt + 1; continue; }
    const plainEnd = tags.plain ? plainItem(buf, gt + 1, limit, out) : -1;
    if (plainEnd >= 0) { i = plainEnd; continue; }
    const close = findSeq(buf, tags.siClose, gt + 1, limit);
    if (close < 0) return;
    out.push(collectText(buf, gt + 1, close, tags.text) ?? '');
    i = close + tags.siClose.length;
  }
}

/**
 * Fast path for `<t>text</t></si>` at `start` whose text needs no decoding (no `&`, CR or `_x` escape):
 * pushes the string and returns the index after `</si>`, or -1 to take the general path.
 */
function plainItem(buf: Buffer, start: number, limit: number, out: string[]): number {
  if (buf[start] !== LT || buf[start + 1] !== 0x74 || buf[start + 2] !== GT) return -1;
  const from = start + 3;
  let j = from;
  for (; j < limit; j++) {
    const c = buf[j];
    if (c === LT) break;
    if (c === 0x26 || c === 0x0d || c === 0x5f) return -1; // & CR _
  }
  if (
    buf[j + 1] !== SLASH || buf[j + 2] !== 0x74 || buf[j + 3] !== GT || buf[j + 4] !== LT ||
    buf[j + 5] !== SLASH || buf[j + 6] !== 0x73 || buf[j + 7] !== 0x69 || buf[j + 8] !== GT || j + 9 > limit
  ) return -1;
  out.push(buf.toString('utf8', from, j));
  return j + 9;
}
