import type { GroupVocabulary } from './group.js';

/**
 * Default vocabulary of the nq42-2020 package: how commune lists name the seven groups of Resolution
 * 42/NQ-CP and Decision 15/2020/QĐ-TTg (full terms, list titles, abbreviations). Labels are compared
 * after folding, so "hộ nghèo", "HỘ NGHÈO" and "ho ngheo" are the same label; the longest match wins.
 */
export const NQ42_GROUP_LABELS: GroupVocabulary[] = [
  {
    code: 'NCC',
    labels: [
      'NCC', 'người có công', 'người có công với cách mạng', 'NCC với CM', 'NCCVCM', 'NCC CM', 'có công với cách mạng',
      'ưu đãi người có công', 'trợ cấp ưu đãi', 'trợ cấp ưu đãi hằng tháng', 'trợ cấp ưu đãi hàng tháng',
      'thân nhân người có công', 'thân nhân liệt sĩ', 'thân nhân liệt sỹ', 'thương binh', 'bệnh binh',
      'người hưởng chính sách như thương binh', 'mẹ Việt Nam anh hùng', 'người hoạt động kháng chiến',
      'nhiễm chất độc hóa học', 'chất độc da cam', 'người có công giúp đỡ cách mạng', 'lão thành cách mạng',
    ],
  },
  {
    code: 'BTXH',
    labels: [
      'BTXH', 'bảo trợ xã hội', 'đối tượng bảo trợ xã hội', 'đối tượng BTXH', 'ĐTBTXH', 'trợ cấp xã hội',
      'trợ cấp xã hội hằng tháng', 'trợ cấp xã hội hàng tháng', 'TCXH', 'trợ cấp hằng tháng', 'trợ cấp hàng tháng',
      'người khuyết tật', 'NKT', 'người cao tuổi', 'NCT', 'trẻ em mồ côi', 'trẻ mồ côi', 'người đơn thân nghèo',
      'đơn thân nuôi con', 'Nghị định 136', 'NĐ 136', 'theo nghị định 136/2013/NĐ-CP',
    ],
  },
  {
    code: 'HN',
    labels: [
      'HN', 'hộ nghèo', 'nghèo', 'hộ nghèo năm 2019', 'danh sách hộ nghèo', 'hộ nghèo theo chuẩn nghèo quốc gia',
      'thành viên hộ nghèo', 'nhân khẩu hộ nghèo', 'khẩu nghèo', 'hộ ngèo',
    ],
  },
  {
    code: 'HCN',
    labels: [
      'HCN', 'hộ cận nghèo', 'cận nghèo', 'hộ cận nghèo năm 2019', 'danh sách hộ cận nghèo',
      'thành viên hộ cận nghèo', 'nhân khẩu hộ cận nghèo', 'khẩu cận nghèo', 'cận ngèo',
    ],
  },
  {
    code: 'TAMHOAN',
    labels: [
      'tạm hoãn', 'tạm hoãn HĐLĐ', 'tạm hoãn hợp đồng', 'tạm hoãn hợp đồng lao động',
      'tạm hoãn thực hiện hợp đồng lao động', 'tạm hoãn thực hiện HĐLĐ', 'THTHĐLĐ', 'nghỉ việc không hưởng lương',
      'nghỉ không hưởng lương', 'nghỉ không lương', 'không hưởng lương', 'NLĐ tạm hoãn HĐLĐ',
      'người lao động tạm hoãn thực hiện hợp đồng lao động',
    ],
  },
  {
    code: 'HKD',
    labels: [
      'HKD', 'hộ kinh doanh', 'hộ KD', 'hộ kinh doanh cá thể', 'kinh doanh cá thể', 'hộ kinh doanh có doanh thu',
      'hộ kinh doanh tạm ngừng kinh doanh', 'tạm ngừng kinh doanh', 'ngừng kinh doanh', 'HKD cá thể',
      'doanh thu dưới 100 triệu',
    ],
  },
  {
    code: 'CHAMDUT',
    labels: [
      'chấm dứt HĐLĐ', 'chấm dứt hợp đồng lao động', 'chấm dứt hợp đồng', 'chấm dứt HĐLV', 'chấm dứt hợp đồng làm việc',
      'chấm dứt HĐLĐ HĐLV', 'bị chấm dứt', 'CDHĐLĐ', 'không đủ điều kiện hưởng trợ cấp thất nghiệp',
      'không đủ điều kiện hưởng TCTN', 'không đủ ĐK hưởng TCTN', 'không được hưởng trợ cấp thất nghiệp',
      'thôi việc', 'mất việc có HĐLĐ',
    ],
  },
  {
    code: 'TUDO',
    labels: [
      'lao động tự do', 'LĐ tự do', 'LĐTD', 'tự do', 'lao động không có HĐLĐ', 'lao động không có hợp đồng lao động',
      'không có HĐLĐ', 'không có hợp đồng lao động', 'không có giao kết hợp đồng lao động', 'không giao kết HĐLĐ',
      'lao động không có HĐLĐ mất việc', 'lao động không có giao kết HĐLĐ bị mất việc làm', 'mất việc làm', 'mất việc',
      'lao động phi chính thức', 'bán hàng rong', 'buôn bán nhỏ lẻ', 'bán vé số', 'bán lẻ vé số', 'vé số lưu động',
      'xe ôm', 'xích lô', 'bốc vác', 'thu gom rác', 'thu gom phế liệu', 'phế liệu',
    ],
  },
];
