import { readDataCsv } from './data-files.js';

let names: Map<string, string> | undefined;

function table(): Map<string, string> {
  names ??= new Map(readDataCsv('cccd-province-codes.csv').map((r) => [r['code'] ?? '', r['province_name'] ?? '']));
  return names;
}

/**
 * The province whose code opens a 12-digit CCCD number (Circular 07/2016/TT-BCA, Appendix 1), or null.
 *
 * @example cccdProvinceName('001') // 'Hà Nội'
 */
export function cccdProvinceName(code: string): string | null {
  const c = code.trim();
  if (!/^\d{1,3}$/.test(c)) return null;
  return table().get(c.padStart(3, '0')) ?? null;
}

/** True when the three digits are a CCCD province code. */
export function isCccdProvinceCode(code: string): boolean {
  return table().has(code);
}
