import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_LABELS, REVIEW_STATUS_LABELS } from '../../src/domain/index.js';
import type { ReportFinding } from '../../src/report/index.js';
import { FINDINGS_SHEET_NAMES, FINDING_HEADERS, safeText, writeFindingsWorkbook } from '../../src/report/index.js';
import { INJECTION_NAMES, makeFinding, makeFindings, makeReportInput } from './report-fixture.js';
import { cellXfs, zipText } from './zip-text.js';

const PER_CATEGORY = 60;
const HEADERS = Object.values(FINDING_HEADERS);
const col = (header: string) => HEADERS.indexOf(header as (typeof HEADERS)[number]) + 1;

let dir = '';
let path = '';
let workbook: ExcelJS.Workbook;
const streamed: ReportFinding[] = [];

async function* findings(): AsyncGenerator<ReportFinding> {
  for (const finding of makeFindings(PER_CATEGORY)) {
    streamed.push(finding);
    yield finding;
  }
  // Hostile and empty values, all on the first category sheet.
  for (const [index, name] of INJECTION_NAMES.entries()) {
    const finding = makeFinding(10_000 + index, 'wrong_recipient', {
      subject: { name, idNumber: null, commune: null },
      village: null,
      groupCode: null,
      amountPaid: null,
      birthYear: null,
      note: name,
      explanation: `${name} — diễn giải`,
    });
    streamed.push(finding);
    yield finding;
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-test-'));
  path = join(dir, 'findings.xlsx');
  const result = await writeFindingsWorkbook(makeReportInput(findings(), { maskIds: true }), path);
  expect(result.findings).toBe(PER_CATEGORY * CATEGORIES.length + INJECTION_NAMES.length);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sheet(name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

describe('writeFindingsWorkbook', () => {
  it('writes the eight sheets in the contract order', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Tổng hợp',
      'Sai đối tượng',
      'Trùng lặp',
      'Sai số tiền',
      'Chất lượng dữ liệu',
      'Bất thường thống kê',
      'Theo xã',
      'Quy tắc',
    ]);
    expect(FINDINGS_SHEET_NAMES).toEqual(workbook.worksheets.map((ws) => ws.name));
  });

  it('puts every finding on its category sheet, under the Vietnamese headers', () => {
    for (const category of CATEGORIES) {
      const ws = sheet(CATEGORY_LABELS[category]);
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(HEADERS);
      const expected = streamed.filter((f) => f.category === category);
      const ids: string[] = [];
      for (let r = 2; r <= ws.rowCount; r += 1) ids.push(String(ws.getCell(r, 1).value));
      expect(ids).toEqual(expected.map((f) => f.id));
    }
  });

  it('formats amounts, years and dates, colours severity and wraps the explanation', () => {
    const ws = sheet('Trùng lặp');
    const first = streamed.find((f) => f.category === 'duplicate' && f.reviewedAt !== null);
    if (first === undefined) throw new Error('fixture has no reviewed duplicate');
    const r = streamed.filter((f) => f.category === 'duplicate').indexOf(first) + 2;
    expect(ws.getCell(r, col('Số tiền đã chi')).value).toBe(1_500_000);
    expect(ws.getCell(r, col('Số tiền đã chi')).numFmt).toBe('#,##0');
    expect(ws.getCell(r, col('Số tiền có nguy cơ sai')).value).toBe(first.amountAtRisk);
    expect(ws.getCell(r, col('Số tiền có nguy cơ sai')).numFmt).toBe('#,##0');
    expect(ws.getCell(r, col('Năm sinh')).value).toBe(first.birthYear);
    const reviewed = ws.getCell(r, col('Ngày xem xét'));
    expect(reviewed.numFmt).toBe('dd/mm/yyyy');
    // 10:00 UTC on 15 June is 17:00 the same day in Vietnam.
    expect(reviewed.value).toEqual(new Date('2020-06-15T00:00:00Z'));
    expect(ws.getCell(r, col('Diễn giải')).alignment?.wrapText).toBe(true);
    // Two source lines: the row is made tall enough, since LibreOffice does not fit it on opening.
    expect(ws.getRow(r).height).toBeGreaterThanOrEqual(30);
    expect(ws.getCell(r, col('Nguồn')).value).toBe(
      first.records.map((rec) => `${rec.file} › ${rec.sheet} › dòng ${rec.row}`).join('\n'),
    );
    const fills = new Map<string, string | undefined>();
    for (let row = 2; row <= ws.rowCount; row += 1) {
      const cell = ws.getCell(row, col('Mức độ'));
      const fill = cell.fill;
      fills.set(String(cell.value), fill?.type === 'pattern' ? fill.fgColor?.argb : undefined);
    }
    expect(new Set(fills.keys())).toEqual(new Set(['Cao', 'Trung bình', 'Thấp']));
    expect(new Set(fills.values()).size).toBe(3);
    expect([...fills.values()].every((argb) => typeof argb === 'string')).toBe(true);
  });

  it('freezes and filters the header row and repeats it on printed pages in landscape', () => {
    for (const name of FINDINGS_SHEET_NAMES.slice(1)) {
      const ws = sheet(name);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.pageSetup.printTitlesRow).toBe('1:1');
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
    }
    const ws = sheet('Sai số tiền');
    expect(ws.autoFilter).toBe(`A1:Q${PER_CATEGORY + 1}`);
  });

  it('offers the five status labels as a drop-down on every finding row', () => {
    const ws = sheet('Chất lượng dữ liệu');
    const labels = Object.values(REVIEW_STATUS_LABELS);
    for (let r = 2; r <= PER_CATEGORY + 1; r += 1) {
      const validation = ws.getCell(r, col('Trạng thái')).dataValidation;
      expect(validation?.type).toBe('list');
      expect(validation?.formulae).toEqual([`"${labels.join(',')}"`]);
    }
    expect(ws.getCell(PER_CATEGORY + 2, col('Trạng thái')).dataValidation).toBeUndefined();
    expect(ws.getCell(2, col('Ghi chú')).dataValidation).toBeUndefined();
  });

  it('protects the category sheets, leaving only status and note editable', () => {
    const ws = sheet('Bất thường thống kê');
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, autoFilter: true });
    expect(protection).not.toHaveProperty('hashValue');
    for (let c = 1; c <= HEADERS.length; c += 1) {
      const locked = ws.getCell(3, c).protection?.locked !== false;
      const editable = c === col('Trạng thái') || c === col('Ghi chú');
      expect({ column: HEADERS[c - 1], locked }).toEqual({ column: HEADERS[c - 1], locked: !editable });
    }
  });

  it('masks ID numbers when asked to', () => {
    const ws = sheet('Sai đối tượng');
    const first = streamed.find((f) => f.category === 'wrong_recipient');
    expect(first?.subject.idNumber).toMatch(/^\d{12}$/);
    const shown = String(ws.getCell(2, col('Số CMND/CCCD')).value);
    expect(shown).toBe(`${first?.subject.idNumber?.slice(0, 3)}******${first?.subject.idNumber?.slice(-3)}`);
  });

  it('keeps formula-like texts literal, as quote-prefixed string cells', async () => {
    const ws = sheet('Sai đối tượng');
    const names = new Map<string, number>();
    for (let r = 2; r <= ws.rowCount; r += 1) {
      const value = ws.getCell(r, col('Họ và tên')).value;
      if (typeof value === 'string') names.set(value, r);
    }
    const xfs = cellXfs(await zipText(path, 'xl/styles.xml'));
    const sheetXml = await zipText(path, 'xl/worksheets/sheet2.xml');
    for (const name of INJECTION_NAMES) {
      // safeText only turns the carriage return into a line feed, as any XML reader would.
      expect(safeText(name)).toBe(name.replace('\r', '\n'));
      const r = names.get(safeText(name));
      expect(r, `row of ${JSON.stringify(name)}`).toBeDefined();
      const cell = ws.getCell(r ?? 0, col('Họ và tên'));
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(r ?? 0, col('Ghi chú')).value).toBe(safeText(name));
      const xml = new RegExp(`<c r="D${r}" s="(\\d+)" t="str">`).exec(sheetXml);
      expect(xml).not.toBeNull();
      expect(xfs[Number(xml?.[1])]).toContain('quotePrefix="1"');
    }
    // Ordinary names are not quote-prefixed.
    const plain = /<c r="D2" s="(\d+)" t="str">/.exec(sheetXml);
    expect(xfs[Number(plain?.[1])]).not.toContain('quotePrefix');
    expect(sheetXml).not.toContain('<f>');
    // A file name on the summary sheet is a text too.
    const summary = sheet('Tổng hợp');
    let found = false;
    summary.eachRow((row) => row.eachCell((cell) => (found ||= cell.value === '=cmd|calc.xlsx')));
    expect(found).toBe(true);
  });

  it('writes sheet elements in schema order, with no external links', async () => {
    const xml = await zipText(path, 'xl/worksheets/sheet3.xml');
    const order = ['</sheetData>', '<sheetProtection', '<autoFilter', '<dataValidations', '<pageMargins', '<pageSetup', '<headerFooter'];
    const positions = order.map((tag) => xml.indexOf(tag));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const types = await zipText(path, '[Content_Types].xml');
    expect(types).not.toContain('externalLink');
    expect(xml).not.toContain('hyperlink');
  });

  it('summarises inputs and totals by category, rule, commune and status', () => {
    const ws = sheet('Tổng hợp');
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const rowStarting = (label: string) => rows.find((r) => r[0] === label);
    expect(rowStarting('Phiên bản bộ quy tắc')?.[1]).toBe('2020.1');
    expect(rowStarting('Tổng số phát hiện')?.[1]).toBe(streamed.length);
    expect(rowStarting('Tổng số tiền có nguy cơ sai (đồng)')?.[1]).toBe(streamed.reduce((s, f) => s + f.amountAtRisk, 0));
    // 03:04:05 UTC is 10:04:05 in Vietnam.
    expect(rowStarting('Thời điểm lập (giờ Việt Nam)')?.[1]).toEqual(new Date('2026-11-29T10:04:05Z'));
    const payouts = rowStarting('Danh sách chi trả');
    expect(payouts?.slice(1, 5)).toEqual(['payouts-xa-a.xlsx', 'Cả tệp', 120, 3]);
    expect(payouts?.[5]).toBe('a'.repeat(64));
    expect(rows.some((r) => r[2] === 'Thôn 2' && r[3] === 50 && r[4] === 2)).toBe(true);
    for (const category of CATEGORIES) {
      const inCategory = streamed.filter((f) => f.category === category);
      const row = rowStarting(CATEGORY_LABELS[category]);
      expect(row?.[1]).toBe(inCategory.length);
      expect(row?.[5]).toBe(inCategory.reduce((s, f) => s + f.amountAtRisk, 0));
    }
    const deceased = streamed.filter((f) => f.rule === 'DECEASED');
    const rule = rowStarting('DECEASED');
    expect(rule?.[4]).toBe(deceased.length);
    expect(rule?.[5]).toBe(deceased.reduce((s, f) => s + f.amountAtRisk, 0));
    expect(rowStarting('Xác nhận sai phạm')?.[1]).toBe(streamed.filter((f) => f.status === 'confirmed').length);
  });

  it('lists communes with totals and every rule with its thresholds', () => {
    const communes = sheet('Theo xã');
    expect(communes.getCell(2, 1).value).toBe('00001');
    expect(communes.getCell(2, 5).numFmt).toBe('#,##0');
    expect(communes.getCell(5, 2).value).toBe('Tổng cộng');
    expect(communes.getCell(5, 5).value).toBe(150_000_000 * 6);
    const rules = sheet('Quy tắc');
    expect(rules.getCell(1, 6).value).toBe('Ngưỡng áp dụng');
    expect(rules.getCell(2, 1).value).toBe('DECEASED');
    expect(rules.getCell(2, 4).value).toBe('Điều 2, Quyết định 15/2020/QĐ-TTg');
    expect(rules.getCell(2, 6).value).toBe('tolerance = 1.500.000\nratio = 0,85\ngroups = NCC, BTXH');
    expect(rules.getCell(2, 7).value).toBe(streamed.filter((f) => f.rule === 'DECEASED').length);
  });

  it('records creator, title and the generation time as document properties', () => {
    expect(workbook.creator).toBe('ansinh-audit');
    expect(workbook.title).toBe('Kiểm tra chi trả hỗ trợ COVID-19 năm 2020 — Quận Ba Đình & phụ cận');
    expect(workbook.created).toEqual(new Date('2026-11-29T03:04:05Z'));
  });

  it('writes to a stream and shows full IDs when not masking', async () => {
    const out = join(dir, 'stream.xlsx');
    const finding = makeFinding(1, 'amount');
    const result = await writeFindingsWorkbook(makeReportInput([finding], { maskIds: false }), createWriteStream(out));
    expect(result.findings).toBe(1);
    expect((await stat(out)).size).toBeGreaterThan(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.getWorksheet('Sai số tiền')?.getCell(2, col('Số CMND/CCCD')).value).toBe(finding.subject.idNumber);
    expect(book.getWorksheet('Trùng lặp')?.rowCount).toBe(1);
  });

  it('fails without leaving temporary files when the findings stream fails', async () => {
    const before = await countTempDirs();
    async function* failing(): AsyncGenerator<ReportFinding> {
      yield makeFinding(1, 'amount');
      throw new Error('nguồn lỗi');
    }
    const out = join(dir, 'failed.xlsx');
    await expect(writeFindingsWorkbook(makeReportInput(failing()), out)).rejects.toThrow('nguồn lỗi');
    await expect(stat(out)).rejects.toThrow();
    expect(await countTempDirs()).toBe(before);
  });
});

async function countTempDirs(): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(tmpdir())).filter((name) => name.startsWith('ansinh-report-')).length;
}
