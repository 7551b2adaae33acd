import { describe, expect, it } from 'vitest';
import { beneficiary, payout, runOne } from './factories.js';

describe('INVALID_ID', () => {
  it('flags wrong-length IDs, unknown CCCD provinces and lost digits from the record flags', () => {
    const findings = runOne('INVALID_ID', {
      payouts: [
        payout({ fullName: 'A', idNumber: '12345', flags: ['ID_INVALID'] }),
        payout({ fullName: 'B', idNumber: '999084000123', idKind: 'CCCD', flags: ['ID_UNKNOWN_PROVINCE'] }),
        payout({ fullName: 'C', idNumber: '123457000000', idKind: 'CCCD', flags: ['ID_SCIENTIFIC_NOTATION'] }),
        payout({ fullName: 'D', idNumber: '001084000999' }),
        payout({ fullName: 'E', idNumber: '012345678', flags: ['ID_LEADING_ZERO_RESTORED'] }),
      ],
    });
    expect(findings.map((f) => f.subject.name).sort()).toEqual(['A', 'B', 'C']);
    expect(findings.find((f) => f.subject.name === 'B')?.explanation).toContain('mã tỉnh');
    expect(findings.every((f) => f.category === 'data_quality' && f.amountAtRisk === 0)).toBe(true);
  });

  it('lists both rows when one person carries the same bad ID twice in a role', () => {
    const a = payout({ fullName: 'A', idNumber: '12345', flags: ['ID_INVALID'], sheet: 'T1' });
    const b = payout({ fullName: 'A', idNumber: '12345', flags: ['ID_INVALID'], sheet: 'T2' });
    const findings = runOne('INVALID_ID', { payouts: [a, b] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.records).toHaveLength(2);
  });
});

describe('ID_DOB_MISMATCH', () => {
  it('flags a CCCD whose encoded birth year or gender disagrees with the row', () => {
    const findings = runOne('ID_DOB_MISMATCH', {
      payouts: [
        payout({ fullName: 'Năm sai', idNumber: '001084000999', birthYear: 1948, gender: 'M' }),
        payout({ fullName: 'Giới sai', idNumber: '001184000999', birthYear: 1984, gender: 'M' }),
        payout({ fullName: 'Thế kỷ', idNumber: '001205000111', birthYear: 1905, gender: 'M' }),
      ],
    });
    expect(findings.map((f) => f.subject.name).sort()).toEqual(['Giới sai', 'Năm sai', 'Thế kỷ']);
    const year = findings.find((f) => f.subject.name === 'Năm sai');
    expect(year?.explanation).toContain('năm sinh ghi 1948 nhưng số CCCD mã hóa năm 1984');
    expect(findings.find((f) => f.subject.name === 'Giới sai')?.explanation).toContain('giới tính ghi nam nhưng số CCCD mã hóa nữ');
    expect(findings.find((f) => f.subject.name === 'Thế kỷ')?.evidence.encodedBirthYear).toBe(2005);
  });

  it('leaves consistent CCCDs, CMNDs and rows without birth data alone', () => {
    const findings = runOne('ID_DOB_MISMATCH', {
      payouts: [
        payout({ idNumber: '001084000999', birthYear: 1984, gender: 'M' }),
        payout({ idNumber: '087185000999', birthDate: '1985-03-02', gender: 'F' }),
        payout({ idNumber: '012345678', birthYear: 1950 }),
        payout({ idNumber: '001084000999' }),
      ],
    });
    expect(findings).toEqual([]);
  });
});

describe('UNKNOWN_ADMIN_UNIT', () => {
  it('groups the rows of one unresolved commune name into one finding', () => {
    const findings = runOne('UNKNOWN_ADMIN_UNIT', {
      payouts: [
        payout({ communeCode: null, communeName: 'Xã Yên Sơ', flags: ['ADMIN_UNIT_UNRESOLVED'] }),
        payout({ fullName: 'Lê Thị Hoa', communeCode: null, communeName: 'Xã Yên Sơ', flags: ['ADMIN_UNIT_UNRESOLVED'] }),
        payout({ communeName: 'Xã Yên Sở' }),
      ],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.records).toHaveLength(2);
    expect(findings[0]?.explanation).toContain('"Xã Yên Sơ"');
  });
});

describe('MISSING_FIELD', () => {
  it('flags payouts without a name, amount or recognised group, per role', () => {
    const findings = runOne('MISSING_FIELD', {
      payouts: [
        payout({ fullName: null, amount: 1_500_000, birthYear: 1950 }),
        payout({ fullName: 'Đỗ Văn E', amount: null, flags: ['AMOUNT_UNPARSED'], birthYear: 1950 }),
        payout({ fullName: 'Đỗ Văn G', groupCode: null, groupLabel: 'Diện khác', idNumber: '001050000001' }),
        payout({ fullName: 'Không ID, không năm sinh' }),
        payout({ fullName: 'Đủ thông tin', birthDate: '1950-02-01' }),
      ],
      beneficiaries: [beneficiary({ fullName: 'Không số tiền', amount: null, birthYear: 1950 })],
    });
    expect(findings).toHaveLength(4);
    expect(findings.find((f) => f.subject.name === 'Không ID, không năm sinh')?.explanation).toContain('cần ít nhất một để xác định người');
    expect(findings.find((f) => f.subject.name === 'Đỗ Văn E')?.explanation).toContain('Số tiền (không đọc được số)');
    expect(findings.find((f) => f.subject.name === 'Đỗ Văn G')?.explanation).toContain('"Diện khác"');
    expect(findings.find((f) => f.subject.name === null)?.explanation).toContain('Họ và tên');
  });
});
