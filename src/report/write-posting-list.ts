import type { Row, Style, Worksheet } from 'exceljs';
import { STYLES, VND_FORMAT, setNumber, setText } from './cell-styles.js';
import { fitRowHeight } from './fit-row-height.js';
import { maskId } from './mask-id.js';
import { A4 } from './sheet-setup.js';
import { headerFooterText } from './sheet-table.js';
import { createStreamingWorkbook } from './streaming-workbook.js';
import type { PostingListInput } from './types.js';
import { REPORT_CREATOR } from './write-findings-workbook.js';

const SHEET_NAME = 'Danh sách niêm yết';
const FONT = { name: 'Times New Roman', size: 12 };
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const style = (s: Partial<Style>): Partial<Style> => Object.freeze(s) as Partial<Style>;

const S = {
  agency: style({ font: { ...FONT }, alignment: { horizontal: 'center', vertical: 'middle' } }),
  agencyBold: style({ font: { ...FONT, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } }),
  motto: style({ font: { ...FONT, bold: true, underline: true }, alignment: { horizontal: 'center', vertical: 'middle' } }),
  title: style({ font: { ...FONT, size: 15, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } }),
  subtitle: style({ font: { ...FONT, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }),
  place: style({ font: { ...FONT, italic: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }),
  header: style({ font: { ...FONT, bold: true }, border, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }),
  cell: style({ font: { ...FONT }, border, alignment: { vertical: 'middle', wrapText: true } }),
  center: style({ font: { ...FONT }, border, alignment: { horizontal: 'center', vertical: 'middle' } }),
  year: style({ font: { ...FONT }, border, numFmt: '0', alignment: { horizontal: 'center', vertical: 'middle' } }),
  number: style({ font: { ...FONT }, border, numFmt: VND_FORMAT, alignment: { vertical: 'middle' } }),
  totalLabel: style({ font: { ...FONT, bold: true }, border, alignment: { horizontal: 'center', vertical: 'middle' } }),
  totalNumber: style({ font: { ...FONT, bold: true }, border, numFmt: VND_FORMAT, alignment: { vertical: 'middle' } }),
  note: style({ font: { ...FONT, italic: true, size: 11 }, alignment: { vertical: 'top', wrapText: true } }),
  signTitle: style({ font: { ...FONT, bold: true }, alignment: { horizontal: 'center' } }),
  signHint: style({ font: { ...FONT, italic: true }, alignment: { horizontal: 'center' } }),
} as const;

/** Columns: STT, Họ và tên, Năm sinh Nam, Năm sinh Nữ, Số CMND/CCCD, Thôn, Nhóm đối tượng, Số khẩu, Số tiền. */
const WIDTHS = [6, 26, 8, 8, 17, 14, 22, 8, 14];
const HEADER_TOP = 9;

/**
 * "Xã Tân Lập" as written, or with "Xã" added when the name has no unit type.
 * @example communeTitle('Tân Lập') // 'Xã Tân Lập'
 */
export function communeTitle(name: string): string {
  const trimmed = name.trim();
  return /^(xã|phường|thị trấn)\s/iu.test(trimmed) ? trimmed : `Xã ${trimmed}`;
}

/**
 * Writes a commune's public posting list (danh sách niêm yết công khai, Decision 15/2020/QĐ-TTg):
 * the administrative title block, one row per person with the ID number masked (first 3 and last 3
 * digits), a totals row and the signature block, on A4 portrait fitted to the page width with the
 * column headers repeated on every page.
 * @example await writePostingList({ communeCode: '00004', communeName: 'Phường Trúc Bạch', … }, 'niem-yet-00004.xlsx')
 */
export async function writePostingList(input: PostingListInput, out: string): Promise<{ rows: number }> {
  const commune = communeTitle(input.communeName);
  const book = createStreamingWorkbook(out, {
    title: `Danh sách niêm yết công khai — ${commune}`,
    subject: input.packageTitle,
    creator: REPORT_CREATOR,
    created: new Date(),
  });
  const sheet = book.addSheet(SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_TOP + 1, topLeftCell: `A${HEADER_TOP + 2}`, activeCell: `A${HEADER_TOP + 2}`, showGridLines: false }],
    pageSetup: {
      paperSize: A4,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_TOP}:${HEADER_TOP + 1}`,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L&"Times New Roman"&9${headerFooterText(commune)}&R&"Times New Roman"&9Trang &P / &N` },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  writeTitleBlock(sheet, input, commune);

  let count = 0;
  let members = 0;
  let amount = 0;
  for await (const person of input.rows) {
    count += 1;
    members += person.members ?? 0;
    amount += person.amount ?? 0;
    const row = sheet.addRow([]);
    setNumber(row.getCell(1), count, S.center);
    setText(row.getCell(2), person.name, S.cell);
    writeBirthYear(sheet, row, person.birthYear, person.gender);
    setText(row.getCell(5), maskId(person.idNumber), S.center);
    setText(row.getCell(6), person.village, S.cell);
    setText(row.getCell(7), person.groupName, S.cell);
    setNumber(row.getCell(8), person.members, S.center);
    setNumber(row.getCell(9), person.amount, S.number);
    fitRowHeight(sheet, row, 12 / 11);
    row.commit();
  }

  const total = sheet.addRow([]);
  setText(total.getCell(1), `Tổng cộng: ${count.toLocaleString('vi-VN')} người`, S.totalLabel);
  for (let column = 2; column <= 7; column += 1) total.getCell(column).style = S.totalLabel;
  sheet.mergeCells(`A${total.number}:G${total.number}`);
  setNumber(total.getCell(8), members, S.totalNumber);
  setNumber(total.getCell(9), amount, S.totalNumber);
  total.commit();

  writeClosingBlock(sheet);
  sheet.commit();
  await book.commit();
  return { rows: count };
}

function merged(sheet: Worksheet, range: string, row: Row, column: number, value: string, s: Partial<Style>): void {
  setText(row.getCell(column), value, s);
  sheet.mergeCells(range);
}

function writeTitleBlock(sheet: Worksheet, input: PostingListInput, commune: string): void {
  const upper = (value: string) => value.toLocaleUpperCase('vi');
  const r1 = sheet.addRow([]);
  merged(sheet, 'A1:D1', r1, 1, `UBND ${upper(input.districtName.trim())}`, S.agency);
  merged(sheet, 'E1:I1', r1, 5, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', S.agencyBold);
  r1.commit();
  const r2 = sheet.addRow([]);
  merged(sheet, 'A2:D2', r2, 1, `UBND ${upper(commune)}`, S.agencyBold);
  merged(sheet, 'E2:I2', r2, 5, 'Độc lập - Tự do - Hạnh phúc', S.motto);
  r2.commit();
  sheet.addRow([]).commit();
  sheet.addRow([]).commit();
  const r5 = sheet.addRow([]);
  merged(sheet, 'A5:I5', r5, 1, 'DANH SÁCH NIÊM YẾT CÔNG KHAI', S.title);
  r5.height = 22;
  r5.commit();
  const r6 = sheet.addRow([]);
  merged(sheet, 'A6:I6', r6, 1, `Đối tượng được hỗ trợ theo ${input.packageTitle}`, S.subtitle);
  r6.height = 33;
  r6.commit();
  const r7 = sheet.addRow([]);
  merged(sheet, 'A7:I7', r7, 1, `${commune}, ${input.districtName.trim()}, ${input.provinceName.trim()} (mã xã ${input.communeCode})`, S.place);
  r7.commit();
  sheet.addRow([]).commit();

  const top = sheet.addRow([]);
  const bottom = sheet.getRow(HEADER_TOP + 1);
  const single: [number, string][] = [
    [1, 'STT'],
    [2, 'Họ và tên'],
    [5, 'Số CMND/CCCD'],
    [6, 'Thôn'],
    [7, 'Nhóm đối tượng'],
    [8, 'Số khẩu'],
    [9, 'Số tiền (đồng)'],
  ];
  for (const [column, label] of single) {
    setText(top.getCell(column), label, S.header);
    bottom.getCell(column).style = S.header;
    const letter = String.fromCharCode(64 + column);
    sheet.mergeCells(`${letter}${HEADER_TOP}:${letter}${HEADER_TOP + 1}`);
  }
  setText(top.getCell(3), 'Năm sinh', S.header);
  top.getCell(4).style = S.header;
  sheet.mergeCells(`C${HEADER_TOP}:D${HEADER_TOP}`);
  setText(bottom.getCell(3), 'Nam', S.header);
  setText(bottom.getCell(4), 'Nữ', S.header);
  top.height = 20;
  bottom.height = 20;
  top.commit();
  bottom.commit();
}

/** The birth year goes under "Nam" or "Nữ"; when the sex is unknown it spans both columns. */
function writeBirthYear(sheet: Worksheet, row: Row, year: number | null, gender: 'M' | 'F' | null): void {
  if (gender === 'M' || gender === 'F') {
    setNumber(row.getCell(gender === 'M' ? 3 : 4), year, S.year);
    setNumber(row.getCell(gender === 'M' ? 4 : 3), null, S.year);
    return;
  }
  setNumber(row.getCell(3), year, S.year);
  row.getCell(4).style = S.year;
  if (year !== null) sheet.mergeCells(`C${row.number}:D${row.number}`);
}

function writeClosingBlock(sheet: Worksheet): void {
  sheet.addRow([]).commit();
  const note = sheet.addRow([]);
  merged(
    sheet,
    `A${note.number}:I${note.number}`,
    note,
    1,
    'Danh sách được niêm yết công khai tại trụ sở UBND xã và nhà văn hóa các thôn. Mọi ý kiến phản ánh xin gửi UBND xã hoặc Ban Thanh tra nhân dân xã trong thời gian niêm yết. Số CMND/CCCD chỉ hiện 3 chữ số đầu và 3 chữ số cuối để bảo vệ thông tin cá nhân.',
    S.note,
  );
  note.height = 48;
  note.commit();
  const period = sheet.addRow([]);
  merged(sheet, `A${period.number}:I${period.number}`, period, 1, 'Thời gian niêm yết: từ ngày ……/……/………… đến ngày ……/……/…………', S.note);
  period.commit();
  sheet.addRow([]).commit();
  const date = sheet.addRow([]);
  merged(sheet, `E${date.number}:I${date.number}`, date, 5, '……………, ngày …… tháng …… năm …………', S.signHint);
  date.commit();
  const titles = sheet.addRow([]);
  merged(sheet, `A${titles.number}:D${titles.number}`, titles, 1, 'NGƯỜI LẬP BIỂU', S.signTitle);
  merged(sheet, `E${titles.number}:I${titles.number}`, titles, 5, 'TM. ỦY BAN NHÂN DÂN', S.signTitle);
  titles.commit();
  const chair = sheet.addRow([]);
  merged(sheet, `E${chair.number}:I${chair.number}`, chair, 5, 'CHỦ TỊCH', S.signTitle);
  chair.commit();
  const hints = sheet.addRow([]);
  merged(sheet, `A${hints.number}:D${hints.number}`, hints, 1, '(Ký, ghi rõ họ tên)', S.signHint);
  merged(sheet, `E${hints.number}:I${hints.number}`, hints, 5, '(Ký tên, đóng dấu)', S.signHint);
  hints.commit();
}
