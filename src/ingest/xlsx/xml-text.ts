/**
 * Byte-level helpers for the hand-written XML scanners: entity decoding, line-end normalisation and the
 * `_xHHHH_` escapes of OOXML, matched to what exceljs (through saxes) produces.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g;
const X_ESCAPE = /_x([0-9A-F]{4})_/g;

/**
 * Decodes XML character data: CR/CRLF become LF as the XML spec (and saxes) require, then the five named
 * entities and numeric character references are replaced.
 * @example decodeXmlText('a &amp; b&#x0D;') // 'a & b\r'
 */
export function decodeXmlText(raw: string): string {
  let text = raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (match, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const code = body.charCodeAt(1) === 120 /* x */ ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[body] ?? match;
  });
}

/**
 * Decodes an attribute value: like text, plus the attribute-value normalisation of XML (tab/newline → space).
 */
export function decodeXmlAttribute(raw: string): string {
  return decodeXmlText(raw.replace(/[\t\n\r]/g, ' '));
}

/**
 * Replaces OOXML `_xHHHH_` escapes (Excel writes a carriage return as `_x000D_`) the way exceljs does:
 * upper-case hex only.
 * @example decodeXEscapes('a_x000D_b') // 'a\rb'
 */
export function decodeXEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(X_ESCAPE, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Decodes UTF-8 bytes of character data into a string (entities and line ends included). */
export function textFromBytes(buf: Buffer, start: number, end: number): string {
  return decodeXmlText(buf.toString('utf8', start, end));
}

/**
 * Detects the namespace prefix (e.g. `x:`) used on the root element `localName`, or '' when unprefixed;
 * a few writers emit `<x:worksheet>`/`<x:row>`.
 */
export function detectPrefix(head: string, localName: string): string | undefined {
  const match = new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}[\\s>/]`).exec(head);
  if (!match) return undefined;
  return match[1] ?? '';
}
