import type { PersonRecord } from '../domain/index.js';

/**
 * textKey remembered for short texts: the checks fold the same villages, communes, group labels and codes
 * for every row, in several checks. Emptied when full, so a column of distinct texts never grows it without
 * bound.
 */
const memo = new Map<string, string>();
const MEMO_CAPACITY = 50_000;
const MEMO_MAX_LENGTH = 60;

/** Diacritic-free lowercase key with single spaces ("đ" → "d"), for comparing free text. */
export function textKey(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  if (text.length > MEMO_MAX_LENGTH) return foldText(text);
  let key = memo.get(text);
  if (key === undefined) {
    key = foldText(text);
    if (memo.size >= MEMO_CAPACITY) memo.clear();
    memo.set(text, key);
  }
  return key;
}

function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The name key of a record, falling back to a key of the display name. */
export function nameKeyOf(r: Pick<PersonRecord, 'nameKey' | 'fullName'>): string {
  return r.nameKey ?? textKey(r.fullName);
}

/** Money as Vietnamese write it: 1500000 → "1.500.000 đ". */
export function money(n: number | null): string {
  if (n === null) return '(không ghi)';
  const sign = n < 0 ? '-' : '';
  return `${sign}${Math.round(Math.abs(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

/** ISO date → "dd/mm/yyyy"; other text unchanged. */
export function viDate(iso: string | null): string {
  if (iso === null) return '(không ghi)';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "2020-04" → "4/2020". */
export function viMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${Number(m[2])}/${m[1]}` : month;
}

/** A list of months as "4/2020, 5/2020". */
export function viMonths(months: readonly string[]): string {
  return months.map(viMonth).join(', ');
}

/** "Ông/bà Nguyễn Văn A (CCCD 001084000999)" for explanations. */
export function personLabel(r: Pick<PersonRecord, 'fullName' | 'idNumber' | 'idKind'>): string {
  const name = r.fullName ?? '(không ghi tên)';
  if (r.idNumber === null) return `Ông/bà ${name}`;
  const kind = r.idKind === 'CCCD' || r.idKind === 'CMND' ? r.idKind : 'số giấy tờ';
  return `Ông/bà ${name} (${kind} ${r.idNumber})`;
}

/** `tệp "a.xlsx", trang "T1", dòng 5`. */
export function rowLabel(r: Pick<PersonRecord, 'file' | 'sheet' | 'row'>): string {
  return `tệp "${r.file}", trang "${r.sheet}", dòng ${r.row}`;
}
