import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFinding } from '../../src/report/index.js';
import { FINDINGS_SHEET_NAMES, readReviewWorkbook, safeText, writeFindingsWorkbook, writePostingList } from '../../src/report/index.js';
import { INJECTION_NAMES, makeFinding, makeFindings, makeReportInput } from './report-fixture.js';

const run = promisify(execFile);

function findOnPath(names: string[]): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (dir !== '' && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

const soffice = findOnPath(['soffice', 'libreoffice']);
if (soffice === null && process.env['CI']) {
  // CI installs libreoffice-calc (.ci/run): there the check must run, never be skipped.
  throw new Error('CI: soffice/libreoffice không có trên PATH; .ci/run phải cài libreoffice-calc');
}
if (soffice === null) {
  console.warn('[test/report/libreoffice] soffice/libreoffice không có trên PATH: bỏ qua kiểm tra bằng LibreOffice (CI cài libreoffice-calc).');
}

let dir = '';
let profile = '';

/** Runs LibreOffice headless with a private profile, so parallel runs never share one. */
async function convert(filter: string, outDir: string, files: string[]): Promise<void> {
  if (soffice === null) throw new Error('no soffice');
  await run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, ...files], {
    timeout: 120_000,
  });
}

// All sheets, each to its own file `<name>-<sheet>.csv` (LibreOffice ≥ 7.2), values unformatted, UTF-8.
const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/**
 * What LibreOffice shows for a text: it drops the leading whitespace of string cells (`<v>` has no
 * xml:space), so "\t=1+2" shows as the literal text "=1+2" — still text, never computed.
 */
const shown = (name: string) => safeText(name).trimStart();

async function csvRows(path: string): Promise<string[][]> {
  return parse(await readFile(path, 'utf8'), { relaxColumnCount: true }) as string[][];
}

describe.skipIf(soffice === null)('LibreOffice reading the report workbooks', () => {
  const findingsPath = () => join(dir, 'findings.xlsx');
  const postingPath = () => join(dir, 'posting.xlsx');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'report-lo-'));
    profile = join(dir, 'profile');
    function* findings(): Generator<ReportFinding> {
      yield* makeFindings(4);
      for (const [index, name] of INJECTION_NAMES.entries()) {
        yield makeFinding(900 + index, 'duplicate', { subject: { name, idNumber: null, commune: null }, note: name });
      }
    }
    await writeFindingsWorkbook(makeReportInput(findings(), { maskIds: true }), findingsPath());
    await writePostingList(
      {
        communeCode: '00004',
        communeName: 'Phường Trúc Bạch',
        districtName: 'Quận Ba Đình',
        provinceName: 'Thành phố Hà Nội',
        packageTitle: 'Nghị quyết 42/NQ-CP',
        rows: INJECTION_NAMES.map((name, i) => ({ name, birthYear: 1960 + i, gender: 'F' as const, idNumber: '001085012345', village: 'Tổ 1', groupCode: 'BTXH', groupName: 'Bảo trợ xã hội', members: null, amount: 1_500_000 })),
      },
      postingPath(),
    );
    await convert(CSV_ALL_SHEETS, join(dir, 'csv'), [findingsPath(), postingPath()]);
  }, 180_000);

  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('reads every sheet of the findings workbook', async () => {
    const files = (await readdir(join(dir, 'csv'))).filter((f) => f.startsWith('findings-')).sort();
    expect(files).toEqual(FINDINGS_SHEET_NAMES.map((name) => `findings-${name}.csv`).sort());
    const duplicates = await csvRows(join(dir, 'csv', 'findings-Trùng lặp.csv'));
    expect(duplicates[0]?.[0]).toBe('Mã phát hiện');
    expect(duplicates).toHaveLength(1 + 4 + INJECTION_NAMES.length);
  });

  it('shows formula-like names and notes as literal text', async () => {
    const duplicates = await csvRows(join(dir, 'csv', 'findings-Trùng lặp.csv'));
    const names = duplicates.map((row) => row[3]);
    const notes = duplicates.map((row) => row[16]);
    for (const name of INJECTION_NAMES) {
      expect(names).toContain(shown(name));
      expect(notes).toContain(shown(name));
    }
    const summary = await readFile(join(dir, 'csv', 'findings-Tổng hợp.csv'), 'utf8');
    expect(summary).toContain('=cmd|calc.xlsx');
  });

  it('shows the posting list with literal names and masked IDs', async () => {
    const files = (await readdir(join(dir, 'csv'))).filter((f) => f.startsWith('posting-'));
    expect(files).toHaveLength(1);
    const rows = await csvRows(join(dir, 'csv', files[0] ?? ''));
    const names = rows.map((row) => row[1]);
    for (const name of INJECTION_NAMES) expect(names).toContain(shown(name));
    expect(rows.flat()).toContain('001******345');
    expect(rows.flat().join(' ')).not.toContain('001085012345');
  });

  it('round-trips a review saved by LibreOffice', async () => {
    // A monitor edits in LibreOffice: open with exceljs, change a status, save, let LibreOffice re-save it.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(findingsPath());
    const amount = book.getWorksheet('Sai số tiền');
    if (amount === undefined) throw new Error('no sheet Sai số tiền');
    amount.getCell(2, 14).value = 'Đã thu hồi';
    await mkdir(join(dir, 'edited'));
    const edited = join(dir, 'edited', 'findings.xlsx');
    await book.xlsx.writeFile(edited);
    await convert('xlsx:Calc MS Excel 2007 XML', join(dir, 'resaved'), [edited]);
    const resaved = join(dir, 'resaved', 'findings.xlsx');
    const { rows, problems } = await readReviewWorkbook(resaved);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(5 * 4 + INJECTION_NAMES.length);
    expect(rows.find((r) => r.sheet === 'Sai số tiền' && r.row === 2)?.status).toBe('recovered');
    const check = new ExcelJS.Workbook();
    await check.xlsx.readFile(resaved);
    const dup = check.getWorksheet('Trùng lặp');
    const values: unknown[] = [];
    dup?.eachRow((row) => values.push(row.getCell(4).value));
    for (const name of INJECTION_NAMES.filter((n) => !n.startsWith('\r') && !n.startsWith('\t'))) expect(values).toContain(name);
  }, 120_000);
});
