import { foldKey } from '../normalize/index.js';

export interface AdminHints {
  commune: string | null;
  /** The unit type written before the commune name ("XÃ", "Thị trấn"): a district may have a Xã and a Thị trấn of one name. */
  communeType: string | null;
  district: string | null;
  province: string | null;
}

const COMMUNE_TYPE = /^(thị trấn|thi tran|xã|phường|phuong|tt\.?|p\.|x\.)(?![\p{L}])/iu;

/**
 * A commune name with its unit type: the name as written when it already starts with one ("Xã An Bình"),
 * else the type before it ("Hiệp Hòa" under a "Xã" column → "Xã Hiệp Hòa"). Without a type, the name.
 */
export function withCommuneType(name: string | null, type: string | null): string | null {
  if (name === null || type === null || COMMUNE_TYPE.test(name.trim())) return name;
  return `${type} ${name}`;
}

/** The unit type a header names alone ("Xã", "PHƯỜNG"), or null ("Xã/phường/thị trấn" names none). */
export function communeTypeOfHeader(header: string): string | null {
  const t = header.normalize('NFC').trim();
  return /^(thị trấn|xã|phường)$/iu.test(t) ? t : null;
}

const CENTRAL_CITIES = new Set(['ha noi', 'ho chi minh', 'hai phong', 'da nang', 'can tho']);
const KEYWORD = /(?<![\p{L}\p{N}])(thị trấn|thị xã|thành phố|tp\.|xã|phường|huyện|quận|tỉnh)(?![\p{L}])\s*/giu;
const STOP = /[,;:()\n–—]|\s-\s|\s\/\s/u;

/**
 * Commune, district and province names written in title rows ("ỦY BAN NHÂN DÂN XÃ AN BÌNH",
 * "Huyện Châu Thành, tỉnh Long An"), as written. "Xã hội" in "bảo trợ xã hội" is no commune.
 * @example extractAdminHints(['UBND XÃ AN BÌNH']).commune // 'AN BÌNH'
 */
export function extractAdminHints(texts: readonly string[]): AdminHints {
  const hints: AdminHints = { commune: null, communeType: null, district: null, province: null };
  for (const text of texts) {
    const matches = [...text.normalize('NFC').matchAll(KEYWORD)];
    matches.forEach((m, k) => {
      const start = (m.index ?? 0) + m[0].length;
      const next = matches[k + 1];
      const end = next?.index ?? text.length;
      let name = text.slice(start, end);
      const stop = STOP.exec(name);
      if (stop) name = name.slice(0, stop.index);
      name = name.replace(/[.\s]+$/u, '').trim();
      const words = name.split(/\s+/).filter(Boolean);
      if (words.length === 0 || words.length > 5) return;
      const first = words[0] ?? '';
      // Names start with a capital or a digit ("Phường 5"); "xã được hỗ trợ" is prose.
      if (!/^[\p{Lu}\d]/u.test(first)) return;
      const folded = foldKey(name);
      if (folded.startsWith('hoi') || folded.startsWith('nhan dan')) return;
      const kind = (m[1] ?? '').toLowerCase();
      if (kind === 'xã' || kind === 'phường' || kind === 'thị trấn') {
        if (hints.commune === null) {
          hints.commune = name;
          hints.communeType = (m[1] ?? '').trim() || null;
        }
      }
      else if (kind === 'huyện' || kind === 'quận' || kind === 'thị xã') hints.district ??= name;
      else if (kind === 'tỉnh') hints.province ??= name;
      else if (CENTRAL_CITIES.has(folded)) hints.province ??= name;
      else hints.district ??= name;
    });
  }
  return hints;
}

const VILLAGE = /^(thôn|ấp|xóm|bản|tổ dân phố|tổ|tdp|khu phố|kp|khóm|khối|buôn|làng|đội|khu)\s*[.:]?\s*[\p{L}\d]/iu;
const VILLAGE_ASCII = /^(thon|ap|xom|ban|to dan pho|to|tdp|khu pho|kp|khom|khoi|buon|lang|doi|khu)\s+[a-z0-9]/;

/** Strips a list prefix such as "I.", "2)", "A -" from a section heading. */
export function stripListPrefix(text: string): string {
  return text.replace(/^\s*(?:[IVXLC]{1,5}|[A-Za-z]|\d{1,2})\s*[.)/:-]\s*/u, '').trim();
}

/**
 * The village a text names ("Thôn 1", "Ấp Tân Hòa", "TỔ 3", "Khu phố 4"), cleaned of list
 * prefixes, or null. Text without diacritics ("Thon 1") counts too.
 */
export function villageOf(text: string): string | null {
  const t = stripListPrefix(text.normalize('NFC'));
  if (t.length > 40) return null;
  if (VILLAGE.test(t)) return t;
  if (/^[\x20-\x7E]+$/.test(t) && VILLAGE_ASCII.test(t.toLowerCase())) return t;
  return null;
}

/** Whether a title-row text is the list title ("DANH SÁCH …", "BẢNG KÊ …"). */
export function isListTitle(text: string): boolean {
  const k = foldKey(text);
  return /^(danh sach|bang ke|bang tong hop|tong hop|bao cao|bang thanh toan|ds )/.test(k);
}
