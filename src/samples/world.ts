import type { Gender } from '../domain/index.js';
import type { Commune, Entry, GroupCode, Person, PlannedCase, PoorEntry, RegisterEntry, Shown, Ymd } from './model.js';
import { foldName, PeopleFactory } from './people.js';
import type { Random } from './random.js';
import { expectedAmount, ONE_OFF_GROUPS } from './rates.js';
import type { AdminUnit, NameTables } from './reference-data.js';

/** Population register row: a commune of the district (or a planted unknown unit). */
export interface PopulationRow {
  readonly key: string;
  readonly code: string | null;
  readonly name: string;
  readonly households: number;
  readonly population: number;
}

/** The district whose lists are generated. */
export interface Area {
  readonly provinceCode: string;
  readonly provinceName: string;
  readonly cccdCode: string;
  readonly districtCode: string;
  readonly districtName: string;
  readonly allCommunes: readonly AdminUnit[];
  readonly otherProvinceCommuneNames: readonly string[];
}

/** 9-digit CMND prefixes of some provinces' police (domain.md §6.3); others get a generic one. */
const CMND_PREFIX: Readonly<Record<string, string>> = {
  '01': '01', '79': '02', '31': '03', '14': '05', '02': '07', '22': '10', '17': '11', '27': '12', '24': '12',
  '25': '13', '30': '14', '33': '14', '35': '16', '42': '18', '44': '19', '45': '19', '49': '20', '51': '21',
  '52': '21', '54': '22', '56': '22', '58': '26', '60': '26', '77': '27', '72': '29', '83': '32', '89': '35',
  '93': '36', '94': '36', '95': '38',
};

const NAMED_VILLAGES = ['Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Thượng', 'Hạ', 'Tân Lập', 'Phú Mỹ', 'Hòa Bình', 'Đồng Tâm', 'An Phú'];

function slugify(text: string): string {
  return foldName(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Payout rows a commune holds in a large sample: a sample of more than eight times this spreads over more communes (see {@link pickArea}). */
export const PAYOUTS_PER_COMMUNE = 25_000;

/**
 * Picks a rural district with at least eight communes and 6–8 of its communes, by the seed. With
 * `minCommunes` above eight (a very large sample), a district with at least that many rural communes
 * (or the largest there is) and that many of its communes: a bigger area has more communes, not
 * communes many times more populous than any real one.
 */
export function pickArea(random: Random, units: readonly AdminUnit[], minCommunes = 0): { area: Area; communes: AdminUnit[] } {
  const byDistrict = new Map<string, AdminUnit[]>();
  for (const u of units) {
    const list = byDistrict.get(u.districtCode) ?? [];
    list.push(u);
    byDistrict.set(u.districtCode, list);
  }
  const rural = (list: readonly AdminUnit[]): number => list.filter((u) => u.communeType === 'Xã').length;
  const districts = [...byDistrict.values()].filter((list) => (list[0]?.districtName ?? '').startsWith('Huyện'));
  const largest = Math.max(0, ...districts.map(rural));
  const wanted = Math.min(Math.max(8, minCommunes), largest);
  const candidates = districts.filter((list) => rural(list) >= wanted);
  const chosen = random.pick(candidates);
  const first = chosen[0];
  if (first === undefined) throw new Error('empty district');
  const usual = Math.min(chosen.length, random.int(6, 8));
  const count = wanted > 8 ? wanted : usual;
  const xa = chosen.filter((u) => u.communeType === 'Xã');
  const town = chosen.find((u) => u.communeType === 'Thị trấn');
  const picked = random.shuffle(xa).slice(0, town ? count - 1 : count);
  if (town) picked.push(town);
  picked.sort((a, b) => (a.communeCode < b.communeCode ? -1 : a.communeCode > b.communeCode ? 1 : 0));
  const ownNames = new Set(units.filter((u) => u.provinceCode === first.provinceCode).map((u) => foldName(u.communeName)));
  const others = random
    .shuffle(units.filter((u) => u.provinceCode !== first.provinceCode && u.communeType === 'Xã' && !ownNames.has(foldName(u.communeName))))
    .slice(0, 10)
    .map((u) => u.communeName);
  return {
    area: {
      provinceCode: first.provinceCode,
      provinceName: first.provinceName,
      cccdCode: `0${first.provinceCode}`,
      districtCode: first.districtCode,
      districtName: first.districtName,
      allCommunes: chosen,
      otherProvinceCommuneNames: others,
    },
    communes: picked,
  };
}

/** Adds a row to a list: options of {@link World.addEntry}. */
export interface EntryOptions {
  readonly months?: number;
  readonly amount?: number;
  readonly village?: number;
  readonly commune?: number;
  readonly paidDate?: Ymd;
  readonly shown?: Shown;
  readonly order?: number;
  readonly members?: number;
}

/**
 * The generated world: the district, its people and every row of every list, with the planted
 * anomalies and traps by row key. Writers turn it into files; nothing here knows about layout.
 */
export class World {
  readonly factory: PeopleFactory;
  readonly communes: Commune[];
  readonly beneficiaries: Entry[] = [];
  readonly payouts: Entry[] = [];
  readonly registers: RegisterEntry[] = [];
  readonly poor: PoorEntry[] = [];
  readonly population: PopulationRow[] = [];
  readonly anomalies: PlannedCase[] = [];
  readonly traps: PlannedCase[] = [];
  readonly order = new Map<string, number>();
  /** The commune whose payouts are written as CSV (no bank-account column). */
  readonly csvCommune: number;
  /** The commune that pays poor households one row per household (head, "Số khẩu", 750.000 × members); -1 if none. */
  readonly householdRowsCommune: number;
  private seq = 0;
  private householdSeq = 0;
  private readonly payDays: Ymd[][];

  constructor(
    readonly random: Random,
    names: NameTables,
    readonly area: Area,
    communeUnits: readonly AdminUnit[],
  ) {
    this.factory = new PeopleFactory(random, names, area.cccdCode, CMND_PREFIX[area.provinceCode] ?? `1${random.int(0, 9)}`);
    const south = Number(area.provinceCode) >= 70;
    this.communes = communeUnits.map((u, index) => {
      const bareName = u.communeName.replace(/^(Xã|Phường|Thị trấn)\s+/, '');
      const count = random.int(3, 5);
      const prefix = u.communeType === 'Xã' ? (south ? 'Ấp' : 'Thôn') : random.pick(['Tổ dân phố', 'Khu phố']);
      const named = u.communeType === 'Xã' && random.chance(0.35);
      const names = named ? random.shuffle(NAMED_VILLAGES).slice(0, count) : Array.from({ length: count }, (_, i) => String(i + 1));
      return {
        index,
        code: u.communeCode,
        name: u.communeName,
        bareName,
        type: u.communeType,
        slug: slugify(bareName),
        villages: names.map((n) => `${prefix} ${n}`),
        style: index % 3,
      };
    });
    this.csvCommune = this.communes.length - 1;
    this.householdRowsCommune = this.communes.find((c) => c.style === 0 && c.index >= 3 && c.index !== this.csvCommune)?.index ?? -1;
    this.payDays = this.communes.map(() => {
      const base = random.int(4, 28);
      return [
        { y: 2020, m: 5, d: base },
        { y: 2020, m: 6, d: random.int(2, 27) },
        { y: 2020, m: 7, d: random.int(1, 24) },
      ];
    });
  }

  commune(index: number): Commune {
    const c = this.communes[index];
    if (c === undefined) throw new Error(`no commune ${index}`);
    return c;
  }

  nextKey(prefix: string): string {
    this.seq += 1;
    return `${prefix}${this.seq}`;
  }

  /** A usual payment day of a commune: one-off groups in May, labour groups in June or July. */
  payDay(commune: number, group: GroupCode): Ymd {
    const days = this.payDays[commune] ?? [];
    const day = ONE_OFF_GROUPS.includes(group) ? days[0] : this.random.pick(days.slice(1));
    if (day === undefined) throw new Error('no pay day');
    return day;
  }

  randomVillage(commune: number): number {
    return this.random.int(0, this.commune(commune).villages.length - 1);
  }

  /** A new person living in a commune (village drawn unless given). */
  person(commune: number, born: readonly [number, number], extra: { gender?: Gender; village?: number; id?: 'AUTO' | 'CCCD' | 'CMND' | 'NONE'; fullName?: string; surname?: string } = {}): Person {
    return this.factory.newPerson({
      commune,
      village: extra.village ?? this.randomVillage(commune),
      born,
      ...(extra.gender ? { gender: extra.gender } : {}),
      ...(extra.id ? { id: extra.id } : {}),
      ...(extra.fullName ? { fullName: extra.fullName } : {}),
      ...(extra.surname ? { surname: extra.surname } : {}),
    });
  }

  /** Adds one row to the approved list (`ben`) or the payout list (`pay`). */
  addEntry(list: 'ben' | 'pay', person: Person, group: GroupCode, options: EntryOptions = {}): Entry {
    const months = options.months ?? (ONE_OFF_GROUPS.includes(group) ? 3 : this.random.int(1, 3));
    const commune = options.commune ?? person.communeIndex;
    const entry: Entry = {
      key: this.nextKey(list === 'ben' ? 'b' : 'p'),
      person,
      group,
      months,
      amount: options.amount ?? expectedAmount(group, months),
      communeIndex: commune,
      villageIndex: options.village ?? (commune === person.communeIndex ? person.villageIndex : this.randomVillage(commune)),
      members: options.members ?? null,
      paidDate: list === 'pay' ? (options.paidDate ?? this.payDay(commune, group)) : null,
      revenue: group === 'HKD' && list === 'ben' ? this.random.int(24, 95) * 1_000_000 + this.random.int(0, 9) * 100_000 : null,
      shown: { ...(options.shown ?? {}) },
    };
    this.order.set(entry.key, options.order ?? this.random.next());
    (list === 'ben' ? this.beneficiaries : this.payouts).push(entry);
    return entry;
  }

  /** Approves and pays a person under a group; returns both rows. */
  addPayee(person: Person, group: GroupCode, options: EntryOptions = {}): { ben: Entry; pay: Entry } {
    const ben = this.addEntry('ben', person, group, { ...options, shown: {} });
    const pay = this.addEntry('pay', person, group, { ...options, months: ben.months, ...(options.order !== undefined ? { order: options.order } : {}) });
    return { ben, pay };
  }

  /** A household code of the commune's poor list. */
  householdCode(commune: number): string {
    this.householdSeq += 1;
    return `${this.commune(commune).code}-${String(this.householdSeq).padStart(4, '0')}`;
  }

  /**
   * A poor or near-poor household: head, spouse, children, sometimes a grandparent. Members get the
   * household code and relation; `listed` puts them on the 31/12/2019 list.
   */
  household(commune: number, kind: 'HN' | 'HCN', size: number, listed = true, village?: number): Person[] {
    const v = village ?? this.randomVillage(commune);
    const code = this.householdCode(commune);
    const headGender: Gender = size === 1 ? (this.random.chance(0.6) ? 'F' : 'M') : this.random.chance(0.75) ? 'M' : 'F';
    const head = this.person(commune, size === 1 ? [1930, 1955] : [1960, 1988], { gender: headGender, village: v });
    const surname = head.fullName.split(' ')[0] ?? 'Nguyễn';
    const members: Person[] = [head];
    head.relation = 'Chủ hộ';
    if (size >= 2) {
      const spouse = this.person(commune, [head.birth.y - 3, head.birth.y + 5], { gender: headGender === 'M' ? 'F' : 'M', village: v });
      spouse.relation = headGender === 'M' ? 'Vợ' : 'Chồng';
      members.push(spouse);
    }
    const childSurname = headGender === 'M' ? surname : undefined;
    for (let i = members.length; i < size; i++) {
      if (i === 4 && this.random.chance(0.6)) {
        const elder = this.person(commune, [head.birth.y - 32, head.birth.y - 22], { gender: 'F', village: v });
        elder.relation = 'Mẹ';
        members.push(elder);
        continue;
      }
      const child = this.person(commune, [Math.max(head.birth.y + 20, 1985), Math.min(head.birth.y + 40, 2019)], {
        village: v,
        ...(childSurname ? { surname: childSurname } : {}),
      });
      child.relation = 'Con';
      members.push(child);
    }
    for (const m of members) {
      m.householdCode = code;
      if (listed) this.poor.push({ key: this.nextKey('h'), person: m, householdCode: code, kind });
    }
    return members;
  }

  /**
   * Approves and pays a household: one row per member, or in the household-rows commune one row
   * for the head with the number of members and 750.000 đ × members.
   */
  payHousehold(members: readonly Person[], kind: 'HN' | 'HCN'): { ben: Entry; pay: Entry }[] {
    const base = this.random.next();
    const head = members[0];
    if (head !== undefined && head.communeIndex === this.householdRowsCommune) {
      return [this.addPayee(head, kind, { months: 3, amount: expectedAmount(kind, 3) * members.length, members: members.length, order: base })];
    }
    return members.map((m, i) => this.addPayee(m, kind, { order: base + i * 1e-6 }));
  }

  /** Adds a register row. */
  addRegister(kind: RegisterEntry['kind'], person: Person, fields: { from?: Ymd | null; to?: Ymd | null; detail?: string | null; amount?: number | null } = {}): RegisterEntry {
    const entry: RegisterEntry = {
      key: this.nextKey('r'),
      person,
      kind,
      from: fields.from ?? null,
      to: fields.to ?? null,
      detail: fields.detail ?? null,
      amount: fields.amount ?? null,
    };
    this.registers.push(entry);
    return entry;
  }

  anomaly(rule: string, keys: readonly string[], note: string): void {
    this.anomalies.push({ rule, keys, note });
  }

  trap(kind: string, keys: readonly string[], note: string): void {
    this.traps.push({ rule: kind, keys, note });
  }
}

