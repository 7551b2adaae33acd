import { describe, expect, it } from 'vitest';
import { displayName } from '../../src/normalize/index.js';

describe('displayName on text that is not a name', () => {
  it('re-cases words but keeps formulas and codes exactly as written (they were lower-cased before)', () => {
    expect(displayName('=HYPERLINK("http://x","y")')).toBe('=HYPERLINK("http://x","y")');
    expect(displayName('@SUM(A1)')).toBe('@SUM(A1)');
    expect(displayName('NGUYỄN  văn hoà =SUM(A1)')).toBe('Nguyễn Văn Hòa =SUM(A1)');
    expect(displayName("h'hen niê")).toBe("H'Hen Niê");
  });
});
