import { readDataCsv } from '../data-files.js';
import { keysOf, unitName, type AdminLevel, type UnitName } from './unit-name.js';

export interface ProvinceUnit {
  readonly level: 'province';
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly key: UnitName;
}

export interface DistrictUnit {
  readonly level: 'district';
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly provinceCode: string;
  readonly key: UnitName;
}

export interface CommuneUnit {
  readonly level: 'commune';
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly districtCode: string;
  readonly provinceCode: string;
  readonly key: UnitName;
}

export type AdminUnit = ProvinceUnit | DistrictUnit | CommuneUnit;

/** Name → units, by exact, folded and compact key. */
export interface NameIndex<U> {
  readonly exact: Map<string, U[]>;
  readonly folded: Map<string, U[]>;
  readonly compact: Map<string, U[]>;
}

export interface AdminData {
  readonly provinces: Map<string, ProvinceUnit>;
  readonly districts: Map<string, DistrictUnit>;
  readonly communes: Map<string, CommuneUnit>;
  readonly communesByDistrict: Map<string, CommuneUnit[]>;
  readonly provinceNames: NameIndex<ProvinceUnit>;
  readonly districtNames: NameIndex<DistrictUnit>;
  readonly communeNames: NameIndex<CommuneUnit>;
}

// Common informal names of provinces (compared after folding).
const PROVINCE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  '79': ['hcm', 'tphcm', 'tp hcm', 'sai gon', 'saigon', 'sg', 'ho chi minh city'],
  '01': ['hn', 'tp hn'],
  '77': ['brvt', 'br vt', 'ba ria', 'vung tau', 'ba ria vung tau'],
  '46': ['hue', 'tt hue', 'thua thien', 'tth'],
  '66': ['dac lac', 'daclac', 'dak lak', 'dac lak'],
  '67': ['dac nong', 'dak nong'],
  '48': ['dn', 'da nang'],
};

function emptyIndex<U>(): NameIndex<U> {
  return { exact: new Map(), folded: new Map(), compact: new Map() };
}

function add<U>(index: NameIndex<U>, key: UnitName, unit: U): void {
  for (const [map, k] of [
    [index.exact, key.exact],
    [index.folded, key.folded],
    [index.compact, key.compact],
  ] as const) {
    if (k === '') continue;
    const list = map.get(k);
    if (list) {
      if (!list.includes(unit)) list.push(unit);
    } else map.set(k, [unit]);
  }
}

function typeOf(name: string, level: AdminLevel, fallback: string): string {
  return unitName(name, level).type ?? fallback;
}

let cached: AdminData | undefined;

/** Loads the 2020 GSO unit lists shipped in src/data once. */
export function loadAdminData(): AdminData {
  if (cached) return cached;
  const provinces = new Map<string, ProvinceUnit>();
  const districts = new Map<string, DistrictUnit>();
  const communes = new Map<string, CommuneUnit>();
  const communesByDistrict = new Map<string, CommuneUnit[]>();
  const provinceNames = emptyIndex<ProvinceUnit>();
  const districtNames = emptyIndex<DistrictUnit>();
  const communeNames = emptyIndex<CommuneUnit>();

  for (const r of readDataCsv('admin-units-2020-provinces.csv')) {
    const code = r['province_code'] ?? '';
    const name = r['province_name'] ?? '';
    const p: ProvinceUnit = { level: 'province', code, name, type: typeOf(name, 'province', 'Tỉnh'), key: unitName(name, 'province') };
    provinces.set(code, p);
    add(provinceNames, p.key, p);
    for (const alias of PROVINCE_ALIASES[code] ?? []) {
      const w = alias.split(' ');
      add(provinceNames, keysOf(w, w, null, false), p);
    }
  }
  for (const r of readDataCsv('admin-units-2020-districts.csv')) {
    const code = r['district_code'] ?? '';
    const name = r['district_name'] ?? '';
    const d: DistrictUnit = {
      level: 'district',
      code,
      name,
      type: r['district_type'] ?? typeOf(name, 'district', 'Huyện'),
      provinceCode: r['province_code'] ?? '',
      key: unitName(name, 'district'),
    };
    districts.set(code, d);
    add(districtNames, d.key, d);
  }
  for (const r of readDataCsv('admin-units-2020.csv')) {
    const code = r['commune_code'] ?? '';
    const name = r['commune_name'] ?? '';
    const c: CommuneUnit = {
      level: 'commune',
      code,
      name,
      type: r['commune_type'] ?? typeOf(name, 'commune', 'Xã'),
      districtCode: r['district_code'] ?? '',
      provinceCode: r['province_code'] ?? '',
      key: unitName(name, 'commune'),
    };
    communes.set(code, c);
    add(communeNames, c.key, c);
    const list = communesByDistrict.get(c.districtCode);
    if (list) list.push(c);
    else communesByDistrict.set(c.districtCode, [c]);
  }
  cached = { provinces, districts, communes, communesByDistrict, provinceNames, districtNames, communeNames };
  return cached;
}
