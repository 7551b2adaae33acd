/**
 * The fast cell-tag reader must give exactly what the general reader gives whenever it accepts a tag, accept the
 * forms that writers emit for nearly every cell (or the fast path would silently stop being used), and refuse the rest.
 */
import { describe, expect, it } from 'vitest';
import { newCellStart, readCellStart, readPlainCellStart } from '../../src/ingest/xlsx/cell-start.js';
import { CellType } from '../../src/ingest/xlsx/cell-value.js';

/** Reads `<c…` tag text with both readers; positions are after `<c`. */
function readBoth(tag: string): { fast: number; general: number; fastStart: ReturnType<typeof newCellStart>; generalStart: ReturnType<typeof newCellStart> } {
  const buf = Buffer.from(`${tag}<v>1</v></c>`);
  const fastStart = newCellStart();
  const generalStart = newCellStart();
  const fast = readPlainCellStart(buf, 2, buf.length, fastStart);
  const general = readCellStart(buf, 2, buf.length, generalStart);
  return { fast, general, fastStart, generalStart };
}

describe('readPlainCellStart', () => {
  const common = [
    '<c r="A1">',
    '<c r="B3" t="s">',
    '<c r="L1000002" s="1">',
    '<c r="AB12" s="12" t="str">',
    '<c r="XFD7" t="inlineStr" s="3">',
    '<c r="C2" t="b"/>',
    '<c r="D9"/>',
    '<c t="e" r="E4">',
    '<c s="7">',
    '<c>',
  ];
  it.each(common)('accepts %s and agrees with the general reader', (tag) => {
    const { fast, general, fastStart, generalStart } = readBoth(tag);
    expect(fast).toBeGreaterThan(0);
    expect(fast).toBe(general);
    expect(fastStart).toEqual(generalStart);
  });

  it('reads column, style and type', () => {
    const { fastStart } = readBoth('<c r="AB12" s="12" t="s">');
    expect(fastStart).toEqual({ column: 27, style: 12, type: CellType.Shared });
  });

  const unusual = [
    "<c r='A1'>", // single quotes
    '<c  r="A1">', // two spaces
    '<c r = "A1">',
    '<c r="a1">', // lower-case reference
    '<c r="$A$1">',
    '<c r="1">', // no letters
    '<c r="A1" cm="1">', // other attribute
    '<c r="A1" s="">',
    '<c r="A1"\n>',
    '<c r="A1" / >',
    '<c r="A1',
  ];
  it.each(unusual)('refuses %s (left to the general reader)', (tag) => {
    expect(readBoth(tag).fast).toBe(-1);
  });
});
