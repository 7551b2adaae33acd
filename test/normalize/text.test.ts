import { describe, expect, it } from 'vitest';
import { canonicalTones, cleanText, displayName, foldKey, nameKey } from '../../src/normalize/index.js';
import { uitNames } from './names-fixture.js';

describe('cleanText', () => {
  it('composes NFD input, removes invisible characters and collapses spaces', () => {
    const nfd = 'Nguyễn Thị Hoà'.normalize('NFD');
    expect(cleanText(`\u00a0 ${nfd}\u200b  \t\n`)).toEqual({ text: 'Nguyễn Thị Hoà', flags: [] });
    expect(cleanText('Trần\u00a0Văn\u202fAn\ufeff')).toEqual({ text: 'Trần Văn An', flags: [] });
  });

  it('turns empty text and error cells into null', () => {
    expect(cleanText('')).toEqual({ text: null, flags: [] });
    expect(cleanText(' \u200b\u00a0 ')).toEqual({ text: null, flags: [] });
    expect(cleanText(null)).toEqual({ text: null, flags: [] });
    expect(cleanText({ error: '#N/A' })).toEqual({ text: null, flags: [] });
  });

  it('writes numbers as plain decimals, dates as ISO days, booleans in capitals', () => {
    expect(cleanText(123456789012).text).toBe('123456789012');
    expect(cleanText(1e21).text).toBe('1000000000000000000000');
    expect(cleanText(1.5e-7).text).toBe('0.00000015');
    expect(cleanText(-2.5).text).toBe('-2.5');
    expect(cleanText(new Date(Date.UTC(2020, 3, 15))).text).toBe('2020-04-15');
    expect(cleanText(true).text).toBe('TRUE');
    expect(cleanText(false).text).toBe('FALSE');
  });
});

describe('canonicalTones', () => {
  it('gives both placement styles one spelling: hòa, thúy, khỏe', () => {
    expect(canonicalTones('hoà')).toBe(canonicalTones('hòa'));
    expect(canonicalTones('hoà')).toBe('hòa');
    expect(canonicalTones('thuý')).toBe('thúy');
    expect(canonicalTones('khoẻ')).toBe('khỏe');
    expect(canonicalTones('Thuỳ Hoá Loà Xoè Tuỵ')).toBe('Thùy Hóa Lòa Xòe Tụy');
  });

  it('keeps case and leaves syllables with a final consonant or a marked vowel alone', () => {
    expect(canonicalTones('HOÀ BÌNH')).toBe('HÒA BÌNH');
    expect(canonicalTones('Hoàng Toán Huỳnh Quý Người Thuở Khuỷu Nguyễn Giữa')).toBe('Hoàng Toán Huỳnh Quý Người Thuở Khuỷu Nguyễn Giữa');
    expect(canonicalTones('Xoáy khoái ngoẹo')).toBe('Xoáy khoái ngoẹo');
  });

  it('leaves words that are no Vietnamese syllable unchanged', () => {
    expect(canonicalTones('Ksor H’Hen café Ayŭn')).toBe('Ksor H’Hen café Ayŭn');
  });

  it('is idempotent on real names, and both styles of every name meet', () => {
    for (const n of uitNames().slice(0, 3000)) {
      const once = canonicalTones(n);
      expect(canonicalTones(once)).toBe(once);
    }
    expect(canonicalTones('Nguyễn Thị Thuỳ Hoà')).toBe(canonicalTones('Nguyễn Thị Thùy Hòa'));
  });
});

describe('foldKey', () => {
  it('lower-cases, removes diacritics, maps đ and punctuation', () => {
    expect(foldKey('Số CMND/CCCD')).toBe('so cmnd cccd');
    expect(foldKey('  Đối tượng (BTXH) - Hộ   nghèo ')).toBe('doi tuong btxh ho ngheo');
    expect(foldKey('Ngày/tháng/năm sinh')).toBe('ngay thang nam sinh');
    expect(foldKey('Số tiền (đồng)')).toBe('so tien dong');
  });

  it('decodes legacy header text first', () => {
    expect(foldKey('Hä vµ tªn')).toBe('ho va ten');
  });
});

describe('nameKey', () => {
  it('keeps letters and single spaces only', () => {
    expect(nameKey('NGUYỄN  Văn Hoà')).toBe('nguyen van hoa');
    expect(nameKey('Đặng Thị  Thu-Hà (mẹ)')).toBe('dang thi thu ha me');
    expect(nameKey('Trần Văn 2')).toBe('tran van');
    expect(nameKey('Nguyeãn Vaên Huøng')).toBe('nguyen van hung');
  });
});

describe('displayName', () => {
  it('capitalises every word with canonical tones', () => {
    expect(displayName('NGUYỄN  văn hoà')).toBe('Nguyễn Văn Hòa');
    expect(displayName('trần thị thuý')).toBe('Trần Thị Thúy');
    expect(displayName("h'hen niê")).toBe("H'Hen Niê");
    expect(displayName('NguyÔn V¨n Hïng')).toBe('Nguyễn Văn Hùng');
  });
});
