/**
 * Encoder Unicode → TCVN3 (ABC, TCVN 5712:1993 VN3), the legacy 8-bit encoding many commune
 * spreadsheets still use with ".VnTime" fonts. Text is written as the Latin-1 characters whose code
 * points equal the TCVN3 bytes, which is how such text looks once read by a Unicode program.
 * VN3 has no capital letters with tone marks (the ".VnTimeH" fonts draw the lower-case codes as
 * capitals), so those are written with their lower-case code, as real files do.
 */

/** The standard table: TCVN3 byte → Unicode character (lower case and the seven accented capitals). */
const TCVN3_TO_UNICODE: ReadonlyArray<readonly [number, string]> = [
  [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'],
  [0xa8, 'ă'], [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xbe, 'ắ'], [0xc6, 'ặ'],
  [0xa9, 'â'], [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'], [0xcb, 'ậ'],
  [0xae, 'đ'],
  [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'],
  [0xaa, 'ê'], [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'],
  [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xdd, 'í'], [0xde, 'ị'],
  [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'],
  [0xab, 'ô'], [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'],
  [0xac, 'ơ'], [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'],
  [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'], [0xf4, 'ụ'],
  [0xad, 'ư'], [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'],
  [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ'],
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa7, 'Đ'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'],
];

const UNICODE_TO_TCVN3: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [byte, char] of TCVN3_TO_UNICODE) map.set(char, String.fromCharCode(byte));
  return map;
})();

/**
 * Encodes NFC Vietnamese text as TCVN3. Characters outside Vietnamese letters pass through.
 * @example encodeTcvn3('Nguyễn Thị Ánh') === 'NguyÔn ThÞ ¸nh'
 */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const direct = UNICODE_TO_TCVN3.get(char);
    if (direct !== undefined) {
      out += direct;
      continue;
    }
    const lower = char.toLowerCase();
    const viaLower = lower !== char ? UNICODE_TO_TCVN3.get(lower) : undefined;
    out += viaLower ?? char;
  }
  return out;
}
