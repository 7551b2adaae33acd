/**
 * Generates a realistic province payout workbook for the xlsx reader bench: a title row, a header row
 * and `rows` payout rows of 12 columns (shared strings, numbers, dates), written with exceljs's
 * streaming WorkbookWriter so that even a million rows fit in bounded memory.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import { mulberry32 as random } from '../../src/samples/index.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quang', 'Xuân', 'Kim'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Hà', 'Hải', 'Hoa', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phương', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Việt', 'Yến'];
const GROUPS = ['Người có công', 'Bảo trợ xã hội', 'Hộ nghèo', 'Hộ cận nghèo', 'Lao động tự do', 'Hộ kinh doanh'];
const COMMUNES = ['Xã Tân Lập', 'Xã Hòa Bình', 'Xã Phú Mỹ', 'Xã Quảng Phú', 'Xã Đông Sơn', 'Xã Nghĩa Trung', 'Xã Yên Lạc', 'Xã Thạch Hà'];


function pick<T>(list: readonly T[], r: number): T {
  const value = list[Math.floor(r * list.length)];
  if (value === undefined) throw new Error('empty list');
  return value;
}

/**
 * Writes the payout workbook to `path` unless it already exists (generation of a million rows takes minutes).
 * @example await ensurePayoutWorkbook(1_000_000, '.cache/bench/payouts-1000000.xlsx');
 */
export async function ensurePayoutWorkbook(rows: number, path: string): Promise<void> {
  if (existsSync(path)) return;
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Danh sách chi trả');
  const rnd = random(42);
  const title = sheet.addRow(['DANH SÁCH CHI TRẢ HỖ TRỢ THEO NGHỊ QUYẾT 42/NQ-CP']);
  sheet.mergeCells('A1:L1');
  title.commit();
  sheet
    .addRow(['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Số CCCD', 'Địa chỉ', 'Thôn', 'Xã', 'Đối tượng', 'Số tháng', 'Số tiền', 'Ngày chi trả'])
    .commit();
  for (let i = 1; i <= rows; i++) {
    const female = rnd() < 0.5;
    const name = `${pick(FAMILY, rnd())} ${female ? 'Thị' : pick(MIDDLE, rnd())} ${pick(GIVEN, rnd())}`;
    const commune = pick(COMMUNES, rnd());
    const village = `Thôn ${1 + Math.floor(rnd() * 12)}`;
    const months = 1 + Math.floor(rnd() * 3);
    const id = String(Math.floor(rnd() * 1e12)).padStart(12, '0');
    const day = new Date(Date.UTC(2020, 3 + Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 28)));
    const row = sheet.addRow([
      i,
      name,
      1930 + Math.floor(rnd() * 75),
      female ? 'Nữ' : 'Nam',
      id,
      `${village}, ${commune}`,
      village,
      commune,
      pick(GROUPS, rnd()),
      months,
      months * 500_000,
      day,
    ]);
    row.getCell(12).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  await rename(partial, path);
}
