import { describe, expect, it } from 'vitest';
import { CHECKS, checkSettings, findingId, isTotalRow, runChecks, type AuditData } from '../../src/checks/index.js';
import { CATEGORIES } from '../../src/domain/index.js';
import { scratchArrays } from '../../src/match/index.js';
import { beneficiary, payout, registerRow, RULES } from './factories.js';

const CONTRACT: Record<string, string[]> = {
  wrong_recipient: ['NOT_IN_APPROVED_LIST', 'DECEASED', 'EXCLUDED_BY_REGISTER', 'NOT_ON_POOR_LIST', 'MULTIPLE_POLICIES', 'AGE_INELIGIBLE', 'HOUSEHOLD_BUSINESS_REVENUE'],
  duplicate: ['DUPLICATE_PAYMENT', 'DUPLICATE_BENEFICIARY', 'SHARED_ACCOUNT'],
  amount: ['AMOUNT_MISMATCH', 'OVER_CAP', 'OUT_OF_PERIOD'],
  data_quality: ['INVALID_ID', 'ID_DOB_MISMATCH', 'UNKNOWN_ADMIN_UNIT', 'MISSING_FIELD'],
};

/** A small audit with one anomaly of most kinds; `variant` moves rows to other files, sheets and row numbers. */
function audit(variant: number): AuditData {
  const file = (f: string) => (variant === 0 ? f : `sua-${f}`);
  const rows = [
    payout({ fullName: 'Nguyễn Văn An', idNumber: '001060001234', birthYear: 1960, file: file('a.xlsx'), sheet: 'T1' }),
    payout({ fullName: 'Nguyễn Văn An', idNumber: '001060001234', birthYear: 1960, file: file('b.xlsx'), sheet: 'T2', paidDate: '2020-06-01' }),
    payout({ fullName: 'Lê Văn Mất', birthYear: 1940, file: file('a.xlsx') }),
    payout({ fullName: 'Trần Thị Thừa', birthYear: 1970, groupCode: 'TUDO', amount: 1_500_000, months: 1, file: file('a.xlsx') }),
    payout({ fullName: 'Phạm Sai Số', idNumber: '12345', flags: ['ID_INVALID'], file: file('a.xlsx') }),
  ];
  const ordered = variant === 0 ? rows : [...rows].reverse().map((r, i) => ({ ...r, row: 100 + i * 7 }));
  return {
    beneficiaries: [beneficiary({ fullName: 'Nguyễn Văn An', idNumber: '001060001234', birthYear: 1960 }), beneficiary({ fullName: 'Lê Văn Mất', birthYear: 1940 })],
    payouts: ordered,
    registers: { deceased: [registerRow('deceased', { fullName: 'Lê Văn Mất', birthYear: 1940, deathDate: '2020-01-05' })] },
  };
}

describe('CHECKS registry', () => {
  it('holds exactly the contract ids with their categories, each configured in both packages', () => {
    const byCategory: Record<string, string[]> = {};
    for (const c of CHECKS) (byCategory[c.category] ??= []).push(c.id);
    for (const [cat, ids] of Object.entries(CONTRACT)) expect(byCategory[cat]?.sort()).toEqual([...ids].sort());
    expect(CHECKS.every((c) => (CATEGORIES as readonly string[]).includes(c.category) && /[ạảãàáâậầấẩẫăằắặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữ]/i.test(c.title))).toBe(true);
    for (const c of CHECKS) expect(RULES.checks[c.id as keyof typeof RULES.checks], c.id).toBeDefined();
  });

  it('runs every enabled check and reports per-check timing and counts', () => {
    const { findings, perCheck } = runChecks(audit(0), RULES);
    expect(perCheck.map((p) => p.id)).toEqual(CHECKS.map((c) => c.id));
    const rules = new Set(findings.map((f) => f.rule));
    for (const r of ['DUPLICATE_PAYMENT', 'DECEASED', 'AMOUNT_MISMATCH', 'INVALID_ID']) expect(rules, r).toContain(r);
    for (const f of findings) {
      expect(f.status).toBe('new');
      expect(f.version).toBe(1);
      expect(f.records.length).toBeGreaterThan(0);
      expect(f.id).toMatch(/^[A-Z]+-[0-9a-f]{10}$/);
    }
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    expect(perCheck.find((p) => p.id === 'NOT_ON_POOR_LIST')?.note).toContain('không đánh giá được');
  });

  it('gives the same finding ids when rows come in another order, with other files and row numbers', () => {
    const first = runChecks(audit(0), RULES).findings.map((f) => `${f.rule}:${f.id}`).sort();
    const second = runChecks(audit(1), RULES).findings.map((f) => `${f.rule}:${f.id}`).sort();
    expect(second).toEqual(first);
    expect(first.length).toBeGreaterThan(3);
  });

  it('runs only the named checks', () => {
    const { findings, perCheck } = runChecks(audit(0), RULES, { only: ['INVALID_ID'] });
    expect(perCheck.map((p) => p.id)).toEqual(['INVALID_ID']);
    expect(findings.every((f) => f.rule === 'INVALID_ID')).toBe(true);
  });
});

describe('findingId', () => {
  it('depends on the rule and the set of identities, not their order', () => {
    const a = findingId('DUPLICATE_PAYMENT', ['id:001060001234', 'pay:NCC||1500000']);
    expect(a).toMatch(/^DP-[0-9a-f]{10}$/);
    expect(findingId('DUPLICATE_PAYMENT', ['pay:NCC||1500000', 'id:001060001234'])).toBe(a);
    expect(findingId('DUPLICATE_BENEFICIARY', ['id:001060001234', 'pay:NCC||1500000'])).not.toBe(a);
    expect(findingId('DUPLICATE_PAYMENT', ['id:001060001235', 'pay:NCC||1500000'])).not.toBe(a);
  });
});

describe('checkSettings', () => {
  it('exposes severity, basis and thresholds from the package, with the matcher thresholds for matcher-based checks', () => {
    const shared = checkSettings(RULES, 'SHARED_ACCOUNT');
    expect(shared.severity).toBe('medium');
    expect(shared.thresholds).toMatchObject({ minHouseholds: 2, matchThreshold: RULES.matching.matchThreshold });
    expect(checkSettings(RULES, 'AGE_INELIGIBLE').thresholds.maxAge).toBe(120);
    expect(checkSettings(RULES, 'NO_SUCH_CHECK').enabled).toBe(false);
  });
});

describe('prepareData', () => {
  it('keeps footer total rows that leaked through ingestion out of the checks', () => {
    const { findings } = runChecks(
      { beneficiaries: [beneficiary({ fullName: 'Tổng cộng' }), beneficiary({ fullName: 'Céng' })], payouts: [payout({ fullName: 'Cộng', amount: 45_000_000 })], registers: {} },
      RULES,
    );
    expect(findings).toEqual([]);
  });

  it('tells footer labels from names, whatever case, marks or punctuation surround them', () => {
    const total = (fullName: string, idNumber: string | null = null) => isTotalRow(beneficiary({ fullName, idNumber }));
    for (const label of ['Tổng cộng', 'TỔNG CỘNG', 'Cộng', 'cộng:', '- Tổng cộng -', '  Tổng số', 'Céng', 'Tổng cộng trang', 'Tổng cộng'.normalize('NFD')]) {
      expect(total(label), label).toBe(true);
    }
    for (const name of ['Nguyễn Văn Tổng', 'Trần Cộng', 'Cao Thị Cộng', 'Đỗ Tổng', 'Lê Văn Công', 'Tống Văn Cường']) {
      expect(total(name), name).toBe(false);
    }
    expect(total('Tổng cộng', '042075001234')).toBe(false);
  });
});

describe('runChecks and the matcher', () => {
  it('tells the caller once when it releases the matcher, only when checks follow the last one that uses it', () => {
    const seen: string[] = [];
    const released = (only: string[]): number => {
      let calls = 0;
      const { perCheck } = runChecks(audit(0), RULES, { only, onMatcherReleased: () => { calls++; seen.push(`released after ${only.join(',')}`); } });
      expect(perCheck.map((c) => c.id)).toEqual(CHECKS.map((c) => c.id).filter((id) => only.includes(id)));
      return calls;
    };
    expect(released(['NOT_IN_APPROVED_LIST', 'DECEASED', 'INVALID_ID', 'MISSING_FIELD'])).toBe(1);
    expect(released(['NOT_IN_APPROVED_LIST'])).toBe(0); // nothing runs after it
    expect(released(['INVALID_ID', 'MISSING_FIELD'])).toBe(0); // the matcher never ran
    expect(seen).toHaveLength(1);
  });

  it('tells the caller once after the check whose register the matcher let go (the poor households), and never without it', () => {
    const base = audit(0);
    const data: AuditData = {
      ...base,
      payouts: [...base.payouts, payout({ fullName: 'Giàu Văn Có', birthYear: 1970, groupCode: 'HN', amount: 3_000_000, members: 4, householdCode: 'HN-99' })],
      registers: { ...base.registers, 'poor-2019': [registerRow('poor-2019', { fullName: 'Lò Văn Sáng', birthYear: 1970, householdCode: 'HN-07' })] },
    };
    const letGo = (only: string[]): number => {
      let calls = 0;
      const { perCheck } = runChecks(data, RULES, { only, onMatcherLetGo: () => calls++ });
      expect(perCheck.every((c) => c.note === undefined)).toBe(true); // every check ran
      return calls;
    };
    expect(letGo(['NOT_IN_APPROVED_LIST', 'DECEASED', 'NOT_ON_POOR_LIST', 'DUPLICATE_PAYMENT'])).toBe(1);
    expect(letGo(['NOT_IN_APPROVED_LIST', 'DECEASED', 'DUPLICATE_PAYMENT'])).toBe(0);
  });

  it('before each check that uses the matcher but the first, lets go of the arrays it reuses and tells the caller', () => {
    const before = (only: string[]): string[] => {
      const seen: string[] = [];
      let scratch = scratchArrays();
      runChecks(audit(0), RULES, {
        only,
        beforeMatcherCheck: () => {
          // Told once the arrays are let go: the next run gets new ones.
          expect(scratchArrays()).not.toBe(scratch);
          scratch = scratchArrays();
          seen.push('told');
        },
      });
      return seen;
    };
    expect(before(['NOT_IN_APPROVED_LIST', 'DECEASED', 'INVALID_ID', 'DUPLICATE_BENEFICIARY', 'MISSING_FIELD'])).toEqual(['told', 'told']);
    expect(before(['NOT_IN_APPROVED_LIST', 'INVALID_ID'])).toEqual([]); // the first matcher check
    expect(before(['INVALID_ID', 'MISSING_FIELD'])).toEqual([]);
  });

  it('lets go of the arrays the blocking reuses when the run ends, also when its last check used the matcher', () => {
    for (const only of [['DUPLICATE_BENEFICIARY'], ['NOT_IN_APPROVED_LIST']]) {
      const during = scratchArrays();
      const { perCheck } = runChecks(audit(0), RULES, { only });
      expect(perCheck.map((c) => [c.id, c.note])).toEqual([[only[0], undefined]]); // it ran, on both lists
      expect(scratchArrays()).not.toBe(during);
    }
  });
});
