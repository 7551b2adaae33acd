import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/domain/index.js';
import {
  AdminResolver,
  cleanText,
  displayName,
  normalizePhone,
  parseAmount,
  parseDate,
  parseIdNumber,
  parsePeriod,
  resolveGroup,
  NQ42_GROUP_LABELS,
} from '../../src/normalize/index.js';

const dir = mkdtempSync(join(tmpdir(), 'normalize-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads a cell the way a spreadsheet reader hands it over: primitives and Dates as they are. */
function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object' && 'error' in v) return { error: String(v.error) };
  return null;
}

describe('normalising cells of a real workbook', () => {
  it('turns what Excel stored into canonical values', async () => {
    const path = join(dir, 'chi-tra.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hộ nghèo');
    ws.addRow(['DANH SÁCH CHI TRẢ HỖ TRỢ HỘ NGHÈO XÃ AN BÌNH, HUYỆN PHÚ GIÁO, TỈNH BÌNH DƯƠNG']);
    ws.addRow(['Họ và tên', 'Số CCCD', 'Ngày sinh', 'Số tiền', 'Điện thoại', 'Tháng']);
    ws.addRow(['NguyÔn V¨n Hïng', 74084000999, new Date(Date.UTC(1984, 2, 5)), '2.250.000đ', 912345678, 'T4-T6/2020']);
    ws.addRow(['Traàn Thò Thuyù', '074184000123', 30822, 1500000, '+84 987 654 321', '4,5,6/2020']);
    await wb.xlsx.writeFile(path);

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path);
    const sheet = back.getWorksheet('Hộ nghèo');
    expect(sheet).toBeDefined();
    const row = (n: number): CellValue[] => [1, 2, 3, 4, 5, 6].map((c) => cellValue(sheet?.getRow(n).getCell(c).value ?? null));

    const title = cleanText(row(1)[0] ?? null).text ?? '';
    expect(resolveGroup(sheet?.name ?? '', NQ42_GROUP_LABELS)).toBe('HN');
    expect(AdminResolver.load().resolve({ text: title })).toMatchObject({ communeCode: '25870', resolved: true });

    const [name1, id1, birth1, amount1, phone1, period1] = row(3);
    expect(cleanText(name1 ?? null)).toEqual({ text: 'Nguyễn Văn Hùng', flags: ['LEGACY_ENCODING_TCVN3'] });
    expect(parseIdNumber(id1 ?? null)).toMatchObject({ value: '074084000999', kind: 'CCCD', birthYear: 1984, gender: 'M', flags: ['ID_LEADING_ZERO_RESTORED'] });
    expect(parseDate(birth1 ?? null)).toEqual({ date: '1984-03-05', year: 1984 });
    expect(parseAmount(amount1 ?? null)).toBe(2250000);
    expect(normalizePhone(phone1 ?? null)).toBe('0912345678');
    expect(parsePeriod(period1 ?? null)).toBe('2020-04,2020-05,2020-06');

    const [name2, id2, birth2, amount2, phone2, period2] = row(4);
    expect(displayName(cleanText(name2 ?? null).text ?? '')).toBe('Trần Thị Thúy');
    expect(parseIdNumber(id2 ?? null)).toMatchObject({ value: '074184000123', gender: 'F', birthYear: 1984, flags: [] });
    expect(parseDate(birth2 ?? null, { serial: true })).toEqual({ date: '1984-05-20', year: 1984 });
    expect(parseAmount(amount2 ?? null)).toBe(1500000);
    expect(normalizePhone(phone2 ?? null)).toBe('0987654321');
    expect(parsePeriod(period2 ?? null)).toBe('2020-04,2020-05,2020-06');
  });
});
