import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Role } from '../domain/index.js';
import { dmy } from './cell-format.js';
import { beneficiaryColumns, GROUP_SHEET_NAMES, GROUP_TITLES, payoutColumns } from './labels.js';
import { type ListSheetSpec, writeFooter, writeGrandTotal, writeListSheet } from './list-sheet.js';
import type { Commune, Entry, GroupCode, RowRef } from './model.js';
import { GROUP_ORDER } from './rates.js';
import { stabilizeZip } from './stable-zip.js';
import type { World } from './world.js';

/** The fixed creation date of every workbook, so that the same seed gives the same files. */
export const FIXED_DATE = new Date(Date.UTC(2020, 5, 30, 8, 0, 0));

/** A new workbook with fixed metadata. */
export function newWorkbook(creator: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** Writes a workbook with fixed zip timestamps: the same workbook always gives the same bytes. */
export async function saveWorkbook(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await writeFile(path, stabilizeZip(buffer, FIXED_DATE));
}

/** Sorts list rows by group, then by the row's drawn position (households stay together). */
export function sortEntries(world: World, entries: readonly Entry[]): Entry[] {
  return [...entries].sort((a, b) => {
    const g = GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group);
    if (g !== 0) return g;
    return (world.order.get(a.key) ?? 0) - (world.order.get(b.key) ?? 0);
  });
}

/** What a list writer needs: the commune, its rows, and where to write. */
export interface ListFileOptions {
  readonly world: World;
  readonly commune: Commune;
  readonly entries: readonly Entry[];
  readonly dir: string;
  readonly file: string;
  /** Payouts: the index (among written sheets) of the sheet written in TCVN3; approved lists: the whole file. */
  readonly tcvn3: number | boolean | null;
  /** Payouts: the index (among written sheets) of the sheet written in VNI-Windows. */
  readonly vni?: number | null;
}

interface SheetPlan {
  readonly sheet: string;
  readonly spec: ListSheetSpec;
  readonly entries: Entry[];
}

async function writeWorkbook(options: ListFileOptions, plans: readonly SheetPlan[], role: Role): Promise<Map<string, RowRef>> {
  const { world, commune, file } = options;
  const wb = newWorkbook(`UBND ${commune.name}`);
  const refs = new Map<string, RowRef>();
  const parts: { sheet: string; cell: string | null; total: number }[] = [];
  const signers = [world.factory.drawName('F'), world.factory.drawName('M'), world.factory.drawName('M')];
  plans.forEach((plan, i) => {
    const ws = wb.addWorksheet(plan.sheet);
    const written = writeListSheet(ws, plan.spec, plan.entries);
    for (const [key, row] of written.rows) refs.set(key, { role, file, sheet: plan.sheet, row });
    parts.push({ sheet: plan.sheet, cell: written.totalCell, total: written.total });
    let next = written.nextRow;
    let total = written.total;
    if (i === plans.length - 1 && plans.length > 1) {
      next = writeGrandTotal(ws, plan.spec, next, parts);
      total = parts.reduce((s, p) => s + p.total, 0);
    }
    writeFooter(ws, plan.spec, next + 1, total, signers);
  });
  await saveWorkbook(wb, join(options.dir, file));
  return refs;
}

function baseSpec(world: World, commune: Commune): Pick<ListSheetSpec, 'commune' | 'districtName' | 'provinceName' | 'styleIndex'> {
  return { commune, districtName: world.area.districtName, provinceName: world.area.provinceName, styleIndex: commune.style };
}

/** The "Cộng thôn 1" label of a village. */
function villageTotalLabel(village: string): string {
  return `Cộng ${village.charAt(0).toLowerCase()}${village.slice(1)}`;
}

/** Writes `payouts-<commune>.xlsx`: one sheet per village. */
export async function writePayoutWorkbook(options: ListFileOptions): Promise<Map<string, RowRef>> {
  const { world, commune, entries, tcvn3 } = options;
  const style = commune.style;
  const variant = commune.index >= 3;
  const plans: SheetPlan[] = [];
  commune.villages.forEach((village, v) => {
    const rows = sortEntries(world, entries.filter((e) => e.villageIndex === v));
    if (rows.length === 0) return;
    const payDate = rows[0]?.paidDate ?? { y: 2020, m: 5, d: 20 };
    plans.push({
      sheet: village,
      entries: rows,
      spec: {
        ...baseSpec(world, commune),
        name: village,
        title: style === 2 ? 'DANH SÁCH KÝ NHẬN TIỀN HỖ TRỢ THEO NGHỊ QUYẾT 42/NQ-CP' : 'DANH SÁCH CHI TRẢ HỖ TRỢ NGƯỜI DÂN GẶP KHÓ KHĂN DO ĐẠI DỊCH COVID-19 THEO NGHỊ QUYẾT 42/NQ-CP',
        subtitle:
          style === 0
            ? `${village} - ${commune.name} - ${world.area.districtName} - ${world.area.provinceName}`
            : style === 1
              ? `Địa bàn: ${village}, ${commune.bareName}`
              : `${village}, ${commune.name}`,
        columns: payoutColumns(style, variant, commune.index === world.householdRowsCommune),
        amountFormat: style === 0 ? 'number' : style === 1 ? 'dotted' : 'dotted-d',
        dateCells: style !== 1,
        idAsNumber: style === 0,
        numberRow: style === 0,
        groupSections: style !== 2,
        villageHeading: style !== 2 ? village : null,
        shortTitle: style === 2,
        tcvn3: tcvn3 === plans.length, // counts written sheets: empty villages get none
        vni: options.vni === plans.length,
        totalLabel: villageTotalLabel(village),
        signDate: `ngày ${payDate.d} tháng ${payDate.m} năm 2020`,
      },
    });
  });
  return writeWorkbook(options, plans, 'payouts');
}

/**
 * Writes `beneficiaries-<commune>.xlsx`: one sheet per village with a group column, or (odd
 * communes) one sheet per group, the group then only in the sheet name and title.
 */
export async function writeBeneficiaryWorkbook(options: ListFileOptions): Promise<Map<string, RowRef>> {
  const { world, commune, entries } = options;
  const tcvn3 = options.tcvn3 === true;
  const style = commune.style;
  const perGroup = commune.index % 2 === 1;
  const approved = { y: 2020, m: 4, d: 28 + (commune.index % 3) };
  const common = {
    ...baseSpec(world, commune),
    columns: beneficiaryColumns(style, perGroup, commune.index === world.householdRowsCommune),
    amountFormat: style === 1 ? ('dotted' as const) : ('number' as const),
    dateCells: true,
    idAsNumber: style === 0,
    numberRow: style === 0,
    shortTitle: style === 2,
    tcvn3,
    signDate: `ngày ${approved.d} tháng ${approved.m} năm 2020`,
  };
  const plans: SheetPlan[] = [];
  if (perGroup) {
    for (const group of GROUP_ORDER) {
      const rows = [...entries.filter((e) => e.group === group)].sort(
        (a, b) => a.villageIndex - b.villageIndex || (world.order.get(a.key) ?? 0) - (world.order.get(b.key) ?? 0),
      );
      if (rows.length === 0) continue;
      plans.push({
        sheet: GROUP_SHEET_NAMES[group as GroupCode],
        entries: rows,
        spec: {
          ...common,
          name: GROUP_SHEET_NAMES[group],
          title: `${GROUP_TITLES[group]} THEO NGHỊ QUYẾT 42/NQ-CP`,
          subtitle: `${commune.bareName} - (Kèm theo Quyết định phê duyệt ngày ${dmy(approved)} của Chủ tịch UBND ${world.area.districtName})`,
          groupSections: false,
          villageHeading: null,
          totalLabel: 'Cộng',
        },
      });
    }
  } else {
    commune.villages.forEach((village, v) => {
      const rows = sortEntries(world, entries.filter((e) => e.villageIndex === v));
      if (rows.length === 0) return;
      plans.push({
        sheet: village,
        entries: rows,
        spec: {
          ...common,
          name: village,
          title: 'DANH SÁCH ĐỐI TƯỢNG ĐƯỢC HỖ TRỢ THEO NGHỊ QUYẾT 42/NQ-CP',
          subtitle: `${village} - ${style === 1 ? commune.bareName : commune.name} - ${world.area.districtName}`,
          groupSections: style === 0,
          villageHeading: null,
          totalLabel: villageTotalLabel(village),
        },
      });
    });
  }
  return writeWorkbook(options, plans, 'beneficiaries');
}
