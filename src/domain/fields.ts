/**
 * Canonical fields a spreadsheet column can be mapped to. The ingest header vocabulary maps
 * Vietnamese header variants onto these; a saved or CLI mapping names them directly.
 */
export const CANONICAL_FIELDS = {
  seq: 'STT',
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh / Năm sinh',
  birthYearMale: 'Năm sinh (Nam)',
  birthYearFemale: 'Năm sinh (Nữ)',
  gender: 'Giới tính',
  idNumber: 'Số CMND/CCCD',
  householdCode: 'Mã hộ',
  householdHead: 'Chủ hộ',
  members: 'Số khẩu',
  relation: 'Quan hệ với chủ hộ',
  address: 'Địa chỉ',
  village: 'Thôn/ấp/tổ',
  commune: 'Xã/phường/thị trấn',
  district: 'Quận/huyện',
  province: 'Tỉnh/thành phố',
  group: 'Nhóm đối tượng',
  rate: 'Mức hỗ trợ',
  months: 'Số tháng',
  period: 'Tháng hỗ trợ',
  amount: 'Số tiền',
  paidDate: 'Ngày chi trả',
  signature: 'Ký nhận',
  receiver: 'Người nhận thay',
  bankAccount: 'Số tài khoản',
  phone: 'Số điện thoại',
  revenue: 'Doanh thu',
  deathDate: 'Ngày chết',
  startDate: 'Từ ngày',
  endDate: 'Đến ngày',
  population: 'Dân số',
  payer: 'Đơn vị chi trả',
  note: 'Ghi chú',
} as const;

export type CanonicalField = keyof typeof CANONICAL_FIELDS;

export function isCanonicalField(value: string): value is CanonicalField {
  return Object.prototype.hasOwnProperty.call(CANONICAL_FIELDS, value);
}

/** Column index (0-based) → canonical field, as detected or given explicitly. */
export type ColumnMapping = Partial<Record<CanonicalField, number>>;
