import type { Gender } from '../domain/index.js';
import type { Person, Ymd } from './model.js';
import type { Random } from './random.js';
import type { NameTables } from './reference-data.js';

/** Diacritic-free lower-case key of a name ("đ" → "d"), for uniqueness checks. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export type IdChoice = 'AUTO' | 'CCCD' | 'CMND' | 'NONE';

export interface NewPersonOptions {
  readonly commune: number;
  readonly village: number;
  readonly born: readonly [number, number];
  readonly gender?: Gender;
  readonly surname?: string;
  /** Force this exact name (namesakes); uniqueness is then checked on name + birth year only. */
  readonly fullName?: string;
  readonly id?: IdChoice;
  /** CCCD of another province (born elsewhere). */
  readonly otherProvince?: boolean;
}

const OTHER_PROVINCES = ['030', '034', '036', '038', '040', '042', '079', '087', '092'];

/**
 * Creates people with realistic, unique names and identity numbers: no two people share a
 * diacritic-free name and birth year anywhere, nor a diacritic-free name within one commune,
 * unless a namesake is asked for on purpose.
 */
export class PeopleFactory {
  private nextUid = 1;
  private readonly nameYear = new Set<string>();
  private readonly nameCommune = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly contacts = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly names: NameTables,
    /** 3-digit CCCD province code of the district's province, e.g. "038". */
    private readonly provinceCccd: string,
    /** 2-digit prefix of 9-digit CMND numbers issued by the province's police. */
    private readonly cmndPrefix: string,
  ) {}

  /** Whether a name is already taken in a commune (folded). */
  nameTakenIn(name: string, commune: number): boolean {
    return this.nameCommune.has(`${foldName(name)}|${commune}`);
  }

  newPerson(options: NewPersonOptions): Person {
    const r = this.random;
    for (let attempt = 0; attempt < 200; attempt++) {
      const gender: Gender = options.gender ?? (r.chance(0.5) ? 'M' : 'F');
      const year = r.int(options.born[0], options.born[1]);
      const name = options.fullName ?? this.drawName(gender, options.surname);
      const folded = foldName(name);
      const yearKey = `${folded}|${year}`;
      const communeKey = `${folded}|${options.commune}`;
      if (this.nameYear.has(yearKey)) continue;
      if (options.fullName === undefined && this.nameCommune.has(communeKey)) continue;
      this.nameYear.add(yearKey);
      this.nameCommune.add(communeKey);
      const birth: Ymd = { y: year, m: r.int(1, 12), d: r.int(1, 28) };
      const person: Person = {
        uid: this.nextUid++,
        fullName: name,
        gender,
        birth,
        idNumber: null,
        communeIndex: options.commune,
        villageIndex: options.village,
        householdCode: null,
        relation: null,
        phone: null,
        bankAccount: null,
      };
      person.idNumber = this.drawId(person, options.id ?? 'AUTO', options.otherProvince ?? r.chance(0.08));
      return person;
    }
    throw new Error('could not draw a unique person');
  }

  /** A full name: surname + gendered middle name + gendered given name, weighted by frequency. */
  drawName(gender: Gender, surname?: string): string {
    const s = surname ?? this.names.surnames.draw(this.random);
    const m = this.names.middle[gender].draw(this.random);
    const g = this.names.given[gender].draw(this.random);
    return `${s} ${m} ${g}`.replace(/\s+/g, ' ').normalize('NFC');
  }

  /** A 12-digit CCCD consistent with birth year and gender (Circular 07/2016/TT-BCA). */
  cccdFor(birthYear: number, gender: Gender, province = this.provinceCccd): string {
    const century = Math.floor((birthYear - 1900) / 100);
    const sexDigit = century * 2 + (gender === 'F' ? 1 : 0);
    const yy = String(birthYear % 100).padStart(2, '0');
    for (;;) {
      const id = `${province}${sexDigit}${yy}${this.random.digits(6)}`;
      if (this.claimId(id)) return id;
    }
  }

  /** A 9-digit CMND of the province's police. */
  cmnd(): string {
    for (;;) {
      const id = `${this.cmndPrefix}${this.random.digits(7)}`;
      if (this.claimId(id)) return id;
    }
  }

  /** Reserves an identity number; false when it is already in use. */
  claimId(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    return true;
  }

  /** A mobile number nobody else has. */
  phone(): string {
    for (;;) {
      const value = `${this.random.pick(['09', '08', '03', '07'])}${this.random.digits(8)}`;
      if (!this.contacts.has(value)) {
        this.contacts.add(value);
        return value;
      }
    }
  }

  /** A 13-digit bank account number nobody else has. */
  bankAccount(): string {
    for (;;) {
      const value = `${this.random.pick(['3', '1', '7'])}${this.random.digits(12)}`;
      if (!this.contacts.has(value)) {
        this.contacts.add(value);
        return value;
      }
    }
  }

  private drawId(person: Person, choice: IdChoice, otherProvince: boolean): string | null {
    const r = this.random;
    const age = 2020 - person.birth.y;
    let kind = choice;
    if (kind === 'AUTO') {
      if (age < 14) kind = 'NONE';
      else if (person.birth.y < 1950) kind = r.chance(0.45) ? 'CCCD' : r.chance(0.75) ? 'CMND' : 'NONE';
      else kind = r.chance(0.7) ? 'CCCD' : r.chance(0.65) ? 'CMND' : 'NONE';
    }
    if (kind === 'NONE') return null;
    if (kind === 'CMND') return this.cmnd();
    return this.cccdFor(person.birth.y, person.gender, otherProvince ? r.pick(OTHER_PROVINCES) : this.provinceCccd);
  }
}
