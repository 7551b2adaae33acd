import type { CanonicalField } from '../domain/index.js';
import { foldKey } from '../normalize/index.js';

/**
 * Vietnamese header variants per canonical field, as written on commune lists. They are compared
 * after `foldKey` (no case, diacritics or punctuation), so "HỌ TÊN", "Họ  tên" and "Ho ten" are one
 * variant. Longer and more specific variants win over shorter ones (see {@link matchHeader}).
 */
export const HEADER_VOCABULARY: Readonly<Record<CanonicalField, readonly string[]>> = {
  seq: ['STT', 'TT', 'Số TT', 'Số thứ tự', 'Thứ tự'],
  fullName: [
    'Họ và tên', 'Họ tên', 'Họ và tên đệm', 'Tên', 'Họ tên người nhận', 'Họ và tên người nhận', 'Người nhận',
    'Họ và tên đối tượng', 'Họ tên đối tượng', 'Tên đối tượng', 'Họ tên người lao động', 'Họ và tên người lao động',
    'Họ tên người được hỗ trợ', 'Họ và tên người được hỗ trợ', 'Tên người nhận', 'Họ tên người có công',
    'Họ và tên chủ hộ kinh doanh', 'Tên hộ kinh doanh', 'Họ và tên người chết', 'Họ tên người chết',
  ],
  birthDate: ['Ngày sinh', 'Năm sinh', 'Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Sinh năm', 'Năm sinh (ngày sinh)', 'NS'],
  birthYearMale: ['Nam'],
  birthYearFemale: ['Nữ'],
  gender: ['Giới tính', 'Phái', 'Giới'],
  idNumber: [
    'Số CMND/CCCD', 'CMND', 'CCCD', 'CMT', 'Số CMND', 'Số CCCD', 'Số CMT', 'CMND/CCCD', 'Số CMND/CCCD/ĐDCN', 'Số định danh cá nhân',
    'Số định danh', 'Mã định danh', 'Chứng minh nhân dân', 'Căn cước công dân', 'Số chứng minh nhân dân', 'Số căn cước công dân',
    'Số CMND hoặc CCCD', 'Số giấy tờ tùy thân', 'Số CMND/thẻ CCCD',
  ],
  householdCode: ['Mã hộ', 'Mã số hộ', 'Mã hộ nghèo', 'Số sổ hộ nghèo', 'Số sổ', 'Mã hộ gia đình', 'Số hộ khẩu', 'Số sổ hộ khẩu', 'Mã số hộ nghèo'],
  householdHead: ['Chủ hộ', 'Họ tên chủ hộ', 'Họ và tên chủ hộ', 'Tên chủ hộ'],
  members: ['Số khẩu', 'Số nhân khẩu', 'Nhân khẩu', 'Số người', 'Số thành viên', 'Số khẩu trong hộ', 'Số nhân khẩu trong hộ', 'Số người trong hộ'],
  relation: ['Quan hệ với chủ hộ', 'Quan hệ', 'Quan hệ chủ hộ', 'QH với chủ hộ'],
  address: ['Địa chỉ', 'Nơi cư trú', 'Nơi ở', 'Chỗ ở hiện nay', 'Nơi thường trú', 'Địa chỉ thường trú', 'Nơi ở hiện nay', 'Địa chỉ cư trú', 'Quê quán', 'Thường trú'],
  village: [
    'Thôn', 'Ấp', 'Tổ dân phố', 'Khu phố', 'Xóm', 'Bản', 'Tổ', 'Khóm', 'Buôn', 'Làng', 'Khối', 'Thôn/xóm', 'Thôn/ấp', 'Thôn, xóm',
    'Thôn/tổ dân phố', 'Thôn, tổ dân phố', 'Ấp/khu phố', 'Tên thôn', 'Thôn/bản', 'Thôn/ấp/tổ', 'Tổ/khu phố', 'TDP', 'Tổ dân phố/thôn',
  ],
  commune: ['Xã/phường', 'Xã', 'Phường', 'Thị trấn', 'Xã/phường/thị trấn', 'Xã, phường', 'Tên xã', 'Xã phường', 'Phường/xã', 'Đơn vị hành chính cấp xã'],
  district: ['Huyện', 'Quận/huyện', 'Quận', 'Quận, huyện', 'Huyện/thị xã', 'Huyện/thị xã/thành phố', 'Quận/huyện/thị xã', 'Tên huyện'],
  province: ['Tỉnh', 'Tỉnh/thành phố', 'Tỉnh, thành phố', 'Tỉnh/TP', 'Tên tỉnh'],
  group: [
    'Đối tượng', 'Diện', 'Nhóm đối tượng', 'Diện đối tượng', 'Loại đối tượng', 'Diện hỗ trợ', 'Đối tượng hỗ trợ', 'Nhóm',
    'Đối tượng được hỗ trợ', 'Thuộc đối tượng', 'Thuộc diện', 'Phân loại', 'Loại hộ', 'Diện chính sách',
  ],
  rate: ['Mức hỗ trợ', 'Mức', 'Mức hỗ trợ/tháng', 'Mức hỗ trợ (đồng/tháng)', 'Định mức', 'Mức trợ cấp', 'Mức chi', 'Mức hưởng', 'Đơn giá'],
  months: ['Số tháng', 'Số tháng hỗ trợ', 'Số tháng được hỗ trợ', 'Thời gian hỗ trợ (tháng)', 'Số tháng hưởng', 'Thời gian tạm hoãn'],
  period: ['Tháng hỗ trợ', 'Kỳ hỗ trợ', 'Thời gian hỗ trợ', 'Hỗ trợ tháng', 'Các tháng hỗ trợ', 'Tháng', 'Kỳ chi trả'],
  amount: [
    'Số tiền', 'Thành tiền', 'Tổng số tiền', 'Số tiền được hỗ trợ', 'Số tiền hỗ trợ', 'Số tiền (đồng)', 'Tổng tiền', 'Kinh phí',
    'Số tiền nhận', 'Số tiền chi trả', 'Số tiền được nhận', 'Tiền hỗ trợ', 'Số tiền đề nghị hỗ trợ', 'Tổng số tiền hỗ trợ', 'Tổng kinh phí',
  ],
  paidDate: ['Ngày chi trả', 'Ngày nhận', 'Ngày chi', 'Ngày nhận tiền', 'Ngày trả', 'Thời gian chi trả', 'Ngày cấp phát'],
  signature: ['Ký nhận', 'Điểm chỉ', 'Ký tên', 'Chữ ký', 'Ký nhận/điểm chỉ', 'Ký, ghi rõ họ tên', 'Người nhận ký', 'Ký nhận hoặc điểm chỉ'],
  receiver: ['Người nhận thay', 'Người nhận hộ', 'Nhận thay', 'Nhận hộ', 'Họ tên người nhận thay', 'Người ủy quyền nhận', 'Người được ủy quyền'],
  bankAccount: ['Số tài khoản', 'STK', 'Tài khoản', 'Số TK', 'Số tài khoản ngân hàng', 'TK ngân hàng'],
  phone: ['Số điện thoại', 'SĐT', 'Điện thoại', 'ĐT', 'Số ĐT', 'Điện thoại liên hệ', 'ĐTDĐ'],
  revenue: ['Doanh thu', 'Doanh thu khai thuế', 'Doanh thu năm', 'Doanh thu năm 2019', 'Doanh thu tính thuế'],
  deathDate: ['Ngày chết', 'Ngày mất', 'Ngày từ trần', 'Ngày tử', 'Ngày qua đời', 'Ngày tháng năm chết', 'Thời điểm chết', 'Chết ngày'],
  startDate: ['Từ ngày', 'Ngày bắt đầu', 'Thời điểm bắt đầu', 'Ngày bắt đầu hưởng', 'Hưởng từ ngày', 'Thời điểm bắt đầu tạm hoãn', 'Bắt đầu'],
  endDate: ['Đến ngày', 'Ngày kết thúc', 'Thời điểm kết thúc', 'Ngày kết thúc hưởng', 'Hưởng đến ngày', 'Kết thúc'],
  population: ['Dân số', 'Số dân', 'Tổng dân số', 'Số nhân khẩu toàn xã', 'Dân số trung bình'],
  payer: ['Đơn vị chi trả', 'Người chi trả', 'Nơi chi trả', 'Cán bộ chi trả', 'Điểm chi trả', 'Hình thức chi trả'],
  note: ['Ghi chú', 'GC', 'Chú thích'],
};

/** Sub-header words that carry gender under "Năm sinh"/"Ngày sinh" (compared without folding: "năm" ≠ "nam"). */
const MALE_TERMS = new Set(['nam', 'nam giới', 'male']);
const FEMALE_TERMS = new Set(['nữ', 'nu', 'nữ giới', 'female']);

/** Headers that must not map to anything even though they contain a variant ("Ngày cấp CMND"). */
const BLOCKED = ['ngay cap', 'noi cap', 'cap ngay', 'so bhxh', 'so so bhxh', 'ma so bhxh', 'dan toc', 'nghe nghiep'];

export interface HeaderMatch {
  field: CanonicalField;
  score: number;
}

interface FoldedVariant {
  field: CanonicalField;
  key: string;
}

let folded: FoldedVariant[] | null = null;

function foldedVocabulary(): FoldedVariant[] {
  if (folded) return folded;
  const out: FoldedVariant[] = [];
  for (const [field, variants] of Object.entries(HEADER_VOCABULARY) as [CanonicalField, readonly string[]][]) {
    // Gender sub-columns are matched on diacritics, never by folding ("Năm" folds to "nam").
    if (field === 'birthYearMale' || field === 'birthYearFemale') continue;
    for (const variant of variants) out.push({ field, key: foldKey(variant) });
  }
  folded = out;
  return out;
}

/** Variant positions by the first word of their key (built with the folded vocabulary). */
let byFirstWord: Map<string, number[]> | null = null;

/**
 * The variants that can match a key of these words, in vocabulary order: a variant matches only when its
 * first word is one of the key's words (the first one, for keys of more than seven words). Scanning these
 * instead of the whole vocabulary made header detection a tenth as costly; the result is the same.
 */
function candidatesFor(keyWords: readonly string[]): FoldedVariant[] {
  const vocabulary = foldedVocabulary();
  if (byFirstWord === null) {
    const index = new Map<string, number[]>();
    vocabulary.forEach((v, i) => {
      const first = v.key.split(' ')[0] ?? '';
      const list = index.get(first);
      if (list) list.push(i);
      else index.set(first, [i]);
    });
    byFirstWord = index;
  }
  const firsts = keyWords.length <= 7 ? new Set(keyWords) : new Set(keyWords.slice(0, 1));
  const positions: number[] = [];
  for (const word of firsts) positions.push(...(byFirstWord.get(word) ?? []));
  positions.sort((a, b) => a - b);
  return positions.map((i) => vocabulary[i]).filter((v): v is FoldedVariant => v !== undefined);
}

/** "M" when a header cell reads "Nam", "F" when it reads "Nữ", else null. */
export function genderOfHeader(text: string): 'M' | 'F' | null {
  const t = text.normalize('NFC').trim().toLowerCase().replace(/[().:]/g, '').trim();
  if (MALE_TERMS.has(t)) return 'M';
  if (FEMALE_TERMS.has(t)) return 'F';
  return null;
}

/**
 * All fields a header text could mean, best first. Exact matches beat a variant at the start of the
 * header, which beats a variant inside a short header; among equals the longer variant wins, so
 * "Họ tên người nhận thay" is a receiver and "Quan hệ với chủ hộ" a relation.
 * @example matchHeader("HỌ VÀ TÊN")[0] // { field: 'fullName', score: 309 }
 */
export function matchHeader(text: string): HeaderMatch[] {
  const gender = genderOfHeader(text);
  if (gender) return [{ field: gender === 'M' ? 'birthYearMale' : 'birthYearFemale', score: 300 }];
  const key = foldKey(text);
  if (!key) return [];
  const padded = ` ${key} `;
  if (BLOCKED.some((b) => padded.includes(` ${b} `))) return [];
  const keyWords = key.split(' ');
  const words = keyWords.length;
  const best = new Map<CanonicalField, number>();
  for (const v of candidatesFor(keyWords)) {
    let weight = 0;
    if (key === v.key) weight = 3;
    else if (v.key.length >= 4 || v.key.includes(' ')) {
      if (key.startsWith(`${v.key} `)) weight = 2;
      else if (words <= 7 && padded.includes(` ${v.key} `)) weight = 1;
    }
    if (weight === 0) continue;
    const score = weight * 100 + v.key.length;
    if (score > (best.get(v.field) ?? 0)) best.set(v.field, score);
  }
  return [...best.entries()].map(([field, score]) => ({ field, score })).sort((a, b) => b.score - a.score);
}
