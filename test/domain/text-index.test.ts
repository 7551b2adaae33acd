import { describe, expect, it } from 'vitest';
import { TextDictionary } from '../../src/domain/index.js';
import { TextIndex, textHash } from '../../src/domain/text-index.js';

describe('TextIndex', () => {
  it('finds the code of every text it was given as it grows, and none for others', () => {
    const texts = [''];
    const index = new TextIndex(texts);
    for (let i = 1; i <= 50_000; i++) {
      const text = i % 3 === 0 ? `Nguyễn Văn ${i}` : String(i).padStart(12, '0');
      texts.push(text);
      index.add(i, textHash(text));
    }
    for (let i = 1; i <= 50_000; i++) expect(index.find(texts[i] as string, textHash(texts[i] as string))).toBe(i);
    expect(index.find('Trần Thị Khuê', textHash('Trần Thị Khuê'))).toBe(0);
    expect(index.find('000000050001', textHash('000000050001'))).toBe(0);
  });

  it('tells texts of one hash apart by their text', () => {
    const texts = ['', 'Hùng', 'Hưng', 'Hung'];
    const index = new TextIndex(texts);
    for (let code = 1; code < texts.length; code++) index.add(code, 7); // the same hash for all three
    expect(['Hùng', 'Hưng', 'Hung', 'Hừng'].map((t) => index.find(t, 7))).toEqual([1, 2, 3, 0]);
  });
});

describe('TextDictionary', () => {
  it('numbers texts once, before and after its lookup is let go', () => {
    const dictionary = new TextDictionary();
    const codes = ['An', 'Bình', 'An', '001', '1', 'Bình'].map((t) => dictionary.code(t));
    expect(codes).toEqual([1, 2, 1, 3, 4, 2]);
    dictionary.close();
    expect([dictionary.code('1'), dictionary.code('Cường'), dictionary.text(5)]).toEqual([4, 5, 'Cường']);
  });
});
