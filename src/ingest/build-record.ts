import {
  columnLetter,
  type CanonicalField,
  type CellValue,
  type Gender,
  type PersonRecord,
  type RawRow,
  type Role,
} from '../domain/index.js';
import {
  convertTcvn3,
  convertVni,
  normalizeAccount,
  normalizePhone,
  parseAmount,
  parseIdNumber,
  parseInteger,
  parsePeriod,
} from '../normalize/index.js';
import type { AdminAnswer, AdminLookup, AdminQuery } from './admin-lookup.js';
import type { CleanRow } from './cell-text.js';
import { withCommuneType } from './context-hints.js';
import { plainValue, RowFields, shown } from './row-fields.js';
import type { TextMemos } from './text-memos.js';
import type { IngestProblem, SheetPlan } from './types.js';

/** What a section heading above the current row said ("Thôn 1", "I. Người có công"). */
export interface SectionState {
  village: string | null;
  groupCode: string | null;
  groupLabel: string | null;
}

/** Everything fixed for one sheet while its rows are turned into records. */
export interface SheetReader {
  file: string;
  role: Role;
  plan: SheetPlan;
  /** Raw-record key per column: the header text, made unique; the column letter where the header is empty. */
  headerKeys: string[];
  admin: AdminLookup;
  /** Admin units the title rows (or sheet name) name; used where the row has no such column. */
  titleAdmin: AdminQuery;
  /** Codes the file name points to ("xa-an-binh.xlsx"), when neither columns nor title name a commune. */
  fileAdmin: AdminAnswer | null;
  /** The options' default commune, district and province: the last resort. */
  optionAdmin: AdminQuery;
  /** A column of GSO commune codes ("Mã xã"), which no canonical field holds; it wins when the code exists. */
  communeCodeColumn: number | null;
  /** The unit type the commune column's header names alone ("Xã"): "Hiệp Hòa" under it is "Xã Hiệp Hòa". */
  communeColumnType?: string | null;
  /** resolveGroup over the sheet's vocabulary, cached: a column repeats a few labels. */
  resolveGroup: (label: string) => string | null;
  /** Group the sheet name or title names. */
  sheetGroup: { code: string; label: string } | null;
  /** Whether the birth column's header says "ngày" (its numbers may then be date serials). */
  birthIsDate: boolean;
  /** The file's memoised text normalisations. */
  memos: TextMemos;
}

export interface BuiltRow {
  record: PersonRecord | null;
  problems: IngestProblem[];
}

/** Fields whose numbers may be Excel date serials rather than years. */
const DATE_FIELDS: readonly CanonicalField[] = ['paidDate', 'deathDate', 'startDate', 'endDate'];

/**
 * An amount; text typed in a TCVN3 font ("1.500.000 ®", where "®" is "đ") or a VNI font ("1.500.000 ñ",
 * where "ñ" is "đ") is too short for the encoding to be detected, so it is retried decoded.
 */
function money(v: CellValue): number | null {
  const amount = parseAmount(v);
  if (amount !== null || typeof v !== 'string') return amount;
  return parseAmount(convertTcvn3(v)) ?? parseAmount(convertVni(v));
}

/** A population count: a whole number, else an amount-like figure ("12.345"). */
function populationCount(v: CellValue): number | null {
  return parseInteger(v) ?? money(v);
}

const TICK = /^\s*[xX✓✔vV*]\s*$/;

/** Under "Giới tính" the Nam | Nữ columns hold a tick ("x") instead of the year. */
function isTick(v: CellValue): boolean {
  return typeof v === 'string' && TICK.test(v);
}

/** The row's values by header text (see SheetReader.headerKeys), as read; cleaned text for text cells. */
function rawValues(row: RawRow, cleaned: CleanRow, headerKeys: readonly string[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const { cells } = row;
  for (let index = 0; index < cells.length; index++) {
    const v = plainValue(cells[index]);
    if (v === null) continue;
    const key = headerKeys[index] ?? columnLetter(index);
    raw[key] = typeof v === 'number' || typeof v === 'boolean' ? v : (cleaned.texts[index] ?? shown(v));
  }
  return raw;
}

/**
 * Turns one data row into a PersonRecord with every value normalised, plus the problems found
 * (unreadable amounts and dates, no name and no ID). A row with data but neither name nor ID
 * (for the population register: no commune) gives no record.
 */
export function buildRecord(row: RawRow, cleaned: CleanRow, reader: SheetReader, section: SectionState): BuiltRow {
  const { plan, memos } = reader;
  const fields = new RowFields(row, cleaned, plan);
  const { flags, problems } = fields;
  const raw = rawValues(row, cleaned, reader.headerKeys);

  // Name: a household list may name only the head of household.
  const nameText = fields.text('fullName') ?? (plan.mapping.fullName === undefined ? fields.text('householdHead') : null);
  const names = nameText === null ? null : memos.name(nameText);

  const idValue = fields.value('idNumber');
  const id = idValue === null ? null : parseIdNumber(idValue);
  if (id) for (const f of id.flags) fields.flag(f);

  // Birth: a date/year column, or the year written under "Nam" or "Nữ", which also gives the gender.
  const birth = fields.date('birthDate', reader.birthIsDate);
  const maleTick = isTick(fields.value('birthYearMale'));
  const femaleTick = isTick(fields.value('birthYearFemale'));
  const male = maleTick ? { date: null, year: null } : fields.date('birthYearMale', false);
  const female = femaleTick ? { date: null, year: null } : fields.date('birthYearFemale', false);
  const hasMale = maleTick || male.date !== null || male.year !== null;
  const hasFemale = femaleTick || female.date !== null || female.year !== null;
  let birthDate = birth.date;
  let birthYear = birth.year;
  let gender: Gender | null = null;
  if (hasMale && hasFemale) {
    fields.flag('BIRTH_BOTH_GENDER_COLUMNS');
    fields.problem('birthYearFemale', 'năm sinh ghi ở cả cột Nam và cột Nữ');
    if (male.year === female.year) {
      birthYear ??= male.year;
      birthDate ??= male.date === female.date ? male.date : null;
    }
  } else if (hasMale || hasFemale) {
    const side = hasMale ? male : female;
    gender = hasMale ? 'M' : 'F';
    birthYear ??= side.year;
    birthDate ??= side.date;
  }
  const genderValue = fields.value('gender');
  if (typeof genderValue === 'string') gender = memos.gender(genderValue) ?? gender;
  if (birthYear === null && birthDate !== null) birthYear = Number(birthDate.slice(0, 4));

  // Admin units: columns, else title rows, else the file name, else the options' defaults.
  const communeText = withCommuneType(fields.text('commune'), reader.communeColumnType ?? null);
  const written = communeText ?? reader.titleAdmin.commune;
  const codeCell = reader.communeCodeColumn === null ? null : cleaned.texts[reader.communeCodeColumn] ?? null;
  const byCode = codeCell === null ? null : reader.admin.byCode(codeCell);
  let admin: AdminAnswer;
  if (byCode) {
    admin = byCode;
  } else if (written === null && reader.fileAdmin) {
    admin = reader.fileAdmin;
  } else {
    admin = reader.admin.lookup({
      commune: written ?? reader.optionAdmin.commune,
      district: fields.text('district') ?? reader.titleAdmin.district ?? reader.optionAdmin.district,
      province: fields.text('province') ?? reader.titleAdmin.province ?? reader.optionAdmin.province,
    });
    if (!admin.resolved) fields.flag('ADMIN_UNIT_UNRESOLVED');
  }

  // Group: the column, else the section heading, else the sheet name or title.
  let groupLabel = fields.text('group');
  let groupCode: string | null = null;
  if (groupLabel !== null) {
    groupCode = reader.resolveGroup(groupLabel);
    if (groupCode === null) fields.flag('GROUP_UNKNOWN');
  } else if (section.groupCode !== null) {
    groupCode = section.groupCode;
    groupLabel = section.groupLabel;
  } else if (reader.sheetGroup) {
    groupCode = reader.sheetGroup.code;
    groupLabel = reader.sheetGroup.label;
  }

  const amountValue = fields.value('amount');
  let amount: number | null = null;
  if (amountValue !== null) {
    amount = money(amountValue);
    if (amount === null) {
      fields.flag('AMOUNT_UNPARSED');
      fields.problem('amount', `số tiền "${shown(amountValue)}" không đọc được thành số`);
    }
  }
  const dates: Partial<Record<CanonicalField, string | null>> = {};
  for (const field of DATE_FIELDS) dates[field] = fields.date(field, true).date;
  const paidYear = dates.paidDate ? Number(dates.paidDate.slice(0, 4)) : undefined;
  const periodValue = fields.value('period');
  const phoneValue = fields.value('phone');
  const accountValue = fields.value('bankAccount');

  const houseHead = fields.text('householdHead');
  const record: PersonRecord = {
    role: reader.role,
    file: reader.file,
    sheet: plan.sheet,
    row: row.row,
    raw,
    fullName: names?.display ?? null,
    nameKey: names?.key ?? null,
    birthDate,
    birthYear,
    gender,
    idNumber: id?.value ?? null,
    idKind: id?.kind ?? null,
    householdCode: fields.text('householdCode'),
    householdHead: houseHead === null ? null : (memos.name(houseHead).display ?? houseHead),
    members: fields.number('members', parseInteger),
    relation: fields.text('relation'),
    address: fields.text('address'),
    village: fields.text('village') ?? section.village ?? plan.context.village,
    provinceCode: admin.provinceCode,
    districtCode: admin.districtCode,
    communeCode: admin.communeCode,
    communeName: admin.communeName,
    groupLabel,
    groupCode,
    rate: fields.number('rate', money),
    months: fields.number('months', parseInteger),
    period: periodValue === null ? null : parsePeriod(periodValue, paidYear),
    amount,
    paidDate: dates.paidDate ?? null,
    signature: fields.text('signature'),
    receiver: fields.text('receiver'),
    bankAccount: accountValue === null ? null : normalizeAccount(accountValue),
    phone: phoneValue === null ? null : normalizePhone(phoneValue),
    revenue: fields.number('revenue', money),
    deathDate: dates.deathDate ?? null,
    startDate: dates.startDate ?? null,
    endDate: dates.endDate ?? null,
    population: fields.number('population', populationCount),
    payer: fields.text('payer'),
    note: fields.text('note'),
    flags,
  };

  const identified =
    reader.role === 'register:population'
      ? communeText !== null
      : record.fullName !== null || record.idNumber !== null;
  if (!identified) {
    const column = plan.mapping.fullName ?? plan.mapping.householdHead ?? plan.mapping.idNumber;
    problems.push({
      sheet: plan.sheet,
      row: row.row,
      column: column === undefined ? null : columnLetter(column),
      message:
        reader.role === 'register:population'
          ? 'dòng có dữ liệu nhưng không có tên xã/phường; dòng bị loại'
          : 'dòng có dữ liệu nhưng không có họ tên và số CMND/CCCD; dòng bị loại',
    });
    return { record: null, problems };
  }
  return { record, problems };
}
