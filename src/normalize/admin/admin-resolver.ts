import { cleanText } from '../clean-text.js';
import {
  loadAdminData,
  type AdminData,
  type CommuneUnit,
  type DistrictUnit,
  type NameIndex,
  type ProvinceUnit,
} from './admin-data.js';
import { extractMentions, type Mention } from './admin-text.js';
import type { AdminMatch, AdminQuery, CommuneInfo, DistrictInfo, ProvinceInfo } from './admin-match.js';
import { unitName, type AdminLevel, type UnitName } from './unit-name.js';

type Unit = ProvinceUnit | DistrictUnit | CommuneUnit;

interface LevelResult<U> {
  readonly asked: boolean;
  readonly units: readonly U[];
}

const NONE = { asked: false, units: [] } as const;
const CACHE_LIMIT = 50_000;

/**
 * Resolves province, district and commune names or GSO codes (2020 list) to codes. Names may carry a
 * type prefix in any common spelling ("Xã", "P.", "TT.", "H.", "Q.1", "TP.", "Tỉnh"), with or without
 * diacritics; commune names repeat across the country, so a commune is looked up within its district
 * (else province) and reported unresolved with the number of candidates when that is not enough.
 */
export class AdminResolver {
  private static instance: AdminResolver | undefined;
  private readonly cache = new Map<string, AdminMatch>();

  private constructor(private readonly data: AdminData) {}

  /** The resolver over src/data/admin-units-2020*.csv, loaded once. */
  static load(): AdminResolver {
    AdminResolver.instance ??= new AdminResolver(loadAdminData());
    return AdminResolver.instance;
  }

  resolve(query: AdminQuery): AdminMatch {
    const cacheKey = JSON.stringify([query.province ?? null, query.district ?? null, query.commune ?? null, query.text ?? null]);
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    const result = this.resolveUncached(query);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(cacheKey, result);
    return result;
  }

  commune(code: string): CommuneInfo | null {
    const c = this.data.communes.get(padCode(code, 5));
    if (!c) return null;
    const d = this.data.districts.get(c.districtCode);
    const p = this.data.provinces.get(c.provinceCode);
    return {
      code: c.code,
      name: c.name,
      type: c.type,
      districtCode: c.districtCode,
      districtName: d?.name ?? '',
      provinceCode: c.provinceCode,
      provinceName: p?.name ?? '',
    };
  }

  district(code: string): DistrictInfo | null {
    const d = this.data.districts.get(padCode(code, 3));
    if (!d) return null;
    return { code: d.code, name: d.name, type: d.type, provinceCode: d.provinceCode, provinceName: this.data.provinces.get(d.provinceCode)?.name ?? '' };
  }

  province(code: string): ProvinceInfo | null {
    const p = this.data.provinces.get(padCode(code, 2));
    return p ? { code: p.code, name: p.name, type: p.type } : null;
  }

  /** The communes of a district, in code order (empty for an unknown district). */
  communesOfDistrict(code: string): CommuneInfo[] {
    const list = this.data.communesByDistrict.get(padCode(code, 3)) ?? [];
    return list.map((c) => this.commune(c.code)).filter((c): c is CommuneInfo => c !== null);
  }

  private resolveUncached(query: AdminQuery): AdminMatch {
    if (typeof query.commune === 'string' && /[,;]/.test(query.commune)) {
      // "Xã An Bình, Huyện Phú Giáo" in a commune column: read it like a title.
      return this.resolveUncached({ ...query, commune: null, text: [query.commune, query.text ?? ''].join(' ; ') });
    }
    const mentions = query.text ? extractMentions(query.text) : [];
    const byLevel = (level: AdminLevel): Mention[] =>
      mentions.filter((m) => m.level === level || m.level === 'any' || (m.level === 'city' && level !== 'commune'));

    let province: LevelResult<ProvinceUnit> = NONE;
    if (present(query.province)) province = { asked: true, units: this.provinceFrom(query.province) };
    else province = this.fromMentions(byLevel('province'), (n) => this.lookup(this.data.provinceNames, n, () => true));

    const provinceScope = province.units.length > 0 ? new Set(province.units.map((p) => p.code)) : null;
    let district: LevelResult<DistrictUnit> = NONE;
    const inProvince = (d: DistrictUnit): boolean => provinceScope === null || provinceScope.has(d.provinceCode);
    if (present(query.district)) district = { asked: true, units: this.districtFrom(query.district, inProvince, provinceScope !== null) };
    else {
      const provinceKeys = new Set(province.units.map((p) => p.key.folded));
      district = this.fromMentions(
        byLevel('district').filter((m) => m.level !== 'city' || !m.names.some((n) => provinceKeys.has(n.folded))),
        (n) => this.lookup(this.data.districtNames, n, inProvince),
      );
    }
    if (province.units.length === 0 && district.units.length > 0) {
      const codes = new Set(district.units.map((d) => d.provinceCode));
      if (codes.size === 1) province = { asked: province.asked, units: [...codes].map((c) => this.data.provinces.get(c)).filter(isDefined) };
    }

    const districtScope = district.units.length > 0 ? new Set(district.units.map((d) => d.code)) : null;
    const provinceScope2 = province.units.length > 0 ? new Set(province.units.map((p) => p.code)) : null;
    const inScope = (c: CommuneUnit): boolean =>
      districtScope !== null ? districtScope.has(c.districtCode) : provinceScope2 === null || provinceScope2.has(c.provinceCode);
    let commune: LevelResult<CommuneUnit> = NONE;
    let communeWritten: string | null = null;
    if (present(query.commune)) {
      commune = { asked: true, units: this.communeFrom(query.commune, inScope, districtScope !== null) };
      communeWritten = cleanText(query.commune).text;
    } else {
      const found = this.fromMentions(byLevel('commune'), (n) => this.lookup(this.data.communeNames, n, inScope));
      commune = found;
      communeWritten = byLevel('commune')[0]?.written ?? null;
    }

    const c = commune.units.length === 1 ? commune.units[0] : undefined;
    const d = c ? this.data.districts.get(c.districtCode) : single(district.units) ?? sameParent(commune.units, (u) => u.districtCode, this.data.districts);
    const p = c
      ? this.data.provinces.get(c.provinceCode)
      : d
        ? this.data.provinces.get(d.provinceCode)
        : single(province.units) ?? sameParent(commune.units, (u) => u.provinceCode, this.data.provinces);
    const deepest = commune.asked ? commune : district.asked ? district : province;
    return {
      provinceCode: p?.code ?? null,
      districtCode: d?.code ?? null,
      communeCode: c?.code ?? null,
      communeName: c?.name ?? communeWritten,
      resolved: deepest.asked && deepest.units.length === 1,
      candidates: deepest.units.length,
    };
  }

  /** Uses the first mention that names units in scope, preferring one that names exactly one. */
  private fromMentions<U>(mentions: readonly Mention[], find: (name: UnitName) => U[]): LevelResult<U> {
    if (mentions.length === 0) return NONE;
    let fallback: U[] | null = null;
    for (const m of mentions) {
      let units: U[] = [];
      for (const name of m.names) {
        units = find(name);
        if (units.length > 0) break;
      }
      if (units.length === 1) return { asked: true, units };
      if (units.length > 1 && fallback === null) fallback = units;
    }
    return { asked: true, units: fallback ?? [] };
  }

  private provinceFrom(value: string | number): ProvinceUnit[] {
    const code = asCode(value);
    if (code !== null) {
      const p = this.data.provinces.get(padCode(code.length === 3 && code.startsWith('0') ? code.slice(1) : code, 2));
      return p ? [p] : [];
    }
    return this.lookup(this.data.provinceNames, unitName(String(value), 'province'), () => true);
  }

  private districtFrom(value: string | number, inProvince: (d: DistrictUnit) => boolean, scoped: boolean): DistrictUnit[] {
    const code = asCode(value);
    if (code !== null) {
      if (code.length < 3 && scoped) {
        // "1" in a district column of Hồ Chí Minh is Quận 1 rather than district code 001.
        const byName = this.lookup(this.data.districtNames, unitName(code, 'district'), inProvince);
        if (byName.length > 0) return byName;
      }
      const d = this.data.districts.get(padCode(code, 3));
      return d ? [d] : [];
    }
    return this.lookup(this.data.districtNames, unitName(String(value), 'district'), inProvince);
  }

  private communeFrom(value: string | number, inScope: (c: CommuneUnit) => boolean, scoped: boolean): CommuneUnit[] {
    const code = asCode(value);
    if (code !== null) {
      if (code.length < 5 && scoped) {
        // "3" in a commune column is Phường 3 of the district when it has one.
        const byName = this.lookup(this.data.communeNames, unitName(code, 'commune'), inScope);
        if (byName.length > 0) return byName;
      }
      const c = this.data.communes.get(padCode(code, 5));
      return c ? [c] : [];
    }
    return this.lookup(this.data.communeNames, unitName(String(value), 'commune'), inScope);
  }

  /**
   * Exact key first, then without diacritics, then without spaces; the written type breaks ties.
   * A name written without diacritics skips the exact stage: "sa pa" may be Sa Pa or Sa Pả.
   */
  private lookup<U extends Unit>(index: NameIndex<U>, name: UnitName, inScope: (u: U) => boolean): U[] {
    const stages = [
      [index.exact, name.accented ? name.exact : ''],
      [index.folded, name.folded],
      [index.compact, name.compact],
    ] as const;
    for (const [map, key] of stages) {
      if (key === '') continue;
      const found = (map.get(key) ?? []).filter(inScope);
      if (found.length === 0) continue;
      if (found.length > 1 && name.type !== null) {
        const typed = found.filter((u) => u.type.toLowerCase() === (name.type ?? '').toLowerCase());
        if (typed.length > 0) return typed;
      }
      return found;
    }
    return [];
  }
}

function present(value: string | number | null | undefined): value is string | number {
  if (value === null || value === undefined) return false;
  return typeof value === 'number' ? Number.isFinite(value) : value.trim() !== '';
}

function asCode(value: string | number): string | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? String(value) : null;
  const t = value.trim().replace(/^'/, '');
  return /^\d{1,6}$/.test(t) ? t : null;
}

function padCode(code: string, width: number): string {
  const t = code.trim();
  return /^\d+$/.test(t) ? t.padStart(width, '0') : t;
}

function single<U>(units: readonly U[]): U | undefined {
  return units.length === 1 ? units[0] : undefined;
}

function sameParent<U, P>(units: readonly U[], parentOf: (u: U) => string, parents: Map<string, P>): P | undefined {
  if (units.length === 0) return undefined;
  const codes = new Set(units.map(parentOf));
  if (codes.size !== 1) return undefined;
  const [only] = codes;
  return only === undefined ? undefined : parents.get(only);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
