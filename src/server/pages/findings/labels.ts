import { CHECKS } from '../../../checks/index.js';
import type { PersonRecord, Role } from '../../../domain/index.js';

const CHECK_BY_ID = new Map(CHECKS.map((check) => [check.id, check]));

/** The Vietnamese title of a rule (its id when the rule is unknown to this version). */
export function ruleTitle(rule: string): string {
  return CHECK_BY_ID.get(rule)?.title ?? rule;
}

/** The legal basis of a rule, when the check states one. */
export function ruleLegalBasis(rule: string): string | null {
  return CHECK_BY_ID.get(rule)?.legalBasis ?? null;
}

/** Every rule as [id, title], in the registry's order (for the filter list). */
export const RULE_OPTIONS: readonly (readonly [string, string])[] = CHECKS.map((check) => [check.id, check.title]);

/** Vietnamese names of the roles a record can have. */
export const ROLE_LABELS: Record<string, string> = {
  beneficiaries: 'Danh sách đối tượng',
  payouts: 'Danh sách chi trả',
  'register:deceased': 'Sổ người đã chết',
  'register:pension': 'Danh sách hưởng lương hưu',
  'register:unemployment': 'Danh sách hưởng trợ cấp thất nghiệp',
  'register:payroll': 'Danh sách hưởng lương',
  'register:poor-2019': 'Danh sách hộ nghèo 2019',
  'register:population': 'Số liệu dân số',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}

/** Canonical record fields shown on the case page, in order, with their Vietnamese labels. */
export const RECORD_FIELDS: readonly (readonly [keyof PersonRecord, string])[] = [
  ['fullName', 'Họ và tên'],
  ['birthDate', 'Ngày sinh'],
  ['birthYear', 'Năm sinh'],
  ['gender', 'Giới tính'],
  ['idNumber', 'Số CMND/CCCD'],
  ['idKind', 'Loại giấy tờ'],
  ['householdCode', 'Mã hộ'],
  ['householdHead', 'Chủ hộ'],
  ['members', 'Số khẩu'],
  ['relation', 'Quan hệ với chủ hộ'],
  ['address', 'Địa chỉ'],
  ['village', 'Thôn/ấp/tổ'],
  ['communeName', 'Xã/phường/thị trấn'],
  ['communeCode', 'Mã xã'],
  ['districtCode', 'Mã huyện'],
  ['provinceCode', 'Mã tỉnh'],
  ['groupLabel', 'Nhóm đối tượng (như ghi)'],
  ['groupCode', 'Mã nhóm'],
  ['rate', 'Mức hỗ trợ'],
  ['months', 'Số tháng'],
  ['period', 'Tháng hỗ trợ'],
  ['amount', 'Số tiền'],
  ['paidDate', 'Ngày chi trả'],
  ['signature', 'Ký nhận'],
  ['receiver', 'Người nhận thay'],
  ['bankAccount', 'Số tài khoản'],
  ['phone', 'Số điện thoại'],
  ['revenue', 'Doanh thu'],
  ['deathDate', 'Ngày chết'],
  ['startDate', 'Từ ngày'],
  ['endDate', 'Đến ngày'],
  ['population', 'Dân số'],
  ['payer', 'Đơn vị chi trả'],
  ['note', 'Ghi chú'],
];

/** Levels of a field comparison of the person matcher (src/match), in Vietnamese. */
export const MATCH_LEVEL_LABELS: Record<string, string> = {
  exact: 'trùng khớp',
  close: 'gần giống',
  differ: 'khác',
  conflict: 'mâu thuẫn',
  incomparable: 'không so sánh được',
  missing: 'thiếu ở một bên',
};

export const MATCH_DECISION_LABELS: Record<string, string> = {
  match: 'cùng một người',
  possible: 'có thể trùng, cần xác minh',
  'non-match': 'không phải cùng một người',
};
