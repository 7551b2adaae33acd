import { describe, expect, it } from 'vitest';
import {
  cleanText,
  convertTcvn3,
  convertVni,
  detectDominantEncoding,
  detectLegacyEncoding,
  displayName,
  encodeTcvn3,
  encodeVni,
  isVietnameseSyllable,
} from '../../src/normalize/index.js';
import { duyetNames, fullNames, uitNames } from './names-fixture.js';

describe('convertTcvn3', () => {
  it('decodes TCVN3 (ABC) text', () => {
    expect(convertTcvn3('NguyÔn V¨n Hïng')).toBe('Nguyễn Văn Hùng');
    expect(convertTcvn3('Tr\u00adêng TiÓu häc §inh Tiªn Hoµng')).toBe('Trường Tiểu học Đinh Tiên Hoàng');
    expect(convertTcvn3('B¶o Th¾ng, M\u00adêng Kh\u00ad¬ng')).toBe('Bảo Thắng, Mường Khương');
  });

  it('returns capitals for words typed with the capitals-only .VnTimeH font', () => {
    expect(convertTcvn3('NGUYÔN V¡N HïNG')).toBe('NGUYỄN VĂN HÙNG');
    expect(convertTcvn3('§ç ThÞ Hå')).toBe('Đỗ Thị Hồ');
    expect(convertTcvn3('§¹I')).toBe('ĐẠI');
  });

  it('applies the combining tone marks 0xB0–0xB4 to the vowel before them', () => {
    expect(convertTcvn3('Hoa³ ha°')).toBe('Hoá hà');
    expect(convertTcvn3('25° C')).toBe('25° C');
  });

  it('covers every lower-case Vietnamese letter with one byte each', () => {
    const letters = 'àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ';
    const encoded = encodeTcvn3(letters);
    expect([...encoded]).toHaveLength([...letters].length);
    expect([...encoded].every((c) => c.charCodeAt(0) >= 0xa1 && c.charCodeAt(0) <= 0xff)).toBe(true);
    expect(convertTcvn3(encoded)).toBe(letters);
  });
});

describe('convertVni', () => {
  it('decodes VNI-Windows text', () => {
    expect(convertVni('Nguyeãn Vaên Huøng')).toBe('Nguyễn Văn Hùng');
    expect(convertVni('Ñoã Thò Tröôøng')).toBe('Đỗ Thị Trường');
    expect(convertVni('NGUYEÃN VAÊN HUØNG')).toBe('NGUYỄN VĂN HÙNG');
    expect(convertVni('Khuyeát taät, Thuyû, kyû, ñòa, Nghóa, Myõ, Yù')).toBe('Khuyết tật, Thuỷ, kỷ, địa, Nghĩa, Mỹ, Ý');
  });
});

describe('legacy round trips on real names', () => {
  const names = [...new Set([...uitNames(), ...duyetNames()])].filter((n) => !detectLegacyEncoding(n));

  it('has enough names to mean something', () => {
    expect(names.length).toBeGreaterThan(5000);
  });

  it('TCVN3: decode(encode(name)) gives the name back (capital toned vowels come back lower-case)', () => {
    const noCode = /[ÀÁẢÃẠẰẲẴẶẦẨẪẬÈÉẺẼẸỀỂỆÌÍỈĨỊÒÓỎÕỌỒỔỖỘỜỞỠỚỢÙÚỦŨỤỪỬỮỨỰỲÝỶỸỴ]/g;
    for (const name of names) {
      const expected = name.normalize('NFC').replace(noCode, (c) => (convertTcvn3(encodeTcvn3(c)) === c ? c : c.toLowerCase()));
      expect(convertTcvn3(encodeTcvn3(name))).toBe(expected);
    }
  });

  it('VNI: decode(encode(name)) gives the name back exactly', () => {
    for (const name of names) expect(convertVni(encodeVni(name))).toBe(name.normalize('NFC'));
  });
});

describe('detectLegacyEncoding', () => {
  it('does not fire on any Unicode name of the UIT-ViNames lists', () => {
    const fired = uitNames().filter((n) => detectLegacyEncoding(n) !== null);
    expect(fired).toEqual([]);
  });

  it('fires only on the VNI mojibake left in the duyet lists, and decodes it to Vietnamese', () => {
    const fired = duyetNames().filter((n) => detectLegacyEncoding(n) !== null);
    expect(fired).toContain('Khaùnh');
    expect(fired.length).toBeLessThan(40);
    for (const n of fired) {
      expect(detectLegacyEncoding(n)).toBe('VNI');
      expect(encodeVni(convertVni(n))).toBe(n);
      for (const w of convertVni(n).split(' ')) expect(isVietnameseSyllable(w)).toBe(true);
    }
  });

  it('does not fire on plain ASCII, English, French or other Latin-1 text', () => {
    for (const t of ['Nguyen Van Hung', 'Hello World', 'café crème brûlée', 'naïve façade', 'Müller Straße', '25°C ± 2', 'Lê Hà', 'Tô Ngọc Vân', 'Niê Kdăm', 'Ksor H’Hen', 'Y Bhô', '']) {
      expect(detectLegacyEncoding(t)).toBeNull();
    }
  });

  it('detects at least 99% of 3,000 full names encoded in each legacy encoding', () => {
    const names = fullNames(3000);
    const tcvn3 = names.filter((n) => encodeTcvn3(n) === n || detectLegacyEncoding(encodeTcvn3(n)) === 'TCVN3').length;
    const vni = names.filter((n) => encodeVni(n) === n || detectLegacyEncoding(encodeVni(n)) === 'VNI').length;
    expect(tcvn3 / names.length).toBeGreaterThanOrEqual(0.99);
    expect(vni / names.length).toBeGreaterThanOrEqual(0.99);
    // Never the wrong encoding.
    expect(names.filter((n) => detectLegacyEncoding(encodeTcvn3(n)) === 'VNI')).toEqual([]);
    expect(names.filter((n) => detectLegacyEncoding(encodeVni(n)) === 'TCVN3')).toEqual([]);
  });
});

describe('cleanText with legacy text', () => {
  it('converts and flags TCVN3 and VNI', () => {
    expect(cleanText(' NguyÔn  V¨n Hïng ')).toEqual({ text: 'Nguyễn Văn Hùng', flags: ['LEGACY_ENCODING_TCVN3'] });
    expect(cleanText('Nguyeãn Vaên Huøng')).toEqual({ text: 'Nguyễn Văn Hùng', flags: ['LEGACY_ENCODING_VNI'] });
    expect(cleanText('Nguyễn Văn Hùng')).toEqual({ text: 'Nguyễn Văn Hùng', flags: [] });
  });

  it('converts TCVN3 text holding a letter of Windows-1252 (a 0x80–0x9F byte), keeping that letter', () => {
    // "Ÿàng" is a family name in the name-frequency table; written in TCVN3 its "Ÿ" stays as it is.
    expect(encodeTcvn3('Ÿàng Thị Thảo Hương')).toBe('Ÿµng ThÞ Th¶o H\u00ad¬ng');
    expect(cleanText('Ÿµng ThÞ Th¶o H\u00ad¬ng')).toEqual({ text: 'Ÿàng Thị Thảo Hương', flags: ['LEGACY_ENCODING_TCVN3'] });
    expect(cleanText('Ÿµng ThÞ Th¶o H\u00ad¬ng', { legacy: 'TCVN3' }).text).toBe('Ÿàng Thị Thảo Hương');
    // Unicode text with such a letter is left alone.
    expect(cleanText('Ÿàng Thị Thảo Hương')).toEqual({ text: 'Ÿàng Thị Thảo Hương', flags: [] });
    expect(detectLegacyEncoding('Œuvre complète')).toBeNull();
  });
});

describe('detectDominantEncoding and sheet-wide conversion', () => {
  const names = fullNames(400);

  it('finds the encoding of a TCVN3 or VNI column, and converts the cells one test alone cannot decide', () => {
    const tcvn3Column = names.map(encodeTcvn3);
    expect(detectDominantEncoding(tcvn3Column)).toBe('TCVN3');
    expect(detectDominantEncoding(names.map(encodeVni))).toBe('VNI');
    const undecided = tcvn3Column.filter((t, i) => t !== names[i] && detectLegacyEncoding(t) === null);
    expect(undecided.length).toBeGreaterThan(0);
    // TCVN3 has no codes for capital toned vowels ("Ánh" comes back "ánh"), so compare display forms.
    tcvn3Column.forEach((t, i) => {
      expect(displayName(cleanText(t, { legacy: 'TCVN3' }).text ?? '')).toBe(displayName(names[i] ?? ''));
    });
  });

  it('stays null for a Unicode column with a few mojibake cells', () => {
    const mixed = [...names.slice(0, 50), encodeTcvn3(names[0] ?? ''), encodeTcvn3(names[1] ?? ''), encodeTcvn3(names[2] ?? '')];
    expect(detectDominantEncoding(mixed)).toBeNull();
    expect(detectDominantEncoding(['Hello', 'World'])).toBeNull();
  });

  it('never converts a cell that has Unicode-only Vietnamese letters, even in a legacy sheet', () => {
    expect(cleanText('Nguyễn Văn Hùng', { legacy: 'TCVN3' })).toEqual({ text: 'Nguyễn Văn Hùng', flags: [] });
    expect(cleanText('Lý Thanh Tróc', { legacy: 'TCVN3' })).toEqual({ text: 'Lý Thanh Trúc', flags: ['LEGACY_ENCODING_TCVN3'] });
  });
});
