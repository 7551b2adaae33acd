import { writeFile } from 'node:fs/promises';
import { dmy } from './cell-format.js';
import { GROUP_LABELS } from './labels.js';
import type { RowRef } from './model.js';
import { type ListFileOptions, sortEntries } from './write-lists.js';
import { csvText } from './write-registers.js';

/**
 * Writes a commune's payouts as CSV exported from a spreadsheet program: UTF-8 with BOM, ';' as
 * delimiter, header on line 1, one line per payment. The `sheet` of its row refs is the file's base
 * name, as a spreadsheet program shows a CSV's only sheet.
 */
export async function writePayoutCsv(options: ListFileOptions): Promise<Map<string, RowRef>> {
  const { world, commune, entries, dir, file } = options;
  const sheet = file.replace(/\.csv$/i, '');
  const refs = new Map<string, RowRef>();
  const lines: (string | number | null)[][] = [
    ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Số CMND/CCCD', 'Mã hộ', 'Thôn', 'Xã', 'Huyện', 'Đối tượng', 'Số tháng', 'Số tiền', 'Ngày chi trả', 'Ghi chú'],
  ];
  const ordered = commune.villages.flatMap((_, v) => sortEntries(world, entries.filter((e) => e.villageIndex === v)));
  ordered.forEach((e, i) => {
    const p = e.person;
    const poor = e.group === 'HN' || e.group === 'HCN';
    const year = e.shown.birthYear === undefined ? p.birth.y : e.shown.birthYear;
    const id = e.shown.id === undefined ? p.idNumber : e.shown.id;
    const amount = e.shown.amount === undefined ? e.amount : e.shown.amount;
    const group = e.shown.group === undefined ? GROUP_LABELS[e.group][p.uid % 2] ?? null : e.shown.group;
    lines.push([
      i + 1,
      e.shown.name ?? p.fullName,
      year,
      (e.shown.gender ?? p.gender) === 'M' ? 'Nam' : 'Nữ',
      id,
      poor ? p.householdCode : null,
      commune.villages[e.villageIndex] ?? null,
      e.shown.commune ?? commune.name,
      world.area.districtName,
      group,
      e.months,
      amount,
      e.paidDate ? dmy(e.paidDate) : null,
      e.shown.note ?? null,
    ]);
    refs.set(e.key, { role: 'payouts', file, sheet, row: i + 2 });
  });
  await writeFile(`${dir}/${file}`, csvText(lines, ';'), 'utf8');
  return refs;
}
