import { describe, expect, it } from 'vitest';
import { encodeTcvn3 } from '../../src/samples/index.js';
import { amountInWords, formatDotted } from '../../src/samples/amount-in-words.js';
import { oldTonePlacement } from '../../src/samples/name-variants.js';
import { decodeTcvn3 } from './read-back.js';

describe('encodeTcvn3', () => {
  it('writes Vietnamese letters with the TCVN3 (ABC) codes', () => {
    expect(encodeTcvn3('Nguyễn Văn Đức')).toBe('NguyÔn V¨n §øc');
    expect(encodeTcvn3('Thôn Đông, xã Hòa Tiến')).toBe('Th«n §«ng, x· Hßa TiÕn');
    expect(encodeTcvn3('Trương')).toBe('Tr\u00ad\u00acng');
  });

  it('writes capitals with tone marks with their lower-case code, as VN3 has none', () => {
    expect(encodeTcvn3('Ánh')).toBe('¸nh');
    expect(encodeTcvn3('ỦY BAN')).toBe('ñY BAN');
  });

  it('round-trips lower-case text through the inverse table', () => {
    const text = 'người có công với cách mạng, hộ cận nghèo, lđ tự do, số định danh cá nhân';
    expect(decodeTcvn3(encodeTcvn3(text))).toBe(text);
  });

  it('decomposed input is encoded like its composed form', () => {
    expect(encodeTcvn3('Nguyễn'.normalize('NFD'))).toBe(encodeTcvn3('Nguyễn'));
  });
});

describe('amountInWords', () => {
  it('reads payout totals in Vietnamese', () => {
    expect(amountInWords(1_500_000)).toBe('Một triệu năm trăm nghìn đồng chẵn');
    expect(amountInWords(750_000)).toBe('Bảy trăm năm mươi nghìn đồng chẵn');
    expect(amountInWords(121_050_000)).toBe('Một trăm hai mươi mốt triệu không trăm năm mươi nghìn đồng chẵn');
    expect(amountInWords(2_015_000)).toBe('Hai triệu không trăm mười lăm nghìn đồng chẵn');
  });

  it('formats amounts with dot separators', () => {
    expect(formatDotted(5_400_000)).toBe('5.400.000');
    expect(formatDotted(750_000)).toBe('750.000');
  });
});

describe('oldTonePlacement', () => {
  it('moves the tone mark to the old position', () => {
    expect(oldTonePlacement('Nguyễn Thị Thúy')).toBe('Nguyễn Thị Thuý');
    expect(oldTonePlacement('Lê Văn Hòa')).toBe('Lê Văn Hoà');
    expect(oldTonePlacement('Lê Văn Hòa').normalize('NFC')).not.toBe('Lê Văn Hòa');
  });
});
