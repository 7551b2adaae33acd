import {
  CANONICAL_FIELDS,
  columnLetter,
  isCellError,
  type CanonicalField,
  type CellValue,
  type Gender,
  type NormalizeFlag,
  type PersonRecord,
  type RawRow,
  type Role,
} from '../domain/index.js';
import {
  convertTcvn3,
  displayName,
  nameKey,
  normalizeAccount,
  normalizePhone,
  parseAmount,
  parseDate,
  parseGender,
  parseIdNumber,
  parseInteger,
  parsePeriod,
} from '../normalize/index.js';
import type { AdminAnswer, AdminLookup, AdminQuery } from './admin-lookup.js';
import type { CleanRow } from './cell-text.js';
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
  /** resolveGroup over the sheet's vocabulary, cached: a column repeats a few labels. */
  resolveGroup: (label: string) => string | null;
  /** Group the sheet name or title names. */
  sheetGroup: { code: string; label: string } | null;
}

export interface BuiltRow {
  record: PersonRecord | null;
  problems: IngestProblem[];
}

/** Fields whose numbers may be Excel date serials rather than years. */
const DATE_FIELDS: readonly CanonicalField[] = ['paidDate', 'deathDate', 'startDate', 'endDate'];

function plainValue(v: CellValue | undefined): CellValue {
  if (v === undefined) return null;
  if (isCellError(v)) return v.error;
  if (typeof v === 'string' && v.trim() === '') return null;
  return v;
}

/**
 * An amount; text typed in a TCVN3 font ("1.500.000 ®", where "®" is "đ") is too short for the
 * encoding to be detected, so it is retried decoded.
 */
function money(v: CellValue): number | null {
  const amount = parseAmount(v);
  if (amount !== null || typeof v !== 'string') return amount;
  return parseAmount(convertTcvn3(v));
}

function shown(v: CellValue): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * Turns one data row into a PersonRecord with every value normalised, plus the problems found
 * (unreadable amounts and dates, no name and no ID). A row with data but neither name nor ID
 * (for the population register: no commune) gives no record.
 */
export function buildRecord(row: RawRow, cleaned: CleanRow, reader: SheetReader, section: SectionState): BuiltRow {
  const { plan } = reader;
  const flags = new Set<NormalizeFlag>();
  const problems: IngestProblem[] = [];
  const problem = (field: CanonicalField | null, message: string): void => {
    const index = field === null ? undefined : plan.mapping[field];
    problems.push({ sheet: plan.sheet, row: row.row, column: index === undefined ? null : columnLetter(index), message });
  };
  const value = (field: CanonicalField): CellValue => {
    const index = plan.mapping[field];
    return index === undefined ? null : plainValue(row.cells[index]);
  };
  const text = (field: CanonicalField): string | null => {
    const index = plan.mapping[field];
    if (index === undefined) return null;
    for (const f of cleaned.flags[index] ?? []) flags.add(f);
    return cleaned.texts[index] ?? null;
  };
  const date = (field: CanonicalField, serial: boolean): { date: string | null; year: number | null } => {
    const v = value(field);
    if (v === null) return { date: null, year: null };
    const parsed = parseDate(v, { serial });
    if (!parsed || (parsed.date === null && parsed.year === null)) {
      flags.add('DATE_UNPARSED');
      problem(field, `không đọc được ngày "${shown(v)}" ở cột ${CANONICAL_FIELDS[field]}`);
      return { date: null, year: null };
    }
    return parsed;
  };

  const raw: Record<string, unknown> = {};
  row.cells.forEach((cell, index) => {
    const v = plainValue(cell);
    if (v === null) return;
    const key = reader.headerKeys[index] ?? columnLetter(index);
    raw[key] = typeof v === 'number' || typeof v === 'boolean' ? v : (cleaned.texts[index] ?? shown(v));
  });

  // Name: a household list may name only the head of household.
  const nameText = text('fullName') ?? (plan.mapping.fullName === undefined ? text('householdHead') : null);
  const fullName = nameText === null ? null : displayName(nameText) || null;
  const key = nameText === null ? null : nameKey(nameText) || null;

  const idValue = value('idNumber');
  const id = idValue === null ? null : parseIdNumber(idValue);
  if (id) for (const f of id.flags) flags.add(f);

  // Birth: a date/year column, or the year written under "Nam" or "Nữ", which also gives the gender.
  const birthIndex = plan.mapping.birthDate;
  const birthHeader = birthIndex === undefined ? '' : (plan.columns[birthIndex]?.header ?? '');
  const birth = date('birthDate', /ngày|ngay/i.test(birthHeader));
  // Under "Giới tính" the Nam | Nữ columns hold a tick ("x") instead of the year.
  const ticked = (field: CanonicalField): boolean => {
    const v = value(field);
    return typeof v === 'string' && /^\s*[xX✓✔vV*]\s*$/.test(v);
  };
  const maleTick = ticked('birthYearMale');
  const femaleTick = ticked('birthYearFemale');
  const male = maleTick ? { date: null, year: null } : date('birthYearMale', false);
  const female = femaleTick ? { date: null, year: null } : date('birthYearFemale', false);
  const hasMale = maleTick || male.date !== null || male.year !== null;
  const hasFemale = femaleTick || female.date !== null || female.year !== null;
  let birthDate = birth.date;
  let birthYear = birth.year;
  let gender: Gender | null = null;
  if (hasMale && hasFemale) {
    flags.add('BIRTH_BOTH_GENDER_COLUMNS');
    problem('birthYearFemale', 'năm sinh ghi ở cả cột Nam và cột Nữ');
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
  const genderValue = value('gender');
  if (genderValue !== null) gender = parseGender(genderValue) ?? gender;
  if (birthYear === null && birthDate !== null) birthYear = Number(birthDate.slice(0, 4));

  // Admin units: columns, else title rows, else the file name, else the options' defaults.
  const communeText = text('commune');
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
      district: text('district') ?? reader.titleAdmin.district ?? reader.optionAdmin.district,
      province: text('province') ?? reader.titleAdmin.province ?? reader.optionAdmin.province,
    });
    if (!admin.resolved) flags.add('ADMIN_UNIT_UNRESOLVED');
  }

  // Group: the column, else the section heading, else the sheet name or title.
  let groupLabel = text('group');
  let groupCode: string | null = null;
  if (groupLabel !== null) {
    groupCode = reader.resolveGroup(groupLabel);
    if (groupCode === null) flags.add('GROUP_UNKNOWN');
  } else if (section.groupCode !== null) {
    groupCode = section.groupCode;
    groupLabel = section.groupLabel;
  } else if (reader.sheetGroup) {
    groupCode = reader.sheetGroup.code;
    groupLabel = reader.sheetGroup.label;
  }

  const amountValue = value('amount');
  let amount: number | null = null;
  if (amountValue !== null) {
    amount = money(amountValue);
    if (amount === null) {
      flags.add('AMOUNT_UNPARSED');
      problem('amount', `số tiền "${shown(amountValue)}" không đọc được thành số`);
    }
  }
  const number = (field: CanonicalField, parse: (v: CellValue) => number | null): number | null => {
    const v = value(field);
    return v === null ? null : parse(v);
  };
  const dates: Partial<Record<CanonicalField, string | null>> = {};
  for (const field of DATE_FIELDS) dates[field] = date(field, true).date;
  const paidYear = dates.paidDate ? Number(dates.paidDate.slice(0, 4)) : undefined;
  const periodValue = value('period');
  const phoneValue = value('phone');
  const accountValue = value('bankAccount');

  const houseHead = text('householdHead');
  const record: PersonRecord = {
    role: reader.role,
    file: reader.file,
    sheet: plan.sheet,
    row: row.row,
    raw,
    fullName,
    nameKey: key,
    birthDate,
    birthYear,
    gender,
    idNumber: id?.value ?? null,
    idKind: id?.kind ?? null,
    householdCode: text('householdCode'),
    householdHead: houseHead === null ? null : displayName(houseHead) || houseHead,
    members: number('members', parseInteger),
    relation: text('relation'),
    address: text('address'),
    village: text('village') ?? section.village ?? plan.context.village,
    provinceCode: admin.provinceCode,
    districtCode: admin.districtCode,
    communeCode: admin.communeCode,
    communeName: admin.communeName,
    groupLabel,
    groupCode,
    rate: number('rate', money),
    months: number('months', parseInteger),
    period: periodValue === null ? null : parsePeriod(periodValue, paidYear),
    amount,
    paidDate: dates.paidDate ?? null,
    signature: text('signature'),
    receiver: text('receiver'),
    bankAccount: accountValue === null ? null : normalizeAccount(accountValue),
    phone: phoneValue === null ? null : normalizePhone(phoneValue),
    revenue: number('revenue', money),
    deathDate: dates.deathDate ?? null,
    startDate: dates.startDate ?? null,
    endDate: dates.endDate ?? null,
    population: number('population', (v) => parseInteger(v) ?? money(v)),
    payer: text('payer'),
    note: text('note'),
    flags: [...flags],
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
