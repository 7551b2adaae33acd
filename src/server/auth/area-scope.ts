import { AppError } from '../../domain/index.js';
import { AdminResolver } from '../../normalize/index.js';

/** The levels an area code can name; the length of a GSO code tells which. */
export type AreaLevel = 'province' | 'district' | 'commune';

/** The level of a GSO area code by its length (2, 3, 5 digits), or null when it is none. */
export function areaLevel(code: string): AreaLevel | null {
  if (/^\d{2}$/.test(code)) return 'province';
  if (/^\d{3}$/.test(code)) return 'district';
  if (/^\d{5}$/.test(code)) return 'commune';
  return null;
}

/** Checks that `code` is a province, district or commune of the 2020 GSO list; BAD_INPUT otherwise. */
export function assertKnownArea(code: string): AreaLevel {
  const level = areaLevel(code);
  const admin = AdminResolver.load();
  const known = level === 'province' ? admin.province(code) : level === 'district' ? admin.district(code) : level === 'commune' ? admin.commune(code) : null;
  if (!level || !known) {
    throw new AppError('BAD_INPUT', `mã địa bàn "${code}" không phải mã tỉnh (2 chữ số), huyện (3) hay xã (5) trong danh mục đơn vị hành chính 2020`);
  }
  return level;
}

/** The codes of `code` and every unit above it: commune → [commune, district, province]. */
function ancestry(code: string): string[] {
  const admin = AdminResolver.load();
  switch (areaLevel(code)) {
    case 'commune': {
      const c = admin.commune(code);
      return c ? [code, c.districtCode, c.provinceCode] : [code];
    }
    case 'district': {
      const d = admin.district(code);
      return d ? [code, d.provinceCode] : [code];
    }
    default:
      return [code];
  }
}

/**
 * True when `inner` lies within `outer`. A null outer is nationwide and contains everything; a null
 * inner (an audit without an area) is nationwide and lies only within a nationwide scope.
 * @example areaContains('001', '00004') // true: Phường Trúc Bạch is in Quận Ba Đình
 */
export function areaContains(outer: string | null, inner: string | null): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  return ancestry(inner).includes(outer);
}

/** Of `codes`, those within `scope` (null = all): the set an area-scoped SQL query may touch. */
export function codesWithin(scope: string | null, codes: readonly (string | null)[]): (string | null)[] {
  return codes.filter((code) => areaContains(scope, code));
}
