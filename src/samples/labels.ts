import type { GroupCode } from './model.js';

/** Group labels as communes write them: the formal one, and the short forms seen in practice. */
export const GROUP_LABELS: Readonly<Record<GroupCode, readonly [string, string]>> = {
  NCC: ['Người có công với cách mạng', 'NCC'],
  BTXH: ['Đối tượng bảo trợ xã hội', 'Đối tượng BTXH'],
  HN: ['Hộ nghèo', 'Hộ nghèo'],
  HCN: ['Hộ cận nghèo', 'Hộ cận nghèo'],
  TAMHOAN: ['Người lao động tạm hoãn HĐLĐ', 'Tạm hoãn HĐLĐ'],
  HKD: ['Hộ kinh doanh', 'Hộ kinh doanh'],
  CHAMDUT: ['Người lao động bị chấm dứt HĐLĐ', 'Chấm dứt HĐLĐ'],
  TUDO: ['Lao động không có HĐLĐ mất việc', 'LĐ tự do'],
};

/** Sheet names of per-group approved lists: the group is only in the sheet name and the title. */
export const GROUP_SHEET_NAMES: Readonly<Record<GroupCode, string>> = {
  NCC: 'NCC',
  BTXH: 'BTXH',
  HN: 'Hộ nghèo',
  HCN: 'Hộ cận nghèo',
  TAMHOAN: 'Tạm hoãn HĐLĐ',
  HKD: 'Hộ kinh doanh',
  CHAMDUT: 'Chấm dứt HĐLĐ',
  TUDO: 'LĐ tự do',
};

/** Titles of per-group approved lists. */
export const GROUP_TITLES: Readonly<Record<GroupCode, string>> = {
  NCC: 'DANH SÁCH NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG ĐƯỢC HỖ TRỢ',
  BTXH: 'DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI ĐƯỢC HỖ TRỢ',
  HN: 'DANH SÁCH HỘ NGHÈO ĐƯỢC HỖ TRỢ',
  HCN: 'DANH SÁCH HỘ CẬN NGHÈO ĐƯỢC HỖ TRỢ',
  TAMHOAN: 'DANH SÁCH NGƯỜI LAO ĐỘNG TẠM HOÃN HỢP ĐỒNG LAO ĐỘNG ĐƯỢC HỖ TRỢ',
  HKD: 'DANH SÁCH HỘ KINH DOANH TẠM NGỪNG KINH DOANH ĐƯỢC HỖ TRỢ',
  CHAMDUT: 'DANH SÁCH NGƯỜI LAO ĐỘNG BỊ CHẤM DỨT HỢP ĐỒNG LAO ĐỘNG ĐƯỢC HỖ TRỢ',
  TUDO: 'DANH SÁCH LAO ĐỘNG KHÔNG CÓ HỢP ĐỒNG LAO ĐỘNG BỊ MẤT VIỆC LÀM ĐƯỢC HỖ TRỢ',
};

/** What a column holds. */
export type ColumnKind =
  | 'seq' | 'name' | 'birthM' | 'birthF' | 'birthDate' | 'birthYear' | 'gender' | 'id' | 'household' | 'relation'
  | 'village' | 'commune' | 'group' | 'months' | 'rate' | 'amount' | 'paidDate' | 'phone' | 'bank' | 'receiver'
  | 'signature' | 'note' | 'revenue' | 'members';

export interface Column {
  readonly kind: ColumnKind;
  readonly header: string;
  readonly width: number;
}

const col = (kind: ColumnKind, header: string, width = 12): Column => ({ kind, header, width });

/**
 * Payout columns per layout style. Style 0: formal form with "Năm sinh" over Nam | Nữ, numbers and
 * date cells; style 1: one header row, text amounts "1.500.000", text dates; style 2: short headers
 * without diacritics in places, "1.500.000 đ" amounts, bare birth years, no household code.
 */
export function payoutColumns(style: number, variant: boolean, householdRows = false): Column[] {
  if (style === 0) {
    return [
      col('seq', 'STT', 5), col('name', variant ? 'Họ tên' : 'Họ và tên', 26), col('birthM', 'Nam', 7), col('birthF', 'Nữ', 7),
      col('id', variant ? 'Số CCCD/CMND' : 'Số CMND/CCCD', 15), col('household', 'Mã hộ', 12), col('relation', 'Quan hệ với chủ hộ', 10),
      ...(householdRows ? [col('members', 'Số khẩu', 6)] : []),
      col('group', 'Đối tượng', 24), col('months', 'Số tháng', 7), col('rate', 'Mức hỗ trợ (đồng/tháng)', 12), col('amount', 'Số tiền (đồng)', 13),
      col('paidDate', 'Ngày chi trả', 12), col('bank', 'Số tài khoản', 16), col('receiver', 'Người nhận thay', 22), col('signature', 'Ký nhận', 12), col('note', 'Ghi chú', 18),
    ];
  }
  if (style === 1) {
    return [
      col('seq', 'TT', 5), col('name', 'HỌ TÊN', 26), col('birthDate', 'Ngày sinh', 11), col('gender', 'Giới tính', 7),
      col('id', variant ? 'Số định danh cá nhân' : 'CMND', 15), col('household', 'Mã hộ', 12), col('village', 'Thôn', 11), col('commune', 'Xã', 14),
      col('group', 'Diện', 18), col('months', 'Số tháng', 7), col('amount', 'Thành tiền', 13), col('paidDate', 'Ngày nhận', 11),
      col('phone', 'Số điện thoại', 12), col('bank', 'Số tài khoản', 16), col('signature', 'Ký nhận', 12), col('note', 'Ghi chú', 24),
    ];
  }
  return [
    col('seq', 'STT', 5), col('name', 'Ho ten', 26), col('birthYear', 'Năm sinh', 8), col('gender', 'Giới tính', 7),
    col('id', 'Số định danh cá nhân', 15), col('group', 'Đối tượng', 22), col('months', 'Số tháng', 7), col('amount', 'Số tiền', 14),
    col('paidDate', 'Ngày chi trả', 12), col('signature', 'Ký nhận', 12), col('note', 'Ghi chú', 24),
  ];
}

/** Columns of an approved list; `perGroup` lists carry no group column (the group is in the sheet name). */
export function beneficiaryColumns(style: number, perGroup: boolean, householdRows = false): Column[] {
  const birth = style === 0 ? [col('birthM', 'Nam', 7), col('birthF', 'Nữ', 7)] : [col('birthYear', 'Năm sinh', 8), col('gender', 'Giới tính', 7)];
  return [
    col('seq', 'STT', 5), col('name', style === 1 ? 'HỌ TÊN' : 'Họ và tên', 26), ...birth,
    col('id', style === 2 ? 'Số định danh cá nhân' : 'Số CMND/CCCD', 15), col('household', 'Mã hộ', 12), col('relation', 'Quan hệ với chủ hộ', 10),
    ...(householdRows ? [col('members', 'Số khẩu', 6)] : []),
    ...(perGroup ? [col('village', 'Thôn', 11)] : [col('group', 'Đối tượng', 24)]),
    col('months', 'Số tháng', 7), col('amount', 'Số tiền đề nghị (đồng)', 13), col('revenue', 'Doanh thu năm 2020 (đồng)', 14), col('note', 'Ghi chú', 16),
  ];
}
