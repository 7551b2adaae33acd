import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecords } from '../../src/ingest/index.js';
import { readAll, tempDir, writeText, writeWorkbook } from './write-files.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => tmp.cleanup());

describe('readRecords fields of registers and other lists', () => {
  it('reads a household-business list: revenue, months, period, rate (even typed in TCVN3), phone, account, payer, receiver', async () => {
    const file = await writeWorkbook(tmp.file('hkd.xlsx'), [
      {
        name: 'HKD',
        rows: [
          ['STT', 'Họ và tên', 'Số CCCD', 'Doanh thu khai thuế', 'Số tháng hỗ trợ', 'Tháng hỗ trợ', 'Mức hỗ trợ', 'Thành tiền', 'Số điện thoại', 'Số tài khoản', 'Đơn vị chi trả', 'Người nhận thay', 'Ngày chi trả'],
          [1, 'Phan Văn Kinh', '079090001111', '85.000.000', 2, 'T4-T5/2020', '1.000.000 ®', 2000000, '+84 912 345 678', '0011-0023-4567', 'Bưu điện huyện', 'Phan Thị Vợ', '20/06/2020'],
        ],
      },
    ]);
    const { records } = await readAll(readRecords(file, { role: 'payouts' }));
    expect(records[0]).toMatchObject({
      revenue: 85_000_000,
      months: 2,
      period: '2020-04,2020-05',
      rate: 1_000_000,
      amount: 2_000_000,
      phone: '0912345678',
      bankAccount: '001100234567',
      payer: 'Bưu điện huyện',
      receiver: 'Phan Thị Vợ',
      paidDate: '2020-06-20',
      groupCode: 'HKD',
    });
  });

  it('reads a deceased register with dates of death, and flags a date it cannot read', async () => {
    const file = await writeWorkbook(tmp.file('chet.xlsx'), [
      {
        name: 'Người chết',
        rows: [
          ['TT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Số CMND', 'Ngày chết', 'Nơi cư trú'],
          [1, 'Trịnh Văn Mất', 1930, 'Nam', '012345678', new Date(Date.UTC(2020, 2, 20)), 'Thôn 2'],
          [2, 'Trịnh Thị Khuất', 1935, 'Nữ', '012345677', 'tháng trước', 'Thôn 3'],
        ],
      },
    ]);
    const { records, stats } = await readAll(readRecords(file, { role: 'register:deceased' }));
    expect(records[0]).toMatchObject({ role: 'register:deceased', deathDate: '2020-03-20', birthYear: 1930, gender: 'M', address: 'Thôn 2' });
    expect(records[1]).toMatchObject({ deathDate: null, gender: 'F' });
    expect(records[1]?.flags).toContain('DATE_UNPARSED');
    expect(stats.sheets[0]?.problems).toEqual([expect.objectContaining({ row: 3, column: 'F' })]);
  });

  it('reads a population register, which has no names', async () => {
    const file = await writeText(
      tmp.file('dan-so.csv'),
      '\uFEFFMã xã,Xã/phường/thị trấn,Số hộ,Dân số\n25615,Xã An Bình,3.100,"12.345"\n,,,"9.000"\n18463,Gia Hanh,2000,8000\n',
    );
    const options = { role: 'register:population' as const, defaultDistrict: 'Châu Thành', defaultProvince: 'Tây Ninh' };
    const { records, stats } = await readAll(readRecords(file, options));
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ communeCode: '25615', population: 12345, fullName: null });
    // No district or province says where "Gia Hanh" is; the "Mã xã" column does.
    expect(records[1]).toMatchObject({ communeCode: '18463', districtCode: '443', provinceCode: '42', population: 8000 });
    expect(stats.rowsRejected).toBe(1);
  });
});
