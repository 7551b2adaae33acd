/** Vietnamese names of the package group codes (domain.md §0), for the "Nhóm đối tượng" column. */
const GROUP_LABELS: Record<string, string> = {
  NCC: 'Người có công',
  BTXH: 'Bảo trợ xã hội',
  HN: 'Hộ nghèo',
  HCN: 'Hộ cận nghèo',
  TAMHOAN: 'Tạm hoãn HĐLĐ / nghỉ không lương',
  HKD: 'Hộ kinh doanh',
  CHAMDUT: 'Chấm dứt HĐLĐ, không đủ điều kiện hưởng trợ cấp thất nghiệp',
  TUDO: 'Lao động không có HĐLĐ bị mất việc',
};

/**
 * A group code as a monitor reads it: "Hộ nghèo (HN)"; unknown codes are shown as they are.
 * @example groupLabel('HN') // 'Hộ nghèo (HN)'
 */
export function groupLabel(code: string | null): string | null {
  if (code === null) return null;
  const label = GROUP_LABELS[code];
  return label === undefined ? code : `${label} (${code})`;
}
