import { createHash } from 'node:crypto';
import { CANONICAL_FIELDS, type Finding, type PersonRecord } from '../domain/index.js';
import { checkRules } from './helpers.js';
import { findingMaker } from './make-finding.js';
import { contentKey, personKey } from './person-key.js';
import { personLabel, rowLabel } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'MISSING_FIELD';
const CATEGORY = 'data_quality';

const LABELS: Record<string, string> = {
  ...CANONICAL_FIELDS,
  groupCode: CANONICAL_FIELDS.group,
  communeCode: CANONICAL_FIELDS.commune,
  birthYear: 'Năm sinh',
  birthDate: 'Ngày sinh',
  idNumber: 'Số định danh (CMND/CCCD)',
};

function isMissing(r: PersonRecord, field: string): boolean {
  const v = (r as unknown as Record<string, unknown>)[field];
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A required entry: one field, or alternatives of which at least one must be filled. */
type Requirement = string | readonly string[];

function unmet(r: PersonRecord, req: Requirement): boolean {
  return typeof req === 'string' ? isMissing(r, req) : req.every((f) => isMissing(r, f));
}

function describe(r: PersonRecord, req: Requirement): string {
  if (typeof req !== 'string') return `cả ${req.map((f) => LABELS[f] ?? f).join(' lẫn ')} (cần ít nhất một để xác định người)`;
  const field = req;
  const label = LABELS[field] ?? field;
  if (field === 'groupCode' && r.groupLabel !== null && r.groupLabel.trim() !== '') return `${label} (ghi "${r.groupLabel}" nhưng không thuộc nhóm nào của gói)`;
  if (field === 'amount' && r.flags.includes('AMOUNT_UNPARSED')) return `${label} (không đọc được số)`;
  return label;
}

/** MISSING_FIELD: a row without a field its role requires (rules: checks.MISSING_FIELD.requiredFields). No amount at risk. */
export const missingField: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Thiếu thông tin bắt buộc',
  legalBasis: 'Danh sách chi trả phải ghi họ tên, đối tượng và số tiền (rules: checks.MISSING_FIELD.requiredFields)',
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled) return [];
    const finding = findingMaker(ID, CATEGORY, cfg.severity);
    const required = cfg.requiredFields ?? {};
    const findings: Finding[] = [];
    for (const role of ['payouts', 'beneficiaries'] as const) {
      const fields = required[role] ?? [];
      if (fields.length === 0) continue;
      for (const r of role === 'payouts' ? ctx.data.payouts : ctx.data.beneficiaries) {
        const unmetReqs = fields.filter((f) => unmet(r, f));
        if (unmetReqs.length === 0) continue;
        const missing = unmetReqs.map((f) => (typeof f === 'string' ? f : f.join('|')));
        const who = r.fullName === null && r.idNumber === null ? `content:${createHash('sha256').update(contentKey(r)).digest('hex').slice(0, 16)}` : personKey(r);
        findings.push(
          finding({
            amountAtRisk: 0,
            subject: r,
            records: [r],
            identities: [`role:${role}`, who, `missing:${missing.join(',')}`, `group:${r.groupLabel ?? ''}`, `amount:${r.amount ?? ''}`],
            explanation: `${r.fullName === null ? 'Một dòng' : personLabel(r)} thiếu thông tin bắt buộc: ${unmetReqs.map((f) => describe(r, f)).join('; ')}. (${rowLabel(r)})`,
            evidence: { missing, groupLabel: r.groupLabel, flags: r.flags },
          }),
        );
      }
    }
    return findings;
  },
};
