import { describe, expect, it } from 'vitest';
import { HEADER_VOCABULARY, matchHeader } from '../../src/ingest/index.js';
import { foldKey } from '../../src/normalize/index.js';

/** The plain scan of the whole vocabulary that the first-word index replaced: the oracle. */
function scanAll(text: string): { field: string; score: number }[] {
  const key = foldKey(text);
  if (!key) return [];
  const padded = ` ${key} `;
  const blocked = ['ngay cap', 'noi cap', 'cap ngay', 'so bhxh', 'so so bhxh', 'ma so bhxh', 'dan toc', 'nghe nghiep'];
  if (blocked.some((b) => padded.includes(` ${b} `))) return [];
  const words = key.split(' ').length;
  const best = new Map<string, number>();
  for (const [field, variants] of Object.entries(HEADER_VOCABULARY)) {
    if (field === 'birthYearMale' || field === 'birthYearFemale') continue;
    for (const variant of variants) {
      const v = foldKey(variant);
      let weight = 0;
      if (key === v) weight = 3;
      else if (v.length >= 4 || v.includes(' ')) {
        if (key.startsWith(`${v} `)) weight = 2;
        else if (words <= 7 && padded.includes(` ${v} `)) weight = 1;
      }
      if (weight === 0) continue;
      const score = weight * 100 + v.length;
      if (score > (best.get(field) ?? 0)) best.set(field, score);
    }
  }
  return [...best.entries()].map(([field, score]) => ({ field, score })).sort((a, b) => b.score - a.score);
}

describe('matchHeader', () => {
  it('finds exactly what a scan of the whole vocabulary finds, in the same order', () => {
    const variants = Object.entries(HEADER_VOCABULARY)
      .filter(([field]) => field !== 'birthYearMale' && field !== 'birthYearFemale')
      .flatMap(([, v]) => v);
    const texts: string[] = [];
    for (const v of variants) {
      texts.push(v, v.toUpperCase(), `${v} (đồng)`, `Ghi chú ${v}`, `${v} của hộ gia đình được hỗ trợ theo quyết định số 15`);
      texts.push(`${v} ${variants[(v.length * 7) % variants.length] ?? ''}`);
    }
    texts.push('Nguyễn Văn Hùng', '1.500.000', '(1)', 'Cộng', 'Số CMND cấp ngày', 'Ngày tháng năm sinh', 'TT', '', '   ');
    let matched = 0;
    for (const text of texts) {
      const found = matchHeader(text);
      if (found.length > 0) matched++;
      expect(found, text).toEqual(scanAll(text));
    }
    expect(matched).toBeGreaterThan(variants.length);
  });
});
