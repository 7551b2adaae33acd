import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/index.js';
import type { ReportFinding } from '../../src/report/index.js';
import { readReviewWorkbook, writeFindingsWorkbook } from '../../src/report/index.js';
import { makeFinding, makeReportInput } from './report-fixture.js';

// Columns of the finding rows: A = Mã phát hiện, N = Trạng thái, Q = Ghi chú.
const ID = 1;
const STATUS = 14;
const NOTE = 17;

let dir = '';
let original = '';
const findings: ReportFinding[] = [
  makeFinding(0, 'wrong_recipient', { status: 'new' }),
  makeFinding(1, 'wrong_recipient', { status: 'verifying', note: 'Đang chờ xã trả lời' }),
  makeFinding(2, 'duplicate', { status: 'new', note: null }),
  makeFinding(3, 'amount', { status: 'confirmed' }),
  makeFinding(4, 'statistical', { status: 'new', note: null }),
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'review-test-'));
  original = join(dir, 'findings.xlsx');
  await writeFindingsWorkbook(makeReportInput(findings), original);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Opens the workbook as a monitor's spreadsheet program would, applies edits and saves a copy. */
async function edit(name: string, change: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(original);
  change(book);
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

function sheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = book.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

describe('readReviewWorkbook', () => {
  it('reads every finding row of an untouched workbook back with its status and note', async () => {
    const { rows, problems } = await readReviewWorkbook(original);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.id, r.status, r.note])).toEqual(
      // category sheets in workbook order: wrong_recipient, duplicate, amount, …, statistical
      [findings[0], findings[1], findings[2], findings[3], findings[4]].map((f) => [f?.id, f?.status, f?.note]),
    );
    expect(rows[1]).toMatchObject({ sheet: 'Sai đối tượng', row: 3 });
    expect(rows[2]).toMatchObject({ sheet: 'Trùng lặp', row: 2 });
  });

  it('returns the statuses and notes a monitor changed', async () => {
    const path = await edit('edited.xlsx', (book) => {
      const wrong = sheet(book, 'Sai đối tượng');
      wrong.getCell(2, STATUS).value = 'Xác nhận sai phạm';
      wrong.getCell(2, NOTE).value = 'Người nhận đã chết từ 02/2020, đề nghị thu hồi';
      wrong.getCell(3, STATUS).value = ' không sai phạm ';
      wrong.getCell(3, NOTE).value = null;
      const stats = sheet(book, 'Bất thường thống kê');
      stats.getCell(2, STATUS).value = { richText: [{ text: 'Đã thu ' }, { text: 'hồi' }] };
      stats.getCell(2, NOTE).value = '=1+1 là ghi chú';
    });
    const { rows, problems } = await readReviewWorkbook(path);
    expect(problems).toEqual([]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(findings[0]?.id ?? '')).toEqual({
      id: findings[0]?.id,
      status: 'confirmed',
      note: 'Người nhận đã chết từ 02/2020, đề nghị thu hồi',
      sheet: 'Sai đối tượng',
      row: 2,
    });
    expect(byId.get(findings[1]?.id ?? '')).toMatchObject({ status: 'dismissed', note: null });
    expect(byId.get(findings[4]?.id ?? '')).toMatchObject({ status: 'recovered', note: '=1+1 là ghi chú', sheet: 'Bất thường thống kê' });
    expect(byId.get(findings[3]?.id ?? '')).toMatchObject({ status: 'confirmed' });
  });

  it('accepts decomposed (NFD) Vietnamese labels as macOS may save them', async () => {
    const path = await edit('nfd.xlsx', (book) => {
      sheet(book, 'Trùng lặp').getCell(2, STATUS).value = 'Đang xác minh'.normalize('NFD');
    });
    const { rows, problems } = await readReviewWorkbook(path);
    expect(problems).toEqual([]);
    expect(rows.find((r) => r.id === findings[2]?.id)?.status).toBe('verifying');
  });

  it('reports an unknown status, an empty status, a missing id, a malformed id and a repeated id', async () => {
    const path = await edit('bad.xlsx', (book) => {
      const wrong = sheet(book, 'Sai đối tượng');
      wrong.getCell(2, STATUS).value = 'Đã xử lý';
      wrong.getCell(3, STATUS).value = null;
      const amount = sheet(book, 'Sai số tiền');
      amount.getCell(2, ID).value = null;
      amount.getCell(3, ID).value = 'ghi chú thêm của tôi';
      amount.getCell(3, STATUS).value = 'Mới';
      const stats = sheet(book, 'Bất thường thống kê');
      stats.getCell(2, ID).value = findings[2]?.id ?? '';
    });
    const { rows, problems } = await readReviewWorkbook(path);
    expect(problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ['Sai đối tượng', 2, 'N'],
      ['Sai đối tượng', 3, 'N'],
      ['Sai số tiền', 2, 'A'],
      ['Sai số tiền', 3, 'A'],
      ['Bất thường thống kê', 2, 'A'],
    ]);
    expect(problems[0]?.message).toContain('"Đã xử lý" không hợp lệ');
    expect(problems[0]?.message).toContain('Xác nhận sai phạm');
    expect(problems[1]?.message).toContain('Thiếu trạng thái');
    expect(problems[2]?.message).toContain('Thiếu mã phát hiện');
    expect(problems[3]?.message).toContain('không phải mã phát hiện hợp lệ');
    expect(problems[4]?.message).toContain('trang "Trùng lặp", dòng 2');
    expect(rows.map((r) => r.id)).toEqual([findings[2]?.id]);
  });

  it('reports a category sheet whose header lost the status column', async () => {
    const path = await edit('header.xlsx', (book) => {
      sheet(book, 'Trùng lặp').getCell(1, STATUS).value = 'Kết luận';
    });
    const { problems } = await readReviewWorkbook(path);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: 'Trùng lặp', row: 1 });
    expect(problems[0]?.message).toContain('"Trạng thái"');
  });

  it('refuses a workbook that is not a findings workbook, and a file that is not xlsx', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Danh sách').addRow(['Họ và tên']);
    const otherPath = join(dir, 'other.xlsx');
    await other.xlsx.writeFile(otherPath);
    await expect(readReviewWorkbook(otherPath)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const garbage = join(dir, 'garbage.xlsx');
    await writeFile(garbage, 'không phải tệp zip');
    const error = await readReviewWorkbook(garbage).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    expect((error as AppError).message).toContain('garbage.xlsx');
  });
});
