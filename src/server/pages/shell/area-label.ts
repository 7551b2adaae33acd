import { AdminResolver } from '../../../normalize/index.js';

/**
 * "00001 · Phường Phúc Xá" for a GSO area code (the unit's name from the 2020 list), "Toàn quốc"
 * for null; an unknown code is shown as it is.
 */
export function areaLabel(code: string | null): string {
  if (code === null) return 'Toàn quốc';
  const admin = AdminResolver.load();
  const unit = code.length === 5 ? admin.commune(code) : code.length === 3 ? admin.district(code) : code.length === 2 ? admin.province(code) : null;
  return unit ? `${code} · ${unit.name}` : code;
}
