import { describe, expect, it } from 'vitest';
import { NQ42_GROUP_LABELS, resolveGroup, type GroupVocabulary } from '../../src/normalize/index.js';

describe('resolveGroup with the nq42 vocabulary', () => {
  it.each([
    ['Người có công với cách mạng', 'NCC'],
    ['NCC', 'NCC'],
    ['nguoi co cong', 'NCC'],
    ['Thân nhân liệt sĩ', 'NCC'],
    ['Đối tượng BTXH', 'BTXH'],
    ['Bảo trợ xã hội', 'BTXH'],
    ['Người khuyết tật', 'BTXH'],
    ['Hộ cận nghèo', 'HCN'],
    ['HỘ CẬN NGHÈO', 'HCN'],
    ['ho can ngheo', 'HCN'],
    ['Cận nghèo', 'HCN'],
    ['Hộ nghèo', 'HN'],
    ['DANH SÁCH HỘ NGHÈO ĐƯỢC HỖ TRỢ', 'HN'],
    ['HN', 'HN'],
    ['LĐ tự do', 'TUDO'],
    ['Lao động tự do', 'TUDO'],
    ['Lao động không có HĐLĐ mất việc', 'TUDO'],
    ['Bán vé số lưu động', 'TUDO'],
    ['Tạm hoãn HĐLĐ', 'TAMHOAN'],
    ['Nghỉ việc không hưởng lương', 'TAMHOAN'],
    ['Hộ kinh doanh', 'HKD'],
    ['HKD cá thể', 'HKD'],
    ['Chấm dứt HĐLĐ', 'CHAMDUT'],
    ['Không đủ điều kiện hưởng trợ cấp thất nghiệp', 'CHAMDUT'],
    ['DS chi trả đối tượng bảo trợ xã hội xã An Bình', 'BTXH'],
  ] as const)('%j → %s', (text, code) => {
    expect(resolveGroup(text, NQ42_GROUP_LABELS)).toBe(code);
  });

  it('does not let "nghèo" turn near-poor into poor, nor "cận nghèo" eat "hộ nghèo"', () => {
    expect(resolveGroup('Danh sách hộ cận nghèo năm 2019', NQ42_GROUP_LABELS)).toBe('HCN');
    expect(resolveGroup('Danh sách hộ nghèo năm 2019', NQ42_GROUP_LABELS)).toBe('HN');
  });

  it('matches on word boundaries only', () => {
    expect(resolveGroup('NCCX', NQ42_GROUP_LABELS)).toBeNull();
    expect(resolveGroup('Danh sách chi trả', NQ42_GROUP_LABELS)).toBeNull();
    expect(resolveGroup('', NQ42_GROUP_LABELS)).toBeNull();
  });

  it('covers the eight codes of the package', () => {
    expect(NQ42_GROUP_LABELS.map((g) => g.code).sort()).toEqual(['BTXH', 'CHAMDUT', 'HCN', 'HKD', 'HN', 'NCC', 'TAMHOAN', 'TUDO']);
  });
});

describe('resolveGroup with another vocabulary', () => {
  it('lets the longest label win', () => {
    const groups: GroupVocabulary[] = [
      { code: 'A', labels: ['lao động'] },
      { code: 'B', labels: ['lao động tự do'] },
    ];
    expect(resolveGroup('Lao động tự do xã X', groups)).toBe('B');
    expect(resolveGroup('Lao động xã X', groups)).toBe('A');
  });
});
