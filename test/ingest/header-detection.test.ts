import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalField } from '../../src/domain/index.js';
import { matchHeader, planFile } from '../../src/ingest/index.js';
import { villageSheet } from './village-workbook.js';
import { tempDir, writeText, writeWorkbook } from './write-files.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => tmp.cleanup());

describe('matchHeader', () => {
  const cases: [string, CanonicalField][] = [
    ['Họ và tên', 'fullName'], ['HỌ TÊN', 'fullName'], ['Ho ten', 'fullName'], ['  họ   và  TÊN ', 'fullName'],
    ['Họ tên người nhận', 'fullName'], ['Số CMND/CCCD', 'idNumber'], ['CMND', 'idNumber'], ['CCCD', 'idNumber'],
    ['Số định danh cá nhân', 'idNumber'], ['CMT', 'idNumber'], ['Số CMND/ CCCD', 'idNumber'],
    ['Số tiền (đồng)', 'amount'], ['Thành tiền', 'amount'], ['Tổng số tiền', 'amount'], ['Số tiền được hỗ trợ', 'amount'],
    ['Ký nhận', 'signature'], ['Điểm chỉ', 'signature'], ['Ngày tháng năm sinh', 'birthDate'], ['Năm sinh', 'birthDate'],
    ['Nam', 'birthYearMale'], ['Nữ', 'birthYearFemale'], ['Giới tính', 'gender'], ['Số khẩu', 'members'],
    ['Số nhân khẩu', 'members'], ['Đối tượng', 'group'], ['Diện', 'group'], ['Nhóm đối tượng', 'group'], ['Thôn', 'village'],
    ['Ấp', 'village'], ['Tổ dân phố', 'village'], ['Khu phố', 'village'], ['Địa chỉ', 'address'], ['Nơi cư trú', 'address'],
    ['Xã/phường', 'commune'], ['Người nhận thay', 'receiver'], ['Họ tên người nhận thay', 'receiver'], ['Số tài khoản', 'bankAccount'],
    ['Số điện thoại', 'phone'], ['Doanh thu', 'revenue'], ['Ngày chết', 'deathDate'], ['Ngày mất', 'deathDate'],
    ['Ngày chi trả', 'paidDate'], ['Ngày nhận', 'paidDate'], ['Số tháng', 'months'], ['Số tháng hỗ trợ', 'months'],
    ['Tháng hỗ trợ', 'period'], ['Mức hỗ trợ', 'rate'], ['Mức hỗ trợ (đồng/tháng)', 'rate'], ['Mã hộ', 'householdCode'],
    ['Số sổ hộ nghèo', 'householdCode'], ['Chủ hộ', 'householdHead'], ['Họ tên chủ hộ', 'householdHead'],
    ['Quan hệ với chủ hộ', 'relation'], ['Dân số', 'population'], ['Ghi chú', 'note'], ['STT', 'seq'], ['TT', 'seq'],
    ['Huyện', 'district'], ['Tỉnh', 'province'], ['Từ ngày', 'startDate'], ['Đến ngày', 'endDate'], ['Đơn vị chi trả', 'payer'],
  ];
  it.each(cases)('maps "%s" to %s', (header, field) => {
    expect(matchHeader(header)[0]?.field).toBe(field);
  });

  it('does not take "Năm" (year) for "Nam" (male), nor "Ngày cấp CMND" for the ID', () => {
    expect(matchHeader('Năm')[0]?.field).not.toBe('birthYearMale');
    expect(matchHeader('Ngày cấp CMND')).toEqual([]);
  });
});

describe('planFile header detection', () => {
  it('finds a two-row header under merged title rows and skips the column-number row', async () => {
    const file = await writeWorkbook(tmp.file('title.xlsx'), [villageSheet('Thôn 1', [[1, 'Nguyễn Văn An', 1955, null, '001055012345']])]);
    const plan = await planFile(file, { role: 'payouts' });
    const sheet = plan.sheets[0];
    expect(plan.format).toBe('xlsx');
    expect(sheet).toMatchObject({ sheet: 'Thôn 1', isDataSheet: true, headerRows: [6, 7], dataStartRow: 9 });
    const byLetter = Object.fromEntries((sheet?.columns ?? []).map((c) => [c.letter, [c.header, c.field]]));
    expect(byLetter.A).toEqual(['STT', 'seq']);
    expect(byLetter.C).toEqual(['Năm sinh / Nam', 'birthYearMale']);
    expect(byLetter.D).toEqual(['Năm sinh / Nữ', 'birthYearFemale']);
    expect(byLetter.H).toEqual(['Số tiền / Số tháng', 'months']);
    expect(byLetter.I).toEqual(['Số tiền / Thành tiền', 'amount']);
    expect(sheet?.context).toMatchObject({
      title: 'DANH SÁCH CHI TRẢ HỖ TRỢ NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG THEO NGHỊ QUYẾT 42/NQ-CP',
      communeHint: 'AN BÌNH',
      districtHint: 'CHÂU THÀNH',
      provinceHint: 'TÂY NINH',
      groupCode: 'NCC',
      village: 'Thôn 1',
    });
    expect(sheet?.confidence).toBeGreaterThan(0.5);
  });

  it('skips an "A B 1 2 3" column-number row and handles "Ngày sinh" over Nam | Nữ', async () => {
    const file = await writeWorkbook(tmp.file('abc.xlsx'), [
      {
        name: 'DS',
        rows: [
          ['DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI'],
          ['TT', 'Họ và tên', 'Ngày sinh', null, 'Số CMND', 'Số tiền'],
          [null, null, 'Nam', 'Nữ'],
          ['A', 'B', '1', '2', '3', '4'],
          [1, 'Lý Thị Mai', null, '03/04/1950', '012345678', 1500000],
        ],
        merges: ['A1:F1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3'],
      },
    ]);
    const plan = await planFile(file, { role: 'beneficiaries' });
    expect(plan.sheets[0]).toMatchObject({ headerRows: [2, 3], dataStartRow: 5 });
    expect(plan.sheets[0]?.mapping).toMatchObject({ birthYearMale: 2, birthYearFemale: 3, idNumber: 4, amount: 5 });
    // "bảo trợ xã hội" in the title is a group, not a commune called "Hội".
    expect(plan.sheets[0]?.context).toMatchObject({ groupCode: 'BTXH', communeHint: null });
  });

  it('recognises a two-row header in a CSV file without merged cells', async () => {
    const file = await writeText(tmp.file('two-row.csv'), 'STT,Họ tên,Năm sinh,,CMND\n,,Nam,Nữ,\n1,Lý Văn Tư,1950,,012345678\n');
    const plan = await planFile(file, { role: 'beneficiaries' });
    expect(plan.format).toBe('csv');
    expect(plan.sheets[0]).toMatchObject({ headerRows: [1, 2], dataStartRow: 3 });
    expect(plan.sheets[0]?.mapping).toMatchObject({ fullName: 1, birthYearMale: 2, birthYearFemale: 3, idNumber: 4 });
  });

  it('maps each field once, to the first best column, and keeps the others unmapped', async () => {
    const file = await writeWorkbook(tmp.file('dup.xlsx'), [
      { name: 'S', rows: [['STT', 'Họ và tên', 'Họ tên', 'Số tiền', 'Tổng số tiền', 'Cột lạ'], [1, 'A', 'B', 1, 2, 'x']] },
    ]);
    const plan = await planFile(file, { role: 'payouts' });
    const fields = plan.sheets[0]?.columns.map((c) => c.field);
    expect(fields).toEqual(['seq', 'fullName', null, 'amount', null, null]);
  });

  it('does not take the national motto ("Tự do") for a group', async () => {
    const file = await writeWorkbook(tmp.file('motto.xlsx'), [
      {
        name: 'Sheet1',
        rows: [['UBND XÃ AN BÌNH', null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], [null, null, 'Độc lập - Tự do - Hạnh phúc'], ['DANH SÁCH CHI TRẢ'], ['STT', 'Họ và tên', 'Số CMND', 'Số tiền']],
      },
    ]);
    const plan = await planFile(file, { role: 'payouts' });
    expect(plan.sheets[0]?.context).toMatchObject({ groupCode: null, communeHint: 'AN BÌNH', title: 'DANH SÁCH CHI TRẢ' });
    expect(plan.sheets[0]?.headerRows).toEqual([4]);
  });
});
