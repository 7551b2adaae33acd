/** The people of NAME_CLUSTER: payment rows grouped by person key, held in columns. */
import type { Gender, PersonRecord } from '../../domain/index.js';
import { asciiKey, Interner, KeyTable, numericIdKey } from '../../match/index.js';
import { hasTrustedId, personKey } from '../person-key.js';
import { textKey } from '../text.js';

/** One person of an area: the rows that are this person (same person key) and the parts of the name. */
export interface Person {
  readonly id: number;
  readonly rows: PersonRecord[];
  readonly first: PersonRecord;
  readonly full: string | null;
  readonly sur: string | null;
  readonly mid: string | null;
  readonly giv: string | null;
  readonly gender: Gender | null;
  readonly birthDate: string | null;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** People.genders' codes. */
const GENDERS: readonly (Gender | null)[] = [null, 'M', 'F'];

/**
 * The people of the payment rows in columns: a person per person key, numbered in order of first row, with
 * the parts of the name and the birth date as ids. Person objects are made one village at a time (see
 * analyseNames): a million of them, each with its row list and name strings, were the audit's memory peak.
 */
export class People {
  count = 0;
  /** Each row's next row of the same person (−1: its last). */
  readonly next: Int32Array;
  // By person (at most one per row; typed arrays of the rows' length, not arrays grown row by row).
  readonly first: Int32Array;
  private readonly last: Int32Array;
  readonly sur: Int32Array;
  readonly mid: Int32Array;
  readonly giv: Int32Array;
  private readonly genders: Uint8Array; // GENDERS
  readonly date: Int32Array;
  readonly parts = new Interner();
  readonly dates = new Interner();

  constructor(private readonly rows: readonly PersonRecord[]) {
    const n = rows.length;
    this.next = new Int32Array(n).fill(-1);
    this.first = new Int32Array(n);
    this.last = new Int32Array(n);
    this.sur = new Int32Array(n);
    this.mid = new Int32Array(n);
    this.giv = new Int32Array(n);
    this.genders = new Uint8Array(n);
    this.date = new Int32Array(n);
    // Person keys of valid IDs as numbers (a million key strings in a Map were most of this step's memory).
    const byId = new KeyTable(rows.length);
    const ofId = new Int32Array(n).fill(-1);
    const byKey = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as PersonRecord;
      const numeric = hasTrustedId(r) ? numericIdKey(r.idNumber ?? '') : -1;
      let id: number | undefined;
      if (numeric >= 0) {
        const dense = byId.idOf(numeric);
        id = ofId[dense] ?? -1;
        if (id < 0) ofId[dense] = id = this.add(i);
      } else {
        const key = personKey(r);
        id = byKey.get(key);
        if (id === undefined) byKey.set(key, (id = this.add(i)));
      }
      if (this.first[id] !== i) {
        this.next[this.last[id] ?? i] = i;
        this.last[id] = i;
      }
    }
    for (let id = 0; id < this.count; id++) this.describe(id);
  }

  private add(row: number): number {
    this.first[this.count] = row;
    this.last[this.count] = row;
    return this.count++;
  }

  /** The person's gender (its first row's, else read from a middle name Thị / Văn). */
  gender(id: number): Gender | null {
    return GENDERS[this.genders[id] ?? 0] ?? null;
  }

  /** The person's rows, in row order. */
  rowsOf(id: number): PersonRecord[] {
    const out: PersonRecord[] = [];
    for (let i = this.first[id] ?? -1; i >= 0; i = this.next[i] ?? -1) out.push(this.rows[i] as PersonRecord);
    return out;
  }

  /** The parts of the person's name (first row) and the first full birth date of its rows. */
  private describe(id: number): void {
    const first = this.rows[this.first[id] ?? 0] as PersonRecord;
    const full = first.fullName === null ? null : asciiKey(first.fullName);
    const tokens = full === null || full === '' ? [] : full.split(' ');
    const n = tokens.length;
    this.sur[id] = this.parts.id(n >= 2 ? (tokens[0] ?? null) : null);
    this.mid[id] = this.parts.id(n >= 3 ? tokens.slice(1, n - 1).join(' ') : null);
    this.giv[id] = this.parts.id(n >= 1 ? (tokens[n - 1] ?? null) : null);
    this.genders[id] = GENDERS.indexOf(first.gender ?? (n >= 3 && tokens[1] === 'thi' ? 'F' : n >= 3 && tokens[1] === 'van' ? 'M' : null));
    let date: string | null = null;
    for (let i = this.first[id] ?? -1; i >= 0 && date === null; i = this.next[i] ?? -1) {
      const d = (this.rows[i] as PersonRecord).birthDate;
      if (d !== null && FULL_DATE.test(d) && !d.endsWith('-01-01')) date = d;
    }
    this.date[id] = this.dates.id(date);
  }

  /** Person `id` as an object, for the checks of its village. */
  person(id: number): Person {
    const rows = this.rowsOf(id);
    const sur = this.parts.value(this.sur[id] ?? -1);
    const mid = this.parts.value(this.mid[id] ?? -1);
    const giv = this.parts.value(this.giv[id] ?? -1);
    return {
      id,
      rows,
      first: rows[0] as PersonRecord,
      full: giv === null ? null : [sur, mid, giv].filter((t) => t !== null).join(' '),
      sur,
      mid,
      giv,
      gender: this.gender(id),
      birthDate: this.dates.value(this.date[id] ?? -1),
    };
  }
}

/** The household a person belongs to: the first household code of its rows, else the person alone. */
export function householdOf(p: Person): string {
  const code = p.rows.find((r) => r.householdCode !== null && textKey(r.householdCode) !== '')?.householdCode;
  return code === undefined || code === null ? `person:${p.id}` : `hh:${textKey(code)}`;
}
