import type { Finding, NormalizeFlag, PersonRecord } from '../domain/index.js';
import { checkRules, rowsOfRoles, pushTo } from './helpers.js';
import { findingMaker } from './make-finding.js';
import { personKey } from './person-key.js';
import { rowLabel } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'INVALID_ID';
const CATEGORY = 'data_quality';

const REASONS: Partial<Record<NormalizeFlag, string>> = {
  ID_INVALID: 'sai độ dài hoặc có ký tự không phải chữ số (CMND 9 số, CCCD 12 số)',
  ID_UNKNOWN_PROVINCE: '3 số đầu không phải mã tỉnh/thành phố nơi đăng ký khai sinh (Thông tư 07/2016/TT-BCA)',
  ID_SCIENTIFIC_NOTATION: 'bị Excel ghi dạng số mũ (1,23E+11) nên đã mất chữ số',
  ID_AMBIGUOUS_LENGTH: 'ô dạng số nên không biết chắc số 0 ở đầu',
};

/** INVALID_ID: an ID number with the wrong length or characters, an unknown CCCD province, or lost digits. No amount at risk. */
export const invalidId: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Số CMND/CCCD không hợp lệ',
  legalBasis: 'Thông tư 07/2016/TT-BCA Điều 7 (cấu trúc số định danh cá nhân); CMND 9 chữ số',
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled) return [];
    const finding = findingMaker(ID, CATEGORY, cfg.severity);
    const flags = new Set<NormalizeFlag>(cfg.flags ?? ['ID_INVALID', 'ID_UNKNOWN_PROVINCE', 'ID_SCIENTIFIC_NOTATION']);
    const groups = new Map<string, PersonRecord[]>();
    for (const r of rowsOfRoles(ctx, cfg.roles)) {
      if (r.idNumber === null || r.idNumber === '') continue;
      const hit = r.flags.some((f) => flags.has(f)) || (r.idKind === 'INVALID' && flags.has('ID_INVALID'));
      if (!hit) continue;
      const key = `${r.role}|${personKey(r)}|${r.idNumber}`;
      pushTo(groups, key, r);
    }
    const findings: Finding[] = [];
    for (const rows of groups.values()) {
      const r = rows[0];
      if (r === undefined) continue;
      const found = r.flags.filter((f) => flags.has(f));
      if (found.length === 0) found.push('ID_INVALID');
      const reasons = found.map((f) => REASONS[f] ?? f);
      findings.push(
        finding({
          amountAtRisk: 0,
          subject: r,
          records: rows,
          identities: [`role:${r.role}`, personKey(r), `rawid:${r.idNumber ?? ''}`],
          explanation: `Số giấy tờ "${r.idNumber ?? ''}" của ông/bà ${r.fullName ?? '(không ghi tên)'} không hợp lệ: ${reasons.join('; ')}. (${rows.map(rowLabel).join('; ')})`,
          evidence: { idNumber: r.idNumber, idKind: r.idKind, flags: found, length: (r.idNumber ?? '').length },
        }),
      );
    }
    return findings;
  },
};
