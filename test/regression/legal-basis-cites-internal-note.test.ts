import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { listPackages, loadPackage } from '../../src/rules/index.js';

/**
 * Bug: explanations and the report's "Quy tắc" sheet cited "domain.md §0" — an internal research note
 * users never see — as the legal basis. Every `basis` and `note` a package gives, and every check's
 * legalBasis, must cite a legal source or say it is the tool's default.
 */
const INTERNAL = /domain\.md|§\s*\d/;

/** Every string held under a `basis` or `note` key, with its path. */
function citations(value: unknown, at: string, out: { at: string; text: string }[]): { at: string; text: string }[] {
  if (Array.isArray(value)) value.forEach((v, i) => citations(v, `${at}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'basis' || k === 'note') && typeof v === 'string') out.push({ at: `${at}.${k}`, text: v });
      else citations(v, `${at}.${k}`, out);
    }
  }
  return out;
}

describe('legal bases shown to users', () => {
  const ids = listPackages();

  it('covers the packages shipped', () => {
    expect(ids).toEqual(expect.arrayContaining(['nq42-2020', 'nq68-2021']));
  });

  it.each(ids)('package %s cites no internal note in any basis or note', (id) => {
    const found = citations(loadPackage(id), id, []);
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((c) => INTERNAL.test(c.text))).toEqual([]);
  });

  it('no check cites an internal note as its legal basis', () => {
    expect(CHECKS.filter((c) => INTERNAL.test(c.legalBasis)).map((c) => c.id)).toEqual([]);
  });
});
