import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostingRow } from '../../src/report/index.js';
import { writePostingList } from '../../src/report/index.js';

let dir = '';
let path = '';
let ws: ExcelJS.Worksheet;

const PEOPLE: PostingRow[] = [
  { name: 'Nguyễn Văn An', birthYear: 1950, gender: 'M', idNumber: '001050012345', village: 'Thôn 1', groupCode: 'NCC', groupName: 'Người có công', members: null, amount: 1_500_000 },
  { name: 'Trần Thị Bình', birthYear: 1962, gender: 'F', idNumber: '123456789', village: 'Thôn 2', groupCode: 'HN', groupName: 'Hộ nghèo', members: 4, amount: 3_000_000 },
  { name: '=HYPERLINK("http://x","y")', birthYear: 1980, gender: null, idNumber: null, village: null, groupCode: 'TUDO', groupName: 'Lao động tự do', members: null, amount: null },
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'posting-test-'));
  path = join(dir, 'niem-yet.xlsx');
  async function* rows(): AsyncGenerator<PostingRow> {
    yield* PEOPLE;
  }
  const result = await writePostingList(
    {
      communeCode: '25252',
      communeName: 'Tân Lập',
      districtName: 'Huyện Đan Phượng',
      provinceName: 'Thành phố Hà Nội',
      packageTitle: 'Nghị quyết 42/NQ-CP ngày 09/4/2020 của Chính phủ',
      rows: rows(),
    },
    path,
  );
  expect(result.rows).toBe(3);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  if (sheet === undefined) throw new Error('no sheet');
  ws = sheet;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const texts = () => {
  const all: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'string') all.push(cell.value);
  }));
  return all;
};

describe('writePostingList', () => {
  it('opens with the commune title block and the title of the list', () => {
    expect(ws.getCell('A1').value).toBe('UBND HUYỆN ĐAN PHƯỢNG');
    expect(ws.getCell('A2').value).toBe('UBND XÃ TÂN LẬP');
    expect(ws.getCell('E1').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(ws.getCell('A5').value).toBe('DANH SÁCH NIÊM YẾT CÔNG KHAI');
    expect(String(ws.getCell('A6').value)).toContain('Nghị quyết 42/NQ-CP');
    expect(ws.getCell('A7').value).toBe('Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội (mã xã 25252)');
  });

  it('has the two-level header with birth year split by sex', () => {
    expect([9, 10].map((r) => (ws.getRow(r).values as unknown[]).slice(1, 10))).toEqual([
      ['STT', 'Họ và tên', 'Năm sinh', 'Năm sinh', 'Số CMND/CCCD', 'Thôn', 'Nhóm đối tượng', 'Số khẩu', 'Số tiền (đồng)'],
      ['STT', 'Họ và tên', 'Nam', 'Nữ', 'Số CMND/CCCD', 'Thôn', 'Nhóm đối tượng', 'Số khẩu', 'Số tiền (đồng)'],
    ]);
  });

  it('lists people with masked ID numbers and the year under their sex', () => {
    expect((ws.getRow(11).values as unknown[]).slice(1, 10)).toEqual([1, 'Nguyễn Văn An', 1950, undefined, '001******345', 'Thôn 1', 'Người có công', undefined, 1_500_000]);
    expect((ws.getRow(12).values as unknown[]).slice(1, 10)).toEqual([2, 'Trần Thị Bình', undefined, 1962, '123***789', 'Thôn 2', 'Hộ nghèo', 4, 3_000_000]);
    expect(ws.getCell('B13').value).toBe('=HYPERLINK("http://x","y")');
    expect(ws.getCell('B13').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('C13').value).toBe(1980);
    expect(ws.getCell('I11').numFmt).toBe('#,##0');
    const all = texts().join('\n');
    expect(all).not.toContain('001050012345');
    expect(all).not.toContain('123456789');
  });

  it('totals people, household members and amounts, then closes with the signature block', () => {
    expect(ws.getCell('A14').value).toBe('Tổng cộng: 3 người');
    expect(ws.getCell('H14').value).toBe(4);
    expect(ws.getCell('I14').value).toBe(4_500_000);
    const all = texts();
    expect(all).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(all).toContain('CHỦ TỊCH');
    expect(all).toContain('NGƯỜI LẬP BIỂU');
  });

  it('prints on A4 portrait fitted to the width, repeating the header rows', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, printTitlesRow: '9:10' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 10 });
  });
});
