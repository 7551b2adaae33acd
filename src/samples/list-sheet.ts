import type ExcelJS from 'exceljs';
import { columnLetter } from '../domain/index.js';
import { amountInWords, formatDotted } from './amount-in-words.js';
import { type AmountFormat, dmy, formatAmount, toDate } from './cell-format.js';
import type { Column } from './labels.js';
import { GROUP_LABELS } from './labels.js';
import type { Commune, Entry, GroupCode } from './model.js';
import { GROUP_ORDER, MONTHLY_RATE } from './rates.js';
import { encodeVni } from '../normalize/index.js';
import { encodeTcvn3 } from './tcvn3.js';

/** How one list sheet looks. */
export interface ListSheetSpec {
  readonly name: string;
  readonly commune: Commune;
  readonly districtName: string;
  readonly provinceName: string;
  readonly title: string;
  readonly subtitle: string;
  readonly columns: readonly Column[];
  readonly amountFormat: AmountFormat;
  readonly dateCells: boolean; // Date cells, else "dd/mm/yyyy" text
  readonly idAsNumber: boolean; // 12-digit CCCD written as a number (the leading zero is lost)
  readonly numberRow: boolean; // "(1) (2) …" under the header
  readonly groupSections: boolean; // "I. Người có công …" heading rows
  readonly villageHeading: string | null; // a "Thôn 1" heading row above the data
  readonly shortTitle: boolean; // one title row instead of the administrative header block
  readonly tcvn3: boolean;
  /** Text typed in a VNI-Windows font (VNI-Times) instead; ignored when `tcvn3`. */
  readonly vni?: boolean;
  readonly totalLabel: string;
  readonly styleIndex: number;
  readonly signDate: string;
}

/** What a written sheet reports back: each entry's row, and its total cell. */
export interface WrittenSheet {
  readonly rows: Map<string, number>;
  readonly total: number;
  readonly totalCell: string | null;
  readonly nextRow: number;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/** Writes text or values into a sheet, encoding text as TCVN3 or VNI-Windows when the sheet is a legacy one. */
export class SheetPen {
  constructor(
    readonly ws: ExcelJS.Worksheet,
    private readonly tcvn3: boolean,
    private readonly vni = false,
  ) {}

  set(row: number, col: number, value: ExcelJS.CellValue, options: { bold?: boolean; numFmt?: string; center?: boolean } = {}): void {
    const cell = this.ws.getCell(row, col);
    const font = this.tcvn3 ? '.VnTime' : this.vni ? 'VNI-Times' : null;
    cell.value = typeof value === 'string' && font !== null ? (this.tcvn3 ? encodeTcvn3(value) : encodeVni(value)) : value;
    if (font !== null || options.bold) cell.font = { ...(font !== null ? { name: font } : {}), ...(options.bold ? { bold: true } : {}) };
    if (options.numFmt) cell.numFmt = options.numFmt;
    if (options.center) cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.ws.mergeCells(top, left, bottom, right);
  }
}

function groupLabel(entry: Entry, style: number): string | null {
  if (entry.shown.group === null) return null;
  if (entry.shown.group !== undefined) return entry.shown.group;
  const labels = GROUP_LABELS[entry.group];
  if (style === 0) return labels[0];
  if (style === 1) return labels[1];
  return entry.person.uid % 2 === 0 ? labels[0] : labels[1];
}

/** The value of one cell of an entry's row. */
function cellValue(col: Column, entry: Entry, spec: ListSheetSpec, seq: number): ExcelJS.CellValue {
  const p = entry.person;
  const year = entry.shown.birthYear === undefined ? p.birth.y : entry.shown.birthYear;
  const gender = entry.shown.gender ?? p.gender;
  const poor = entry.group === 'HN' || entry.group === 'HCN';
  switch (col.kind) {
    case 'seq':
      return seq;
    case 'name':
      return entry.shown.name ?? p.fullName;
    case 'birthM':
      return gender === 'M' ? year : null;
    case 'birthF':
      return gender === 'F' ? year : null;
    case 'birthYear':
      return year;
    case 'birthDate':
      if (year === null) return null;
      if (p.uid % 6 === 0 || entry.shown.birthYear !== undefined) return year;
      return spec.dateCells ? toDate(p.birth) : dmy(p.birth);
    case 'gender':
      return gender === 'M' ? 'Nam' : 'Nữ';
    case 'id': {
      const id = entry.shown.id === undefined ? p.idNumber : entry.shown.id;
      if (id === null) return null;
      // Only one leading zero is lost, so the 11-digit number still tells a 12-digit CCCD for sure.
      return spec.idAsNumber && /^0[1-9]\d{10}$/.test(id) ? Number(id) : id;
    }
    case 'household':
      return poor ? p.householdCode : null;
    case 'relation':
      return poor ? p.relation : null;
    case 'village':
      return spec.commune.villages[entry.villageIndex] ?? null;
    case 'commune':
      return entry.shown.commune ?? (p.uid % 3 === 0 ? spec.commune.name : spec.commune.bareName);
    case 'group':
      return groupLabel(entry, spec.styleIndex);
    case 'months':
      return entry.months;
    case 'rate':
      return formatAmount(MONTHLY_RATE[entry.group], spec.amountFormat);
    case 'amount': {
      const amount = entry.shown.amount === undefined ? entry.amount : entry.shown.amount;
      return amount === null ? null : formatAmount(amount, spec.amountFormat);
    }
    case 'paidDate':
      if (entry.paidDate === null) return null;
      return spec.dateCells ? toDate(entry.paidDate) : dmy(entry.paidDate);
    case 'phone':
      return p.phone;
    case 'bank':
      return entry.shown.bankAccount === undefined ? p.bankAccount : entry.shown.bankAccount;
    case 'receiver':
      return entry.shown.receiver ?? null;
    case 'signature':
      return null;
    case 'note':
      return entry.shown.note ?? null;
    case 'members':
      return poor ? (entry.members ?? 1) : null;
    case 'revenue':
      return entry.revenue === null ? null : formatAmount(entry.revenue, spec.amountFormat);
  }
}

function numFmtOf(col: Column, value: ExcelJS.CellValue): string | undefined {
  if (value instanceof Date) return 'dd/mm/yyyy';
  if (typeof value === 'number' && col.kind === 'id') return '0';
  if (typeof value === 'number' && (col.kind === 'amount' || col.kind === 'rate' || col.kind === 'revenue')) return '#,##0';
  return undefined;
}

/**
 * Writes one list sheet: administrative header block, title, (two-row) header, optional column
 * numbers, section headings, the rows, the "Cộng …" total with a SUM formula (cached result),
 * the amount in words and the signature block. Returns the row number of every entry.
 */
export function writeListSheet(ws: ExcelJS.Worksheet, spec: ListSheetSpec, entries: readonly Entry[]): WrittenSheet {
  const pen = new SheetPen(ws, spec.tcvn3, spec.vni === true);
  const cols = spec.columns;
  const n = cols.length;
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  let r = 1;
  const districtBare = spec.districtName.replace(/^Huyện\s+/, '');
  if (spec.shortTitle) {
    pen.set(r, 1, `${spec.commune.name.toUpperCase()} - ${spec.districtName.toUpperCase()}`, { bold: true });
    pen.merge(r, 1, r, 4);
    r += 1;
  } else {
    pen.set(r, 1, `UBND HUYỆN ${districtBare.toUpperCase()}`, { center: true });
    pen.merge(r, 1, r, 4);
    pen.set(r, n - 5, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true });
    pen.merge(r, n - 5, r, n);
    r += 1;
    pen.set(r, 1, `ỦY BAN NHÂN DÂN ${spec.commune.name.toUpperCase()}`, { bold: true, center: true });
    pen.merge(r, 1, r, 4);
    pen.set(r, n - 5, 'Độc lập - Tự do - Hạnh phúc', { bold: true, center: true });
    pen.merge(r, n - 5, r, n);
    r += 2;
  }
  pen.set(r, 1, spec.title, { bold: true, center: true });
  pen.merge(r, 1, r, n);
  r += 1;
  pen.set(r, 1, spec.subtitle, { center: true });
  pen.merge(r, 1, r, n);
  r += 2;

  // Header: "Năm sinh" merged over Nam | Nữ when the layout splits the birth year by sex.
  const split = cols.findIndex((c) => c.kind === 'birthM');
  const headerRows = split >= 0 ? 2 : 1;
  cols.forEach((c, i) => {
    if (split >= 0 && (i === split || i === split + 1)) {
      pen.set(r + 1, i + 1, c.header, { bold: true, center: true });
      return;
    }
    pen.set(r, i + 1, c.header, { bold: true, center: true });
    if (headerRows === 2) pen.merge(r, i + 1, r + 1, i + 1);
  });
  if (split >= 0) {
    pen.set(r, split + 1, 'Năm sinh', { bold: true, center: true });
    pen.merge(r, split + 1, r, split + 2);
  }
  r += headerRows;
  if (spec.numberRow) {
    cols.forEach((_, i) => pen.set(r, i + 1, `(${i + 1})`, { center: true }));
    r += 1;
  }
  if (spec.villageHeading !== null) {
    pen.set(r, 1, spec.villageHeading, { bold: true });
    pen.merge(r, 1, r, 3);
    r += 1;
  }

  const rows = new Map<string, number>();
  const amountCol = cols.findIndex((c) => c.kind === 'amount');
  let total = 0;
  const firstData = r;
  let seq = 0;
  let section = 0;
  let currentGroup: GroupCode | null = null;
  for (const entry of entries) {
    if (spec.groupSections && entry.group !== currentGroup) {
      currentGroup = entry.group;
      pen.set(r, 1, `${ROMAN[GROUP_ORDER.indexOf(entry.group)] ?? ROMAN[section]}. ${GROUP_LABELS[entry.group][0]}`, { bold: true });
      pen.merge(r, 1, r, 3);
      section += 1;
      r += 1;
    }
    seq += 1;
    cols.forEach((c, i) => {
      const value = cellValue(c, entry, spec, seq);
      if (value === null) return;
      const fmt = numFmtOf(c, value);
      pen.set(r, i + 1, value, fmt ? { numFmt: fmt } : {});
    });
    const amount = entry.shown.amount === undefined ? entry.amount : entry.shown.amount;
    total += amount ?? 0;
    rows.set(entry.key, r);
    r += 1;
  }
  const lastData = r - 1;

  let totalCell: string | null = null;
  const nameCol = cols.findIndex((c) => c.kind === 'name');
  pen.set(r, nameCol + 1, spec.totalLabel, { bold: true });
  if (amountCol >= 0) {
    const letter = columnLetter(amountCol);
    if (spec.amountFormat === 'number') {
      pen.set(r, amountCol + 1, { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result: total }, { bold: true, numFmt: '#,##0' });
    } else {
      pen.set(r, amountCol + 1, formatAmount(total, spec.amountFormat), { bold: true });
    }
    totalCell = `${letter}${r}`;
  }
  r += 1;
  return { rows, total, totalCell, nextRow: r };
}

/** Writes the "Tổng cộng" row of a workbook on its last sheet, summing the sheets' total cells. */
export function writeGrandTotal(ws: ExcelJS.Worksheet, spec: ListSheetSpec, at: number, parts: readonly { sheet: string; cell: string | null; total: number }[]): number {
  const pen = new SheetPen(ws, spec.tcvn3, spec.vni === true);
  const cols = spec.columns;
  const nameCol = cols.findIndex((c) => c.kind === 'name');
  const amountCol = cols.findIndex((c) => c.kind === 'amount');
  const total = parts.reduce((s, p) => s + p.total, 0);
  pen.set(at, nameCol + 1, 'Tổng cộng', { bold: true });
  if (amountCol >= 0) {
    const refs = parts.filter((p) => p.cell !== null).map((p) => `'${p.sheet}'!${p.cell ?? ''}`);
    if (spec.amountFormat === 'number' && refs.length > 0) {
      pen.set(at, amountCol + 1, { formula: refs.join('+'), result: total }, { bold: true, numFmt: '#,##0' });
    } else {
      pen.set(at, amountCol + 1, formatAmount(total, spec.amountFormat), { bold: true });
    }
  }
  return at + 1;
}

/** Writes "Bằng chữ" and the signature block from row `at`. */
export function writeFooter(ws: ExcelJS.Worksheet, spec: ListSheetSpec, at: number, total: number, signers: readonly string[]): void {
  const pen = new SheetPen(ws, spec.tcvn3, spec.vni === true);
  const n = spec.columns.length;
  let r = at;
  pen.set(r, 1, `Số tiền bằng chữ: ${amountInWords(total)}. (${formatDotted(total)} đồng)`);
  pen.merge(r, 1, r, n);
  r += 2;
  pen.set(r, n - 4, `${spec.commune.bareName}, ${spec.signDate}`);
  pen.merge(r, n - 4, r, n);
  r += 1;
  const chair = spec.commune.type === 'Thị trấn' ? 'Chủ tịch UBND thị trấn' : 'Chủ tịch UBND xã';
  const positions = ['Người lập biểu', 'Kế toán', chair];
  const at3 = [2, Math.max(5, Math.floor(n / 2)), n - 3];
  positions.forEach((label, i) => pen.set(r, at3[i] ?? 1, label, { bold: true }));
  r += 1;
  positions.forEach((_, i) => pen.set(r, at3[i] ?? 1, '(Ký, ghi rõ họ tên)'));
  r += 4;
  signers.forEach((name, i) => pen.set(r, at3[i] ?? 1, name, { bold: true }));
}
