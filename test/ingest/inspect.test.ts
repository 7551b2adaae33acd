import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInspectReport, inspectFile, type InspectReport } from '../../src/ingest/index.js';
import { villageSheet } from './village-workbook.js';
import { tempDir, writeWorkbook, type Cell } from './write-files.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let report: InspectReport;
let text: string;

function people(village: number, count: number): Cell[][] {
  return Array.from({ length: count }, (_, i) => [
    i + 1,
    `Người Thôn ${village} Số ${i + 1}`,
    i % 2 === 0 ? 1950 + i : null,
    i % 2 === 0 ? null : 1950 + i,
    `0010${50 + i}00${village}${String(i).padStart(3, '0')}`,
    `Tổ ${village}`,
    'Người có công',
    3,
    '1.500.000',
  ]);
}

beforeAll(async () => {
  tmp = await tempDir();
  const file = await writeWorkbook(tmp.file('chi-tra-xa-an-binh.xlsx'), [
    villageSheet('Thôn 1', people(1, 3)),
    villageSheet('Thôn 2', people(2, 2)),
    villageSheet('Thôn 3', people(3, 4)),
    { name: 'Thuyết minh', rows: [['Danh sách đã được niêm yết công khai từ ngày 10/5/2020.']] },
  ]);
  report = await inspectFile(file, { role: 'payouts', sampleRows: 2 });
  text = formatInspectReport(report);
});
afterAll(async () => tmp.cleanup());

function sheetBlock(name: string): string {
  const start = text.indexOf(`Trang "${name}"`);
  const next = text.indexOf('\nTrang "', start + 1);
  return text.slice(start, next < 0 ? undefined : next);
}

describe('inspectFile and formatInspectReport', () => {
  it('summarises the file: sheets, data sheets and totals', () => {
    const head = text.split('\n').slice(0, 2);
    expect(head[0]).toBe('Tệp: chi-tra-xa-an-binh.xlsx (XLSX), 4 trang, 3 trang dữ liệu');
    expect(head[1]).toBe('Tổng: dữ liệu 9 dòng, bị loại 0, bỏ qua 30');
  });

  it('shows the two-row header, where data starts, and the title and context', () => {
    const block = sheetBlock('Thôn 1');
    expect(block).toMatch(/Dòng tiêu đề cột : 6–7 {3}Dữ liệu từ dòng: 9/);
    expect(block).toContain('Tên danh sách    : DANH SÁCH CHI TRẢ HỖ TRỢ NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG THEO NGHỊ QUYẾT 42/NQ-CP');
    expect(block).toContain('xã AN BÌNH, huyện CHÂU THÀNH, tỉnh TÂY NINH, địa bàn Thôn 1, nhóm NCC');
  });

  it('lists the mapping, aligned, with the Nam/Nữ sub-columns', () => {
    const block = sheetBlock('Thôn 2');
    expect(block).toContain('    C   Năm sinh / Nam       → birthYearMale (Năm sinh (Nam))');
    expect(block).toContain('    D   Năm sinh / Nữ        → birthYearFemale (Năm sinh (Nữ))');
    expect(block).toContain('    H   Số tiền / Số tháng   → months (Số tháng)');
    expect(block).toContain('    I   Số tiền / Thành tiền → amount (Số tiền)');
    const arrows = block.split('\n').filter((l) => l.includes(' → ')).map((l) => [...l.slice(0, l.indexOf(' → '))].length);
    expect(new Set(arrows).size).toBe(1);
  });

  it('counts data and skipped rows by reason per sheet', () => {
    expect(sheetBlock('Thôn 1')).toContain('Số dòng          : dữ liệu 3, bị loại 0, bỏ qua 10');
    expect(sheetBlock('Thôn 3')).toContain('Số dòng          : dữ liệu 4, bị loại 0, bỏ qua 10');
    expect(sheetBlock('Thôn 3')).toContain('Bỏ qua theo lý do: dòng trống 1, tiêu đề mục 1, dòng tổng 1, chữ ký 6, ghi chú/bằng chữ 1');
    expect(report.sheets.map((s) => s.stats?.rowsRead ?? null)).toEqual([3, 2, 4, 0]);
  });

  it('shows the first records as they will be stored', () => {
    const block = sheetBlock('Thôn 3');
    expect(block).toContain('2 dòng đầu sẽ được lưu:');
    expect(block).toContain('dòng 10: Người Thôn 3 Số 1 | 1950 | Nam | CCCD 001050003000 | Thôn 3 | Xã An Bình (25615) | nhóm NCC "Người có công" | 3 tháng | 1.500.000 đ');
    expect(block).toMatch(/dòng 11: Người Thôn 3 Số 2 \| 1951 \| Nữ \|/);
    expect(block).not.toContain('dòng 12:');
  });

  it('names the sheet that is not a data sheet, with the reason', () => {
    expect(text).toContain('Trang "Thuyết minh": không phải trang dữ liệu (không tìm thấy dòng tiêu đề cột');
  });
});
