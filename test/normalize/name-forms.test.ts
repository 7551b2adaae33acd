import { describe, expect, it } from 'vitest';
import { displayName, encodeTcvn3, encodeVni, nameForms, nameKey, wordForms, type NameForms } from '../../src/normalize/index.js';
import { duyetNames, fullNames, uitNames } from './names-fixture.js';

/** Spellings a commune list really holds, each of which must give the same forms as the whole-text functions. */
function variants(name: string): string[] {
  const upper = name.toUpperCase();
  return [
    name,
    upper,
    name.toLowerCase(),
    name.normalize('NFD'),
    ` ${name}  `,
    name.replace(/ /g, '  '),
    name.replace(/ /g, '\u00a0'),
    name.replace(' ', ' \u200b'),
    encodeTcvn3(name),
    encodeTcvn3(upper),
    encodeVni(name),
    name.replace(/ /g, '-'),
    `${name} (nhận thay)`,
  ];
}

describe('nameForms', () => {
  const memo = new Map<string, NameForms>();
  const word = (w: string): NameForms => {
    let forms = memo.get(w);
    if (forms === undefined) {
      forms = wordForms(w);
      memo.set(w, forms);
    }
    return forms;
  };
  const texts = [
    ...fullNames(800),
    ...uitNames(),
    ...duyetNames().slice(0, 800),
    'Lê Hà',
    'LÊ HÀ',
    'Phạm Thuý Hoà',
    'Nguyễn Thị Khoẻ',
    "H'Hen Niê",
    'Y-Ngông',
    'Nguyễn Văn An 2',
    'Trần thị  BÍCH',
    'İlker',
    'NguyÔn V¨n Hïng',
  ].flatMap(variants);

  it('gives, word by word, exactly displayName and nameKey of the whole text', () => {
    let plain = 0;
    for (const text of texts) {
      expect(nameForms(text, word), JSON.stringify(text)).toEqual({ display: displayName(text), key: nameKey(text) });
      if (/^\p{L}+(?: \p{L}+)*$/u.test(text.normalize('NFC'))) plain++;
    }
    // Most texts take the word-by-word path, and the memo stays a vocabulary, not a list of names.
    expect(plain).toBeGreaterThan(texts.length / 3);
    expect(memo.size).toBeLessThan(plain);
  });

  it('decodes a legacy-encoded name as a whole, not word by word', () => {
    expect(nameForms('NguyÔn V¨n Hïng', word)).toEqual({ display: 'Nguyễn Văn Hùng', key: 'nguyen van hung' });
  });
});
