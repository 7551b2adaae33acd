import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { AppError } from '../../src/domain/index.js';
import { defaultRulesDir, expectedAmount, groupCap, groupForLabel, listPackages, loadPackage } from '../../src/rules/index.js';

const NQ42 = readFileSync(join(defaultRulesDir(), 'nq42-2020.yaml'), 'utf8');

/** Writes a modified copy of nq42-2020.yaml into a temporary rules folder and loads it. */
function loadModified(change: (doc: Record<string, any>) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  const doc = parse(NQ42) as Record<string, any>;
  change(doc);
  writeFileSync(join(dir, 'nq42-2020.yaml'), stringify(doc));
  return () => loadPackage('nq42-2020', dir);
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('loadPackage', () => {
  it('loads both packages from the project rules folder whatever the cwd', () => {
    const cwd = process.cwd();
    process.chdir(tmpdir());
    try {
      expect(listPackages()).toEqual(expect.arrayContaining(['nq42-2020', 'nq68-2021']));
      const nq42 = loadPackage('nq42-2020');
      const nq68 = loadPackage('nq68-2021');
      expect(Object.keys(nq42.groups).sort()).toEqual(['BTXH', 'CHAMDUT', 'HCN', 'HKD', 'HN', 'NCC', 'TAMHOAN', 'TUDO']);
      expect(nq42.groups.HKD?.revenueThreshold?.value).toBe(100_000_000);
      expect(nq42.period.value).toEqual({ from: '2020-04', to: '2020-06' });
      expect(nq42.paymentWindow.value).toEqual({ from: '2020-04-09', to: '2020-12-31' });
      expect(nq42.paymentWindow.confirmed).toBe(false);
      expect(nq68.groups.TAMHOAN?.rate.value).toBe(3_710_000);
      expect(nq42.version).toMatch(/\S/);
    } finally {
      process.chdir(cwd);
    }
  });

  it('every policy parameter cites its legal basis', () => {
    for (const id of ['nq42-2020', 'nq68-2021']) {
      const pkg = loadPackage(id);
      for (const [code, g] of Object.entries(pkg.groups)) {
        expect(g.rate.basis.length, `${id} ${code}`).toBeGreaterThan(10);
        expect(g.maxMonths.basis.length).toBeGreaterThan(10);
        expect(g.labels.length).toBeGreaterThan(3);
      }
      for (const e of pkg.exclusivity) expect(e.basis.length).toBeGreaterThan(10);
    }
  });

  it('takes a changed rate from the file without code changes', () => {
    const pkg = loadModified((doc) => {
      doc.groups.NCC.rate.value = 600_000;
    })();
    expect(expectedAmount(pkg.groups.NCC!, { months: null, members: null, relation: null }).expected).toBe(1_800_000);
  });

  it('rejects a wrong type naming the file and the key, in Vietnamese', () => {
    const err = errorOf(loadModified((doc) => {
      doc.groups.NCC.rate.value = 'năm trăm nghìn';
    }));
    expect(err.code).toBe('INVALID_RULES');
    expect(err.message).toContain('rules/nq42-2020.yaml');
    expect(err.message).toContain('groups.NCC.rate.value');
    expect(err.message).toContain('phải là số');
  });

  it('rejects an unknown group in an exclusivity set', () => {
    const err = errorOf(loadModified((doc) => {
      doc.exclusivity[0].groups.push('XEOM');
    }));
    expect(err.message).toContain('exclusivity[0].groups[4]');
    expect(err.message).toContain('nhóm "XEOM" không có trong "groups"');
  });

  it('rejects a parameter without its citation', () => {
    const err = errorOf(loadModified((doc) => {
      delete doc.groups.TUDO.maxMonths.basis;
    }));
    expect(err.message).toContain('groups.TUDO.maxMonths.basis');
    expect(err.message).toContain('thiếu khóa bắt buộc');
  });

  it('rejects a misspelt key and an unknown check id', () => {
    const err = errorOf(loadModified((doc) => {
      doc.groups.HN.maxMonth = 3;
      doc.checks.DUPLICATE_PAYMENTS = { enabled: true, severity: 'high', basis: 'abc' };
    }));
    expect(err.message).toContain('khóa không được phép: "maxMonth"');
    expect(err.message).toContain('checks');
  });

  it('rejects broken YAML and an unknown package with clear messages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    writeFileSync(join(dir, 'hong.yaml'), 'id: hong\n  version: [\n');
    expect(errorOf(() => loadPackage('hong', dir)).message).toContain('YAML sai cú pháp');
    const missing = errorOf(() => loadPackage('nq99-2030'));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('nq42-2020');
  });
});

describe('expectedAmount / groupCap / groupForLabel', () => {
  const pkg = loadPackage('nq42-2020');
  const nq68 = loadPackage('nq68-2021');

  it('computes the amounts of domain.md §0', () => {
    const none = { months: null, members: null, relation: null };
    expect(expectedAmount(pkg.groups.NCC!, none).expected).toBe(1_500_000);
    expect(expectedAmount(pkg.groups.HN!, { ...none, members: 9 }).expected).toBe(6_750_000);
    expect(expectedAmount(pkg.groups.TAMHOAN!, { ...none, months: 2 }).expected).toBe(3_600_000);
    expect(expectedAmount(pkg.groups.TUDO!, none).allowed).toEqual([1_000_000, 2_000_000, 3_000_000]);
    expect(groupCap(pkg.groups.TAMHOAN!, null)).toBe(5_400_000);
    expect(groupCap(pkg.groups.HCN!, 3)).toBe(2_250_000);
    expect(expectedAmount(nq68.groups.TAMHOAN!, none).allowed).toContain(1_855_000);
    expect(expectedAmount(nq68.groups.TAMHOAN!, none).allowed).toContain(4_710_000);
  });

  it('maps spreadsheet labels to group codes', () => {
    expect(groupForLabel(pkg, 'Hộ cận nghèo năm 2019')).toBe('HCN');
    expect(groupForLabel(pkg, 'HO NGHEO')).toBe('HN');
    expect(groupForLabel(pkg, 'Lao động tự do (bán vé số)')).toBe('TUDO');
    expect(groupForLabel(pkg, 'Đối tượng BTXH')).toBe('BTXH');
    expect(groupForLabel(pkg, 'Thân nhân liệt sĩ')).toBe('NCC');
    expect(groupForLabel(pkg, 'Không rõ')).toBeNull();
  });
});
