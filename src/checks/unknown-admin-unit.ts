import type { Finding, PersonRecord } from '../domain/index.js';
import { checkRules, rowsOfRoles } from './helpers.js';
import { makeFinding } from './make-finding.js';
import { textKey } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'UNKNOWN_ADMIN_UNIT';
const CATEGORY = 'data_quality';

/**
 * UNKNOWN_ADMIN_UNIT: rows whose commune could not be found in the 2020 GSO catalogue (flag
 * ADMIN_UNIT_UNRESOLVED). One finding per role and commune name as written, listing every row. No amount at risk.
 */
export const unknownAdminUnit: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Không xác định được đơn vị hành chính',
  legalBasis: 'Danh mục đơn vị hành chính Việt Nam của Tổng cục Thống kê (bản năm 2020)',
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled) return [];
    const groups = new Map<string, PersonRecord[]>();
    for (const r of rowsOfRoles(ctx, cfg.roles)) {
      if (!r.flags.includes('ADMIN_UNIT_UNRESOLVED')) continue;
      const key = `${r.role}|${textKey(r.communeName)}|${r.districtCode ?? ''}|${r.provinceCode ?? ''}`;
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    }
    const findings: Finding[] = [];
    for (const rows of groups.values()) {
      const r = rows[0];
      if (r === undefined) continue;
      const name = r.communeName ?? '(không ghi)';
      const files = [...new Set(rows.map((x) => `"${x.file}" trang "${x.sheet}"`))].join(', ');
      findings.push(
        makeFinding({
          rule: ID,
          category: CATEGORY,
          severity: cfg.severity,
          amountAtRisk: 0,
          subject: { ...r, fullName: null, idNumber: null },
          records: rows,
          identities: [`role:${r.role}`, `commune:${textKey(r.communeName)}`, `district:${r.districtCode ?? ''}`, `province:${r.provinceCode ?? ''}`],
          explanation:
            `Không tìm thấy xã/phường/thị trấn "${name}" trong danh mục đơn vị hành chính năm 2020 ` +
            `(${rows.length} dòng, ${files}). Cần ghi đúng tên xã để đối chiếu theo địa bàn.`,
          evidence: { communeName: r.communeName, districtCode: r.districtCode, provinceCode: r.provinceCode, rows: rows.length },
        }),
      );
    }
    return findings;
  },
};
