import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecords } from '../../src/ingest/index.js';
import { readAll, tempDir, writeWorkbook } from './write-files.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => tmp.cleanup());

describe('readRecords normalisation', () => {
  it('normalises NFD and TCVN3 names to NFC display names with the same key, flagging TCVN3', async () => {
    const nfd = 'Nguyễn Thị Hồng'.normalize('NFD');
    const file = await writeWorkbook(tmp.file('names.xlsx'), [
      { name: 'DS', rows: [['STT', 'Họ và tên', 'Số CMND', 'Số tiền'], [1, nfd, '012345678', 1500000], [2, 'NguyÔn ThÞ Hång', '012345679', 1500000], [3, '  TRẦN   văn  bảy ', null, 1500000]] },
    ]);
    const { records } = await readAll(readRecords(file, { role: 'payouts' }));
    expect(records.map((r) => r.fullName)).toEqual(['Nguyễn Thị Hồng', 'Nguyễn Thị Hồng', 'Trần Văn Bảy']);
    expect(records[0]?.fullName).toBe('Nguyễn Thị Hồng'.normalize('NFC'));
    expect(records[0]?.nameKey).toBe('nguyen thi hong');
    expect(records[1]?.nameKey).toBe('nguyen thi hong');
    expect(records[1]?.flags).toContain('LEGACY_ENCODING_TCVN3');
    expect(records[0]?.flags).not.toContain('LEGACY_ENCODING_TCVN3');
  });

  it('reads ticks under "Giới tính" / Nam | Nữ as the gender', async () => {
    const file = await writeWorkbook(tmp.file('ticks.xlsx'), [
      {
        name: 'DS',
        rows: [['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', null, 'Số tiền'], [null, null, null, 'Nam', 'Nữ'], [1, 'Đào Văn Sáu', 1970, 'x', null, 1500000], [2, 'Đào Thị Bảy', 1972, null, 'X', 1500000]],
        merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:F2'],
      },
    ]);
    const { records } = await readAll(readRecords(file, { role: 'payouts' }));
    expect(records.map((r) => [r.gender, r.birthYear, r.flags.includes('DATE_UNPARSED')])).toEqual([
      ['M', 1970, false],
      ['F', 1972, false],
    ]);
  });

  it('resolves admin units from columns, and flags an unknown commune keeping its name', async () => {
    const file = await writeWorkbook(tmp.file('admin.xlsx'), [
      {
        name: 'DS',
        rows: [
          ['STT', 'Họ và tên', 'Xã/phường', 'Huyện', 'Tỉnh', 'Số tiền'],
          [1, 'Đỗ Văn Một', 'Phường Phúc Xá', 'Quận Ba Đình', 'Thành phố Hà Nội', 1500000],
          [2, 'Đỗ Văn Hai', 'Xã Không Có Thật', 'Huyện Châu Thành', 'Tây Ninh', 1500000],
        ],
      },
    ]);
    const { records } = await readAll(readRecords(file, { role: 'payouts' }));
    expect(records[0]).toMatchObject({ communeCode: '00001', districtCode: '001', provinceCode: '01' });
    expect(records[0]?.flags).not.toContain('ADMIN_UNIT_UNRESOLVED');
    expect(records[1]).toMatchObject({ communeCode: null, communeName: 'Xã Không Có Thật' });
    expect(records[1]?.flags).toContain('ADMIN_UNIT_UNRESOLVED');
  });

  it('uses the default commune of the options when neither columns nor title name one', async () => {
    const file = await writeWorkbook(tmp.file('defaults.xlsx'), [{ name: 'DS', rows: [['STT', 'Họ và tên', 'Số CMND', 'Số tiền'], [1, 'Đỗ Văn Ba', '012345678', 1500000]] }]);
    const { records } = await readAll(
      readRecords(file, { role: 'payouts', defaultCommune: 'An Bình', defaultDistrict: 'Châu Thành', defaultProvince: 'Tây Ninh' }),
    );
    expect(records[0]?.communeCode).toBe('25615');
  });

  it('takes the commune from a file name that spells it out, not from an unaccented one', async () => {
    const rows = [['STT', 'Họ và tên', 'Số CMND', 'Số tiền'], [1, 'Đỗ Văn Bốn', '012345678', 1500000]];
    const spelled = await writeWorkbook(tmp.file('DS chi trả Xã An Bình, huyện Châu Thành, tỉnh Tây Ninh.xlsx'), [{ name: 'DS', rows }]);
    const bare = await writeWorkbook(tmp.file('ds-phuong-phuc-xa-quan-ba-dinh.xlsx'), [{ name: 'DS', rows }]);
    const a = await readAll(readRecords(spelled, { role: 'payouts' }));
    const b = await readAll(readRecords(bare, { role: 'payouts' }));
    expect(a.records[0]?.communeCode).toBe('25615');
    expect(b.records[0]).toMatchObject({ communeCode: null, communeName: null });
    expect(b.records[0]?.flags).not.toContain('ADMIN_UNIT_UNRESOLVED');
  });

  it('prefers the title rows over the options\' default commune', async () => {
    const file = await writeWorkbook(tmp.file('title-wins.xlsx'), [
      { name: 'DS', rows: [['UBND PHƯỜNG PHÚC XÁ - QUẬN BA ĐÌNH - THÀNH PHỐ HÀ NỘI'], ['STT', 'Họ và tên', 'Số CMND', 'Số tiền'], [1, 'Đỗ Văn Năm', '012345678', 1500000]] },
    ]);
    const { records } = await readAll(readRecords(file, { role: 'payouts', defaultCommune: 'An Bình', defaultDistrict: 'Châu Thành', defaultProvince: 'Tây Ninh' }));
    expect(records[0]).toMatchObject({ communeCode: '00001', communeName: 'Phường Phúc Xá' });
  });

  it('takes the group from the sheet name, else from the title', async () => {
    const file = await writeWorkbook(tmp.file('groups.xlsx'), [
      { name: 'Hộ nghèo', rows: [['STT', 'Họ tên chủ hộ', 'Số khẩu', 'Số tiền'], [1, 'Hà Văn Nghèo', 4, 3000000]] },
      { name: 'Sheet2', rows: [['DANH SÁCH HỘ CẬN NGHÈO ĐƯỢC HỖ TRỢ'], ['STT', 'Họ tên chủ hộ', 'Số khẩu', 'Số tiền'], [1, 'Hà Văn Cận', 3, 2250000]] },
    ]);
    const { records } = await readAll(readRecords(file, { role: 'payouts' }));
    expect(records[0]).toMatchObject({ groupCode: 'HN', groupLabel: 'Hộ nghèo', fullName: 'Hà Văn Nghèo', householdHead: 'Hà Văn Nghèo', members: 4 });
    expect(records[1]).toMatchObject({ groupCode: 'HCN', row: 3, members: 3, amount: 2250000 });
  });

  it('skips totals ("Cộng thôn 1", "Cộng trang", "Tổng") but not people called Tống; village headings set the village', async () => {
    const file = await writeWorkbook(tmp.file('totals.xlsx'), [
      {
        name: 'Toàn xã',
        rows: [
          ['STT', 'Họ và tên', 'Số CMND', 'Số tiền'],
          ['Thôn 1'],
          [1, 'Tống Văn Tư', '012345678', 1500000],
          [null, 'Cộng thôn 1', null, 1500000],
          ['II', 'Thôn Đông'],
          [2, 'Lã Thị Năm', '012345679', 1500000],
          [null, 'Cộng trang', null, 1500000],
          ['Tổng', null, null, 3000000],
          ['Người lập biểu', null, 'Chủ tịch UBND xã'],
          [null, 'Nguyễn Văn Ký'],
        ],
        merges: ['A2:D2'],
      },
    ]);
    const { records, stats } = await readAll(readRecords(file, { role: 'payouts' }));
    expect(records.map((r) => [r.row, r.fullName, r.village])).toEqual([
      [3, 'Tống Văn Tư', 'Thôn 1'],
      [6, 'Lã Thị Năm', 'Thôn Đông'],
    ]);
    expect(stats.sheets[0]?.skipped).toEqual({ blank: 0, section: 2, total: 3, signature: 2, repeated_header: 0, note: 0 });
  });
});
