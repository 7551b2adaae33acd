/** Excel's limit on the characters of one cell; longer text makes Excel repair the file. */
export const MAX_CELL_TEXT = 32_767;

// XML 1.0 cannot carry these code points: a cell holding one makes the whole file unreadable.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes a value safe to store as the text of a cell: NFC, line breaks as `\n` (Excel's in-cell break;
 * XML readers turn a bare carriage return into `\n` anyway), no characters XML cannot carry, at most
 * 32,767 characters. The text itself is kept — a name such as `=HYPERLINK(…)` stays exactly that — and
 * the workbook writers store every text that {@link isFormulaLike} as a string cell with Excel's
 * `quotePrefix` (what Excel records when a user types a leading apostrophe), so Excel and LibreOffice
 * show it literally and keep it text even when the cell is edited.
 * @example safeText('Nguyễn\u0001 Văn A') // 'Nguyễn Văn A'
 */
export function safeText(value: string): string {
  let clean = value.normalize('NFC');
  if (clean.includes('\r')) clean = clean.replace(/\r\n?/g, '\n');
  if (SUSPECT.test(clean)) clean = clean.replace(XML_ILLEGAL, '');
  if (clean.length <= MAX_CELL_TEXT) return clean;
  const cut = clean.slice(0, MAX_CELL_TEXT);
  // Never end on half a surrogate pair.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Whether a spreadsheet program could take the text for a formula (spreadsheet formula injection):
 * it begins with `=`, `+`, `-` or `@` (after any leading spaces), or with a tab or a line break.
 * @example isFormulaLike('=1+1') // true
 * @example isFormulaLike('\t=1+1') // true
 */
export function isFormulaLike(value: string): boolean {
  return /^(?:[\t\r\n]|\s*[=+\-@])/.test(value);
}
