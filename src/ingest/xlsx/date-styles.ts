/**
 * Works out which cell styles (`cellXfs` entries of styles.xml) format numbers as dates, exactly as exceljs
 * decides it, and converts Excel serial numbers to JS Dates the way exceljs does.
 */
import { parseAttributes, startTags } from './package-parts.js';

/**
 * Built-in number formats that exceljs knows by code (lib/xlsx/defaultnumformats.js, the entries with an `f`).
 * The locale-specific built-ins 27–36 and 50–58 have no `f` there, so exceljs treats them as plain numbers; we match.
 */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00',
  12: '# ?/?', 13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss',
  46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/**
 * True when a number format shows a date or time: after removing `[…]` and `"…"` sections, it contains one
 * of y m d h M s b (exceljs's utils.isDateFmt).
 * @example isDateFormat('dd/mm/yyyy') // true; isDateFormat('#,##0 "đ"') // false
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const stripped = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(stripped);
}

/**
 * Parses styles.xml into a flag per cell style index: 1 when numbers in that style are dates.
 * @example dateStyleFlags(xml)[3] === 1
 */
export function dateStyleFlags(stylesXml: string | undefined): Uint8Array {
  if (stylesXml === undefined) return new Uint8Array(0);
  const custom = new Map<number, string>();
  for (const tag of startTags(stylesXml, 'numFmt')) {
    const a = parseAttributes(tag);
    const id = parseInt(a.get('numFmtId') ?? '', 10);
    const code = a.get('formatCode');
    // exceljs drops backslash escapes (`\-`) from format codes before testing them.
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code.replace(/[\\](.)/g, '$1'));
  }
  const section = /<(?:[A-Za-z_][\w.-]*:)?cellXfs[\s>][\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?cellXfs>/.exec(stylesXml)?.[0] ?? '';
  const xfs = startTags(section, 'xf');
  const flags = new Uint8Array(xfs.length);
  xfs.forEach((tag, index) => {
    const id = parseInt(parseAttributes(tag).get('numFmtId') ?? '', 10);
    // exceljs ignores numFmtId 0/absent (`if (style.numFmtId)`).
    if (!id) return;
    if (isDateFormat(custom.get(id) || BUILTIN_FORMATS[id])) flags[index] = 1;
  });
  return flags;
}

/**
 * Converts an Excel serial date to a Date exactly as exceljs's utils.excelToDate (UTC, rounded to the ms).
 * @example excelToDate(43831, false).toISOString() // '2020-01-01T00:00:00.000Z'
 */
export function excelToDate(serial: number, date1904: boolean): Date {
  // Same operation order as exceljs so that floating-point rounding gives the identical millisecond.
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
