import { toPlainRecord, type Finding, type PersonRecord } from '../domain/index.js';
import { AdminResolver } from '../normalize/index.js';
import { checkRules, rowsOfRoles, pushTo } from './helpers.js';
import { findingMaker } from './make-finding.js';
import { textKey } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'UNKNOWN_ADMIN_UNIT';
const CATEGORY = 'data_quality';

/** A file's rows must establish its district this clearly before a row elsewhere is called out of area. */
const AREA_MIN_ROWS = 3;
const AREA_MIN_SHARE = 0.75;

/**
 * Rows of one file whose commune was found, but in another district than the one the file's other rows
 * establish (at least {@link AREA_MIN_ROWS} rows and {@link AREA_MIN_SHARE} of the located rows): a
 * district register or list without district column names a commune elsewhere in the country
 * ("Tường Lộc", a commune of Vĩnh Long, listed among the communes of a district of Lào Cai). Grouped by
 * file and commune.
 */
function outOfArea(rows: readonly PersonRecord[]): { area: string; rows: PersonRecord[] }[] {
  // By role, then file: two lookups of strings already hashed instead of a new key string per row.
  const byFile = new Map<string, Map<string, PersonRecord[]>>();
  for (const r of rows) {
    if (r.communeCode === null || r.districtCode === null || r.flags.includes('ADMIN_UNIT_UNRESOLVED')) continue;
    let files = byFile.get(r.role);
    if (files === undefined) byFile.set(r.role, (files = new Map()));
    pushTo(files, r.file, r);
  }
  const out: { area: string; rows: PersonRecord[] }[] = [];
  for (const located of [...byFile.values()].flatMap((files) => [...files.values()])) {
    const counts = new Map<string, number>();
    for (const r of located) counts.set(r.districtCode ?? '', (counts.get(r.districtCode ?? '') ?? 0) + 1);
    const [area, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (counts.size < 2 || n < AREA_MIN_ROWS || n < AREA_MIN_SHARE * located.length) continue;
    const byCommune = new Map<string, PersonRecord[]>();
    for (const r of located) {
      if (r.districtCode === area) continue;
      pushTo(byCommune, r.communeCode ?? '', r);
    }
    for (const list of byCommune.values()) out.push({ area, rows: list });
  }
  return out;
}

/**
 * UNKNOWN_ADMIN_UNIT: rows whose commune could not be found in the 2020 GSO catalogue (flag
 * ADMIN_UNIT_UNRESOLVED), one finding per role and commune name as written, listing every row; and rows
 * whose commune lies outside the district of the rest of their file ({@link outOfArea}). No amount at risk.
 */
export const unknownAdminUnit: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Không xác định được đơn vị hành chính',
  legalBasis: 'Danh mục đơn vị hành chính Việt Nam của Tổng cục Thống kê (bản năm 2020)',
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled) return [];
    const finding = findingMaker(ID, CATEGORY, cfg.severity);
    const groups = new Map<string, PersonRecord[]>();
    for (const r of rowsOfRoles(ctx, cfg.roles)) {
      if (!r.flags.includes('ADMIN_UNIT_UNRESOLVED')) continue;
      const key = `${r.role}|${textKey(r.communeName)}|${r.districtCode ?? ''}|${r.provinceCode ?? ''}`;
      pushTo(groups, key, r);
    }
    const findings: Finding[] = [];
    for (const rows of groups.values()) {
      const r = rows[0];
      if (r === undefined) continue;
      const name = r.communeName ?? '(không ghi)';
      const files = [...new Set(rows.map((x) => `"${x.file}" trang "${x.sheet}"`))].join(', ');
      findings.push(
        finding({
          amountAtRisk: 0,
          subject: { ...toPlainRecord(r), fullName: null, idNumber: null },
          records: rows,
          identities: [`role:${r.role}`, `commune:${textKey(r.communeName)}`, `district:${r.districtCode ?? ''}`, `province:${r.provinceCode ?? ''}`],
          explanation:
            `Không tìm thấy xã/phường/thị trấn "${name}" trong danh mục đơn vị hành chính năm 2020 ` +
            `(${rows.length} dòng, ${files}). Cần ghi đúng tên xã để đối chiếu theo địa bàn.`,
          evidence: { communeName: r.communeName, districtCode: r.districtCode, provinceCode: r.provinceCode, rows: rows.length },
        }),
      );
    }
    const admin = AdminResolver.load();
    for (const { area, rows } of outOfArea(rowsOfRoles(ctx, cfg.roles))) {
      const r = rows[0];
      if (r === undefined) continue;
      const unit = r.communeCode === null ? null : admin.commune(r.communeCode);
      const where = unit === null ? (r.communeName ?? '') : `${unit.name} (${unit.districtName}, ${unit.provinceName})`;
      const district = admin.district(area);
      const areaName = district === null ? `huyện mã ${area}` : `${district.name}, ${district.provinceName}`;
      findings.push(
        finding({
          amountAtRisk: 0,
          subject: { ...toPlainRecord(r), fullName: null, idNumber: null },
          records: rows,
          identities: [`role:${r.role}`, `file:${r.file}`, `outside:${r.communeCode ?? ''}`, `area:${area}`],
          explanation:
            `Tệp "${r.file}" ghi đơn vị "${where}", không thuộc ${areaName} như các dòng còn lại của tệp ` +
            `(${rows.length} dòng, trang "${r.sheet}"). Cần kiểm tra lại tên hoặc mã xã.`,
          evidence: { communeCode: r.communeCode, communeName: r.communeName, districtCode: r.districtCode, provinceCode: r.provinceCode, fileDistrictCode: area, rows: rows.length },
        }),
      );
    }
    return findings;
  },
};
