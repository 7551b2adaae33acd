import {
  CANONICAL_FIELDS,
  columnLetter,
  isCellError,
  type CanonicalField,
  type CellValue,
  type NormalizeFlag,
  type RawRow,
} from '../domain/index.js';
import { parseDate } from '../normalize/index.js';
import type { CleanRow } from './cell-text.js';
import type { IngestProblem, SheetPlan } from './types.js';

/** A cell as a value: error cells by their text, blank text as null. */
export function plainValue(v: CellValue | undefined): CellValue {
  if (v === undefined) return null;
  if (isCellError(v)) return v.error;
  if (typeof v === 'string' && v.trim() === '') return null;
  return v;
}

/** A value as the user wrote it, for messages: dates as ISO dates. */
export function shown(v: CellValue): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

export interface DateAndYear {
  date: string | null;
  year: number | null;
}

const NO_DATE: DateAndYear = { date: null, year: null };

/**
 * One data row seen through its sheet's mapping: the value and cleaned text of each mapped field,
 * collecting the flags and problems reading them raises. A class rather than per-row closures:
 * a million rows would otherwise create (and name) millions of functions.
 */
export class RowFields {
  /** The flags raised, each once, in the order raised (an array: a Set per row cost more). */
  readonly flags: NormalizeFlag[] = [];
  readonly problems: IngestProblem[] = [];

  constructor(
    private readonly row: RawRow,
    private readonly cleaned: CleanRow,
    private readonly plan: SheetPlan,
  ) {}

  /** Raises a flag (once). */
  flag(flag: NormalizeFlag): void {
    if (!this.flags.includes(flag)) this.flags.push(flag);
  }

  /** Records a problem at the field's column (or the row when the field is null). */
  problem(field: CanonicalField | null, message: string): void {
    const index = field === null ? undefined : this.plan.mapping[field];
    this.problems.push({ sheet: this.plan.sheet, row: this.row.row, column: index === undefined ? null : columnLetter(index), message });
  }

  /** The field's cell value, null when unmapped or blank. */
  value(field: CanonicalField): CellValue {
    const index = this.plan.mapping[field];
    return index === undefined ? null : plainValue(this.row.cells[index]);
  }

  /** The field's cleaned text (keeping the flags cleaning raised), null when unmapped or empty. */
  text(field: CanonicalField): string | null {
    const index = this.plan.mapping[field];
    if (index === undefined) return null;
    const flags = this.cleaned.flags?.[index];
    if (flags) for (const f of flags) this.flag(f);
    return this.cleaned.texts[index] ?? null;
  }

  /** The field parsed as a number, null when blank or unreadable. */
  number(field: CanonicalField, parse: (v: CellValue) => number | null): number | null {
    const v = this.value(field);
    return v === null ? null : parse(v);
  }

  /** The field as a date or year; an unreadable one is flagged DATE_UNPARSED with a problem. */
  date(field: CanonicalField, serial: boolean): DateAndYear {
    const v = this.value(field);
    if (v === null) return NO_DATE;
    const parsed = parseDate(v, { serial });
    if (!parsed || (parsed.date === null && parsed.year === null)) {
      this.flag('DATE_UNPARSED');
      this.problem(field, `không đọc được ngày "${shown(v)}" ở cột ${CANONICAL_FIELDS[field]}`);
      return NO_DATE;
    }
    return parsed;
  }
}
