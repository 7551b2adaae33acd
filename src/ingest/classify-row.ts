import { foldKey } from '../normalize/index.js';
import { distinctTexts } from './cell-text.js';
import { isColumnNumberRow } from './detect-header.js';
import { stripListPrefix, villageOf } from './context-hints.js';
import type { SkipReason } from './types.js';

/** The columns a classification needs, as 0-based indexes (undefined when the sheet has none). */
export interface ClassifyColumns {
  name?: number;
  id?: number;
  amount?: number;
}

export type RowKind = { kind: 'data' } | { kind: SkipReason; heading?: string };

const DATA: RowKind = { kind: 'data' };

const TOTAL = /^(tổng cộng|tổng số|tổng|cộng trang|cộng thôn|cộng xóm|cộng ấp|cộng tổ|cộng dồn|cộng|lũy kế|luỹ kế)(?![\p{L}])/u;
const TOTAL_ASCII = /^(tong cong|cong trang|cong thon|tong so tien|tong so)(?![a-z])/;
const NOTE = /^(bằng chữ|số tiền bằng chữ|viết bằng chữ|tổng số tiền bằng chữ|ghi chú|lưu ý|chú thích|chú ý|kèm theo|danh sách (này )?(có|gồm))(?![\p{L}])/u;
const NOTE_ASCII = /^(bang chu|so tien bang chu|ghi chu|luu y)(?![a-z])/;
const SIGNATURE =
  /^(người lập biểu|người lập bảng|người lập danh sách|người lập|lập biểu|kế toán|thủ quỹ|thủ trưởng|chủ tịch|phó chủ tịch|tm\.?\s*(ủy ban|uỷ ban|ubnd)|t\/m\.?\s*(ủy ban|uỷ ban|ubnd)|kt\.?\s*chủ tịch|xác nhận|người chi trả|cán bộ chi trả|đại diện|giám đốc|trưởng thôn|trưởng ấp|trưởng ban|người duyệt|người kiểm tra|cán bộ lđtbxh|cán bộ lao động|cán bộ chính sách|công chức|bưu điện|nhân viên bưu điện|ủy ban nhân dân|uỷ ban nhân dân|ubnd)(?![\p{L}])/u;
const SIGNATURE_ASCII = /^(nguoi lap|lap bieu|ke toan|thu quy|thu truong|chu tich|tm ubnd|xac nhan|nguoi chi tra|dai dien|giam doc|truong thon)(?![a-z])/;
const DATE_LINE = /ngày\s*[\d.…_\s]*\s*tháng\s*[\d.…_\s]*\s*năm(?![\p{L}])/u;
const DATE_LINE_ASCII = /ngay\s*[\d._\s]*\s*thang\s*[\d._\s]*\s*nam(?![a-z])/;
const ASCII = /^[\x20-\x7E]*$/;

function lower(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/^[\s(*\-–.:]+/u, '');
}

function matches(text: string, withMarks: RegExp, ascii: RegExp): boolean {
  const t = lower(text);
  if (withMarks.test(t)) return true;
  return ASCII.test(t) && ascii.test(t);
}

/** Whether a text is the label of a totals row ("Tổng cộng", "Cộng thôn 1", "Cộng trang"). "Tống" is a surname, not a total. */
export function isTotalLabel(text: string): boolean {
  return matches(text, TOTAL, TOTAL_ASCII);
}

export function isNoteLabel(text: string): boolean {
  return matches(text, NOTE, NOTE_ASCII);
}

/** Whether a text opens the signature block (titles of signatories, or the "…, ngày … tháng … năm …" line). */
export function isSignatureLabel(text: string): boolean {
  if (matches(text, SIGNATURE, SIGNATURE_ASCII)) return true;
  const t = lower(text);
  return DATE_LINE.test(t) || (ASCII.test(t) && DATE_LINE_ASCII.test(t));
}

const ID_CHARS = /^[\d\s.'`-]+$/;

/** Whether a text is an ID number: at least six digits, nothing but digits and separators. */
function hasIdDigits(text: string | null): boolean {
  if (text === null || text.length < 6 || !ID_CHARS.test(text)) return false;
  let digits = 0;
  for (let i = 0; i < text.length && digits < 6; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits >= 6;
}

function isNumberText(text: string | null): boolean {
  return text !== null && /\d/.test(text) && /^[\d\s.,]+(đ|đồng|vnđ|vnd|d)?$/iu.test(text.trim());
}

export interface ClassifyInput {
  texts: readonly (string | null)[];
  columns: ClassifyColumns;
  /** Folded header rows (and column-number row) to recognise repeated headers after page breaks. */
  signatures: readonly (readonly string[])[];
  inSignatureBlock: boolean;
  isGroupLabel: (text: string) => boolean;
  /** foldKey, possibly memoised (a sheet repeats its texts); foldKey itself when absent. */
  fold?: (text: string) => string;
}

/**
 * Decides what a row after the header is: data, or one of the skip reasons. Totals, notes and
 * signature rows never carry an ID; a section heading holds one or two texts, no ID and no amount.
 */
export function classifyRow(input: ClassifyInput): RowKind {
  const { texts, columns } = input;
  // Most rows of a list carry an ID number, which no blank, heading, total, note, signature or header
  // row does (a header or column-number row has no six-digit cell): decided without the checks below.
  if (!input.inSignatureBlock && hasIdDigits(textAt(texts, columns.id))) return DATA;
  const all = distinctTexts(texts);
  if (all.length === 0) return { kind: 'blank' };
  if (input.inSignatureBlock) return { kind: 'signature' };
  if (isRepeatedHeader(texts, input.signatures, input.fold ?? foldKey) || isColumnNumberRow(texts)) return { kind: 'repeated_header' };

  const name = textAt(texts, columns.name);
  const id = textAt(texts, columns.id);
  const amount = textAt(texts, columns.amount);
  const hasId = hasIdDigits(id);
  const amountIsNumber = amount !== null && isNumberText(amount) && amount !== name;
  // Labels are the texts other than the amount ("Tổng cộng | 6.000.000"); a merged heading fills the amount cell too.
  const labels = amountIsNumber ? all.filter((t) => t !== amount) : all;

  if (!hasId) {
    if (labels.some(isTotalLabel)) return { kind: 'total' };
    if (labels.some(isNoteLabel)) return { kind: 'note' };
    const nameIsLabel = name === null || isSignatureLabel(name);
    if (nameIsLabel && all.length <= 4 && labels.some(isSignatureLabel)) return { kind: 'signature' };
  }

  if (all.length <= 2 && !hasId && !amountIsNumber) {
    const textual = labels.filter((t) => !/^\d+$/.test(t) && !isNumberText(t));
    const onlyText = textual.length === all.length;
    // A person's name can contain a group word ("Tự Do"): a group heading carries no number cell.
    const named = textual.find((t) => villageOf(t) !== null || (onlyText && input.isGroupLabel(stripListPrefix(t))));
    const heading = named ?? [...textual].sort((a, b) => b.length - a.length)[0];
    if (heading !== undefined) {
      const merged = texts.filter((t) => t === heading).length >= 2;
      const prefixed = textual.some((t) => stripListPrefix(t) !== t || /^[IVXLC]{1,5}\.?$/.test(t));
      if (merged || prefixed || named !== undefined || (name === null && onlyText)) return { kind: 'section', heading };
    }
  }
  return DATA;
}

function textAt(texts: readonly (string | null)[], i: number | undefined): string | null {
  return i === undefined ? null : (texts[i] ?? null);
}

function isRepeatedHeader(
  texts: readonly (string | null)[],
  signatures: readonly (readonly string[])[],
  fold: (text: string) => string,
): boolean {
  let filled = 0;
  for (const t of texts) if (t !== null) filled++;
  const needed = Math.max(2, Math.ceil(filled * 0.8));
  if (filled < needed) return false;
  // A repeated header row (or only its sub-header row) matches the header wherever it has text;
  // data rows fail on their first cells, so stop folding as soon as a match is out of reach.
  for (const sig of signatures) {
    let misses = 0;
    for (let c = 0; c < texts.length && misses <= filled - needed; c++) {
      const t = texts[c] ?? null;
      if (t === null) continue;
      const s = sig[c] ?? '';
      if (s === '' || fold(t) !== s) misses++;
    }
    if (misses <= filled - needed) return true;
  }
  return false;
}
