/** Register kinds an inspector can upload (contract: CLI `--register KIND=FILE`, API role `register:<kind>`). */
export const REGISTER_KINDS = ['deceased', 'pension', 'unemployment', 'payroll', 'poor-2019', 'population'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/** The role of an uploaded file. */
export type Role = 'beneficiaries' | 'payouts' | `register:${RegisterKind}`;

export function isRegisterKind(value: string): value is RegisterKind {
  return (REGISTER_KINDS as readonly string[]).includes(value);
}

/** Parses a role string such as `payouts` or `register:deceased`; returns null when it is not one. */
export function parseRole(value: string): Role | null {
  if (value === 'beneficiaries' || value === 'payouts') return value;
  if (value.startsWith('register:')) {
    const kind = value.slice('register:'.length);
    return isRegisterKind(kind) ? `register:${kind}` : null;
  }
  return null;
}

/** The register kind of a role, or null for beneficiaries/payouts. */
export function registerKindOf(role: Role): RegisterKind | null {
  return role.startsWith('register:') ? (role.slice('register:'.length) as RegisterKind) : null;
}

/** Vietnamese names of roles, for messages and reports. */
export const ROLE_LABELS: Record<string, string> = {
  beneficiaries: 'Danh sách đối tượng được hỗ trợ',
  payouts: 'Danh sách chi trả',
  'register:deceased': 'Danh sách người đã chết',
  'register:pension': 'Danh sách hưởng lương hưu / trợ cấp BHXH hằng tháng',
  'register:unemployment': 'Danh sách hưởng trợ cấp thất nghiệp',
  'register:payroll': 'Danh sách cán bộ, công chức, viên chức hưởng lương',
  'register:poor-2019': 'Danh sách hộ nghèo, hộ cận nghèo đến 31/12/2019',
  'register:population': 'Dân số theo xã',
};
