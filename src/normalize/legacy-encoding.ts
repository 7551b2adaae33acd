import { joinTone, splitTone, type Tone } from './vietnamese-letters.js';

/**
 * Pre-Unicode Vietnamese encodings still found in commune spreadsheets typed with .VnTime (TCVN3 /
 * ABC) or VNI-Times fonts. Excel stores such text as the Windows-1252 characters of the font's
 * bytes, so "Nguyễn Văn Hùng" arrives as "NguyÔn V¨n Hïng" (TCVN3) or "Nguyeãn Vaên Huøng" (VNI).
 */

// TCVN 5712:1993 bytes 0xA1–0xFF (as the Latin-1 characters Excel shows) → Unicode. The lower-case
// letters are the VN3 (ABC font) set; the upper-case ones in otherwise unused slots are VN1's, as in
// glibc's TCVN5712-1 table. 0xB0–0xB4 are combining tone marks (handled separately).
const TCVN3_PAIRS =
  '¡Ă¢Â£Ê¤Ô¥Ơ¦Ư§Đ¨ă©âªê«ô¬ơ\u00adư®đ¯Ằµà¶ả·ã¸á¹ạºẲ»ằ¼ẳ½ẵ¾ắ¿ẴÀẮÁẦÂẨÃẪÄẤÅỀÆặÇầÈẩÉẫÊấËậÌèÍỂÎẻÏẽÐéÑẹÒềÓểÔễÕếÖệ×ìØỉÙỄÚẾÛỒÜĩÝíÞịßòàỔáỏâõãóäọåồæổçỗèốéộêờëởìỡíớîợïùðỖñủòũóúôụõừöử÷ữøứùựúỳûỷüỹýýþỵÿỐ';
const TCVN3_TONE_MARKS: ReadonlyMap<string, Tone> = new Map<string, Tone>([
  ['°', 2],
  ['±', 3],
  ['²', 4],
  ['³', 1],
  ['´', 5],
]);

let tcvn3Decode: Map<string, string> | undefined;
let tcvn3Encode: Map<string, string> | undefined;

function tcvn3Tables(): { decode: Map<string, string>; encode: Map<string, string> } {
  if (tcvn3Decode && tcvn3Encode) return { decode: tcvn3Decode, encode: tcvn3Encode };
  const decode = new Map<string, string>();
  const chars = [...TCVN3_PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const from = chars[i];
    const to = chars[i + 1];
    if (from !== undefined && to !== undefined) decode.set(from, to);
  }
  const encode = new Map<string, string>();
  for (const [from, to] of decode) encode.set(to, from);
  // Upper-case toned letters have no VN3 code: .VnTimeH fonts draw the lower-case codes as capitals.
  for (const [from, to] of decode) {
    const upper = to.toUpperCase();
    if (!encode.has(upper)) encode.set(upper, from);
  }
  tcvn3Decode = decode;
  tcvn3Encode = encode;
  return { decode, encode };
}

/**
 * Converts TCVN3 (ABC) text to Unicode. Upper-case text written with the capitals-only .VnTimeH
 * fonts uses lower-case codes; a word whose Latin letters are all capitals (or a text that is) is
 * therefore returned in capitals. A capital toned vowel at the start of a mixed-case word has no code
 * in TCVN3 and comes back in lower case ("¸nh" → "ánh"); `displayName` recapitalises names.
 *
 * @example convertTcvn3('NguyÔn V¨n Hïng') // 'Nguyễn Văn Hùng'
 */
export function convertTcvn3(text: string): string {
  const { decode } = tcvn3Tables();
  const textUpper = isAllCaps(text, 3);
  return text
    .split(/(\s+)/)
    .map((token) => {
      let out = '';
      for (const ch of token) {
        const tone = TCVN3_TONE_MARKS.get(ch);
        const prev = out.slice(-1);
        const prevSplit = splitTone(prev.toLowerCase());
        if (tone !== undefined && prevSplit && prevSplit.tone === 0 && 'aăâeêioôơuưy'.includes(prevSplit.base)) {
          out = out.slice(0, -1) + withCase(prev, joinTone(prevSplit.base, tone));
          continue;
        }
        out += decode.get(ch) ?? ch;
      }
      return textUpper || isCapitalWord(token) ? out.toUpperCase() : out;
    })
    .join('');
}

/** Unicode → TCVN3, the inverse of {@link convertTcvn3} (upper-case toned letters get the lower-case codes). */
export function encodeTcvn3(text: string): string {
  const { encode } = tcvn3Tables();
  let out = '';
  for (const ch of text.normalize('NFC')) out += encode.get(ch) ?? ch;
  return out;
}

/** At least two letters whose case is known (ASCII, or TCVN3's capital codes ¡–§) and all of them capitals. */
function isCapitalWord(token: string): boolean {
  const known = token.replace(/[^A-Za-z\u00a1-\u00a7]/g, '');
  return known.length >= 2 && known === known.toUpperCase();
}

function isAllCaps(text: string, minLetters: number): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= minLetters && letters === letters.toUpperCase();
}

function withCase(like: string, lower: string): string {
  return like !== like.toLowerCase() ? lower.toUpperCase() : lower;
}

// VNI-Windows: a base letter followed by a mark character; a few letters are single characters.
const VNI_TONE = ['', 'ù', 'ø', 'û', 'õ', 'ï'];
const VNI_HAT_TONE = ['â', 'á', 'à', 'å', 'ã', 'ä']; // circumflex, then circumflex + tone
const VNI_BREVE_TONE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'];
const VNI_I = ['i', 'í', 'ì', 'æ', 'ó', 'ò'];

/** The VNI spelling of one lower-case Unicode letter, or null when it is no Vietnamese letter. */
function vniOfLower(ch: string): string | null {
  if (ch === 'đ') return 'ñ';
  const split = splitTone(ch);
  if (!split) return null;
  const { base, tone } = split;
  switch (base) {
    case 'a':
    case 'e':
    case 'o':
    case 'u':
      return base + (VNI_TONE[tone] ?? '');
    case 'y':
      return tone === 5 ? 'î' : 'y' + (VNI_TONE[tone] ?? '');
    case 'ơ':
      return 'ô' + (VNI_TONE[tone] ?? '');
    case 'ư':
      return 'ö' + (VNI_TONE[tone] ?? '');
    case 'â':
      return 'a' + (VNI_HAT_TONE[tone] ?? '');
    case 'ê':
      return 'e' + (VNI_HAT_TONE[tone] ?? '');
    case 'ô':
      return 'o' + (VNI_HAT_TONE[tone] ?? '');
    case 'ă':
      return 'a' + (VNI_BREVE_TONE[tone] ?? '');
    case 'i':
      return VNI_I[tone] ?? 'i';
    default:
      return base;
  }
}

let vniDecode: Map<string, string> | undefined;

function vniDecodeTable(): Map<string, string> {
  if (vniDecode) return vniDecode;
  const table = new Map<string, string>();
  for (const base of 'aăâeêioôơuưyđ') {
    for (let t = 0; t < 6; t++) {
      const lower = base === 'đ' ? (t === 0 ? 'đ' : '') : joinTone(base, t as Tone);
      if (lower === '') continue;
      const vni = vniOfLower(lower);
      if (vni === null || vni === lower) continue;
      table.set(vni, lower);
      table.set(vni.toUpperCase(), lower.toUpperCase());
      // Capital base with a lower-case mark (and the reverse) occurs in hand-edited text.
      if (vni.length === 2) {
        table.set((vni[0] ?? '').toUpperCase() + vni.slice(1), lower.toUpperCase());
        table.set((vni[0] ?? '') + vni.slice(1).toUpperCase(), lower);
      }
    }
  }
  vniDecode = table;
  return table;
}

/**
 * Converts VNI-Windows text to Unicode.
 *
 * @example convertVni('Nguyeãn Vaên Huøng') // 'Nguyễn Văn Hùng'
 */
export function convertVni(text: string): string {
  const table = vniDecodeTable();
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const pair = table.get(ch + (chars[i + 1] ?? ''));
    if (pair !== undefined && i + 1 < chars.length) {
      out += pair;
      i++;
      continue;
    }
    out += table.get(ch) ?? ch;
  }
  return out;
}

/** Unicode → VNI-Windows, the inverse of {@link convertVni}. */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const vni = vniOfLower(lower);
    if (vni === null || lower === ch.toUpperCase()) {
      out += ch;
      continue;
    }
    out += ch === lower ? vni : vni.toUpperCase();
  }
  return out;
}
