import { writeFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import type { Role } from '../domain/index.js';
import { dmy, toDate } from './cell-format.js';
import { SheetPen } from './list-sheet.js';
import type { Person, RegisterEntry, RowRef } from './model.js';
import { newWorkbook, saveWorkbook } from './write-lists.js';
import type { PopulationRow, World } from './world.js';

type Cell = ExcelJS.CellValue;

interface RegisterSheet {
  readonly sheet: string;
  readonly title: string;
  readonly subtitle: string;
  readonly headers: readonly string[];
  readonly rows: readonly { key: string; cells: readonly Cell[] }[];
}

/** Writes a register workbook: title block, one header row, data rows; returns each row's number. */
async function writeRegisterWorkbook(path: string, file: string, role: Role, creator: string, sheets: readonly RegisterSheet[]): Promise<Map<string, RowRef>> {
  const wb = newWorkbook(creator);
  const refs = new Map<string, RowRef>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.sheet);
    const pen = new SheetPen(ws, false);
    const n = s.headers.length;
    s.headers.forEach((_, i) => {
      ws.getColumn(i + 1).width = i === 1 ? 26 : 14;
    });
    pen.set(1, 1, s.title, { bold: true, center: true });
    pen.merge(1, 1, 1, n);
    pen.set(2, 1, s.subtitle, { center: true });
    pen.merge(2, 1, 2, n);
    let r = 4;
    s.headers.forEach((h, i) => pen.set(r, i + 1, h, { bold: true, center: true }));
    r += 1;
    for (const row of s.rows) {
      row.cells.forEach((v, i) => {
        if (v === null || v === undefined) return;
        pen.set(r, i + 1, v, v instanceof Date ? { numFmt: 'dd/mm/yyyy' } : {});
      });
      refs.set(row.key, { role, file, sheet: s.sheet, row: r });
      r += 1;
    }
  }
  await saveWorkbook(wb, path);
  return refs;
}

const genderText = (p: Person): string => (p.gender === 'M' ? 'Nam' : 'Nữ');

/** Writes the five xlsx registers; returns row refs by register key, and the files by role. */
export async function writeRegisters(world: World, dir: string): Promise<{ refs: Map<string, RowRef>; files: { file: string; role: Role }[] }> {
  const refs = new Map<string, RowRef>();
  const files: { file: string; role: Role }[] = [];
  const district = world.area.districtName;
  const village = (p: Person): string => world.commune(p.communeIndex).villages[p.villageIndex] ?? '';
  const communeName = (p: Person): string => world.commune(p.communeIndex).name;
  const address = (p: Person): string => `${village(p)}, ${communeName(p).replace(/^Xã/, 'xã')}`;
  const byKind = (kind: RegisterEntry['kind']): RegisterEntry[] =>
    world.registers.filter((e) => e.kind === kind).sort((a, b) => a.person.communeIndex - b.person.communeIndex || a.person.uid - b.person.uid);
  const add = async (file: string, role: Role, creator: string, sheets: RegisterSheet[]): Promise<void> => {
    const written = await writeRegisterWorkbook(`${dir}/${file}`, file, role, creator, sheets);
    for (const [k, v] of written) refs.set(k, v);
    files.push({ file, role });
  };

  await add('register-deceased.xlsx', 'register:deceased', 'Phòng Tư pháp', [
    {
      sheet: 'Khai tử',
      title: 'DANH SÁCH NGƯỜI ĐÃ CHẾT (TRÍCH SỔ ĐĂNG KÝ KHAI TỬ)',
      subtitle: `${district}, từ 01/01/2018 đến 30/09/2020`,
      headers: ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Số CMND/CCCD', 'Thôn', 'Xã', 'Ngày chết', 'Ghi chú'],
      rows: byKind('deceased').map((e, i) => ({
        key: e.key,
        cells: [i + 1, e.person.fullName, e.person.birth.y, genderText(e.person), e.person.idNumber, village(e.person), communeName(e.person), e.from ? toDate(e.from) : null, null],
      })),
    },
  ]);
  await add('register-pension.xlsx', 'register:pension', 'BHXH huyện', [
    {
      sheet: 'Danh sách',
      title: 'DANH SÁCH NGƯỜI HƯỞNG LƯƠNG HƯU, TRỢ CẤP BHXH HẰNG THÁNG',
      subtitle: `${district} - tháng 4/2020`,
      headers: ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh cá nhân', 'Địa chỉ', 'Loại hưởng', 'Mức hưởng (đồng/tháng)', 'Từ tháng'],
      rows: byKind('pension').map((e, i) => ({
        key: e.key,
        cells: [i + 1, e.person.fullName, toDate(e.person.birth), genderText(e.person), e.person.idNumber, address(e.person), e.detail, e.amount, e.from ? `${String(e.from.m).padStart(2, '0')}/${e.from.y}` : null],
      })),
    },
  ]);
  await add('register-unemployment.xlsx', 'register:unemployment', 'Trung tâm Dịch vụ việc làm', [
    {
      sheet: 'TCTN 2020',
      title: 'DANH SÁCH NGƯỜI HƯỞNG TRỢ CẤP THẤT NGHIỆP NĂM 2020',
      subtitle: district,
      headers: ['STT', 'Họ tên', 'Năm sinh', 'Giới tính', 'Số CMND/CCCD', 'Địa chỉ', 'Số tháng hưởng', 'Từ ngày', 'Đến ngày'],
      rows: byKind('unemployment').map((e, i) => ({
        key: e.key,
        cells: [i + 1, e.person.fullName, e.person.birth.y, genderText(e.person), e.person.idNumber, address(e.person), e.amount, e.from ? dmy(e.from) : null, e.to ? dmy(e.to) : null],
      })),
    },
  ]);
  await add('register-payroll.xlsx', 'register:payroll', 'Phòng Nội vụ', [
    {
      sheet: 'CBCCVC',
      title: 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC HƯỞNG LƯƠNG TỪ NGÂN SÁCH NHÀ NƯỚC',
      subtitle: `${district} - quý II/2020`,
      headers: ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Số CCCD/CMND', 'Đơn vị công tác', 'Chức vụ', 'Xã'],
      rows: byKind('payroll').map((e, i) => {
        const [unit = '', post = ''] = (e.detail ?? '').split('|');
        return { key: e.key, cells: [i + 1, e.person.fullName, e.person.birth.y, genderText(e.person), e.person.idNumber, `${unit} ${world.commune(e.person.communeIndex).bareName}`, post, communeName(e.person)] };
      }),
    },
  ]);
  await add(
    'register-poor-2019.xlsx',
    'register:poor-2019',
    'Phòng Lao động - Thương binh và Xã hội',
    world.communes.map((c) => ({
      sheet: c.bareName.slice(0, 31),
      title: 'DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO ĐẾN 31/12/2019',
      subtitle: `${c.name} - ${district} - ${world.area.provinceName}`,
      headers: ['STT', 'Mã hộ', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Số CMND/CCCD', 'Quan hệ với chủ hộ', 'Thôn', 'Phân loại'],
      rows: world.poor
        .filter((h) => h.person.communeIndex === c.index)
        .sort((a, b) => (a.householdCode < b.householdCode ? -1 : a.householdCode > b.householdCode ? 1 : 0) || a.person.uid - b.person.uid)
        .map((h, i) => ({
          key: h.key,
          cells: [i + 1, h.householdCode, h.person.fullName, h.person.birth.y, genderText(h.person), h.person.idNumber, h.person.relation, village(h.person), h.kind === 'HN' ? 'Hộ nghèo' : 'Hộ cận nghèo'],
        })),
    })),
  );
  return { refs, files };
}

/** CSV text: UTF-8 with BOM, the given delimiter, CRLF; fields quoted where needed. */
export function csvText(rows: readonly (readonly (string | number | null)[])[], delimiter: string): string {
  const quote = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    return /["\r\n]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(quote).join(delimiter)).join('\r\n')}\r\n`;
}

/** Writes `register-population.csv` (',' delimiter); line 1 is the header. */
export async function writePopulation(rows: readonly PopulationRow[], dir: string): Promise<Map<string, RowRef>> {
  const file = 'register-population.csv';
  const refs = new Map<string, RowRef>();
  const lines: (string | number | null)[][] = [['Mã xã', 'Xã/phường/thị trấn', 'Số hộ', 'Dân số']];
  rows.forEach((r, i) => {
    const name = i % 3 === 1 ? r.name.replace(/^(Xã|Phường|Thị trấn)\s+/, '') : r.name;
    lines.push([r.code, name, r.households, r.population]);
    refs.set(r.key, { role: 'register:population', file, sheet: 'register-population', row: i + 2 });
  });
  await writeFile(`${dir}/${file}`, csvText(lines, ','), 'utf8');
  return refs;
}
