import { AdminResolver } from '../normalize/index.js';

export interface AdminQuery {
  province: string | null;
  district: string | null;
  commune: string | null;
}

export interface AdminAnswer {
  provinceCode: string | null;
  districtCode: string | null;
  communeCode: string | null;
  communeName: string | null;
  /** False when a unit was written but could not be matched to a 2020 GSO code. */
  resolved: boolean;
}

const EMPTY: AdminAnswer = { provinceCode: null, districtCode: null, communeCode: null, communeName: null, resolved: true };

/**
 * Resolves admin-unit names to 2020 GSO codes once per distinct (province, district, commune):
 * a sheet repeats the same few names on every row.
 */
export class AdminLookup {
  private readonly cache = new Map<string, AdminAnswer>();

  private constructor(private readonly resolver: AdminResolver) {}

  static async create(): Promise<AdminLookup> {
    const resolver = await AdminResolver.load();
    return new AdminLookup(resolver);
  }

  lookup(query: AdminQuery): AdminAnswer {
    if (query.commune === null && query.district === null && query.province === null) return EMPTY;
    const key = `${query.province ?? ''}\u0000${query.district ?? ''}\u0000${query.commune ?? ''}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const r = this.resolver.resolve({
      ...(query.province !== null ? { province: query.province } : {}),
      ...(query.district !== null ? { district: query.district } : {}),
      ...(query.commune !== null ? { commune: query.commune } : {}),
    });
    const answer: AdminAnswer = {
      provinceCode: r.provinceCode ?? null,
      districtCode: r.districtCode ?? null,
      communeCode: r.communeCode ?? null,
      communeName: r.resolved ? (r.communeName ?? query.commune) : query.commune,
      resolved: r.resolved,
    };
    this.cache.set(key, answer);
    return answer;
  }

  /** The commune a GSO code names ("18463", or 18463 stored as a number), or null for no such code. */
  byCode(code: string): AdminAnswer | null {
    if (!/^\d{4,5}$/.test(code)) return null;
    const c = this.resolver.commune(code);
    if (!c) return null;
    return { provinceCode: c.provinceCode, districtCode: c.districtCode, communeCode: c.code, communeName: c.name, resolved: true };
  }
}
