import type { Finding, Gender, PersonRecord } from '../domain/index.js';
import { checkRules, rowsOfRoles } from './helpers.js';
import { findingMaker } from './make-finding.js';
import { personKey } from './person-key.js';
import { rowLabel } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'ID_DOB_MISMATCH';
const CATEGORY = 'data_quality';

/** Century, gender and birth year encoded in a 12-digit CCCD (`PPP G YY NNNNNN`, Thông tư 07/2016/TT-BCA). */
export function cccdParts(id: string): { gender: Gender; birthYear: number } | null {
  const m = /^(\d{3})(\d)(\d{2})(\d{6})$/.exec(id);
  if (!m) return null;
  const g = Number(m[2]);
  return { gender: g % 2 === 1 ? 'F' : 'M', birthYear: 1900 + 100 * Math.floor(g / 2) + Number(m[3]) };
}

const GENDER_VI: Record<Gender, string> = { M: 'nam', F: 'nữ' };

/**
 * ID_DOB_MISMATCH: the birth year or gender encoded in a CCCD disagrees with the row's birth year or
 * gender (a wrong ID, or someone else's ID). CMND encodes neither. No amount at risk.
 */
export const idDobMismatch: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Số CCCD không khớp năm sinh hoặc giới tính',
  legalBasis: 'Thông tư 07/2016/TT-BCA Điều 7, Phụ lục III: mã thế kỷ và giới tính (chữ số thứ 4), năm sinh (chữ số 5–6)',
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled) return [];
    const finding = findingMaker(ID, CATEGORY, cfg.severity);
    const groups = new Map<string, { rows: PersonRecord[]; parts: { gender: Gender; birthYear: number }; issues: string[] }>();
    for (const r of rowsOfRoles(ctx, cfg.roles)) {
      if (r.idKind !== 'CCCD' || r.idNumber === null || r.flags.includes('ID_INVALID')) continue;
      const parts = cccdParts(r.idNumber);
      if (parts === null) continue;
      const year = r.birthYear ?? (r.birthDate ? Number(r.birthDate.slice(0, 4)) : null);
      const issues: string[] = [];
      if (year !== null && year !== parts.birthYear) issues.push(`năm sinh ghi ${year} nhưng số CCCD mã hóa năm ${parts.birthYear}`);
      if (r.gender !== null && r.gender !== parts.gender) issues.push(`giới tính ghi ${GENDER_VI[r.gender]} nhưng số CCCD mã hóa ${GENDER_VI[parts.gender]}`);
      if (issues.length === 0) continue;
      const key = `${r.role}|${personKey(r)}|${issues.join('|')}`;
      const g = groups.get(key);
      if (g) g.rows.push(r);
      else groups.set(key, { rows: [r], parts, issues });
    }
    const findings: Finding[] = [];
    for (const { rows, parts, issues } of groups.values()) {
      const r = rows[0];
      if (r === undefined) continue;
      findings.push(
        finding({
          amountAtRisk: 0,
          subject: r,
          records: rows,
          identities: [`role:${r.role}`, personKey(r), `year:${r.birthYear ?? ''}`, `gender:${r.gender ?? ''}`],
          explanation: `Ông/bà ${r.fullName ?? '(không ghi tên)'} (CCCD ${r.idNumber ?? ''}): ${issues.join('; ')}. (${rows.map(rowLabel).join('; ')})`,
          evidence: {
            idNumber: r.idNumber,
            encodedBirthYear: parts.birthYear,
            encodedGender: parts.gender,
            recordedBirthYear: r.birthYear,
            recordedBirthDate: r.birthDate,
            recordedGender: r.gender,
          },
        }),
      );
    }
    return findings;
  },
};
