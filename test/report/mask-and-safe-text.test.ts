import { describe, expect, it } from 'vitest';
import { maskId, safeText } from '../../src/report/index.js';

describe('maskId', () => {
  it('keeps the first and last three digits of CCCD and CMND numbers', () => {
    expect(maskId('001085012345')).toBe('001******345');
    expect(maskId('123456789')).toBe('123***789');
  });
  it('masks short values entirely and keeps null', () => {
    expect(maskId('12345')).toBe('*****');
    expect(maskId(null)).toBeNull();
    expect(maskId(' 001085012345 ')).toBe('001******345');
  });
});

describe('safeText', () => {
  it('keeps formula-like texts as they are (the workbook marks them quote-prefixed)', () => {
    expect(safeText('=HYPERLINK("http://x","y")')).toBe('=HYPERLINK("http://x","y")');
    expect(safeText('@SUM(A1)')).toBe('@SUM(A1)');
  });
  it('removes characters XML cannot carry and composes Vietnamese diacritics', () => {
    expect(safeText('Nguy\u0065\u0302\u0303n\u0001 Văn\u000b A')).toBe('Nguyễn Văn A');
    expect(safeText('a\r\nb\rc')).toBe('a\nb\nc');
  });
  it('cuts text to the 32,767 characters a cell holds, never inside a surrogate pair', () => {
    expect(safeText('x'.repeat(40_000))).toHaveLength(32_767);
    expect(safeText(`${'x'.repeat(32_766)}😀`)).toHaveLength(32_766);
  });
});
