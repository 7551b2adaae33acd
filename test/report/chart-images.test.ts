import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barChart } from '../../src/checks/statistical/charts.js';
import { CATEGORY_LABELS } from '../../src/domain/index.js';
import type { ReportFinding } from '../../src/report/index.js';
import { FINDINGS_SHEET_NAMES, FINDING_HEADERS, readReviewWorkbook, writeFindingsWorkbook } from '../../src/report/index.js';
import { SUMMARY_CHART_LIMIT, TopCharts, findingChartImage } from '../../src/report/finding-charts.js';
import type { FindingChart } from '../../src/report/finding-charts.js';
import { makeFinding, makeFindings, makeReportInput } from './report-fixture.js';
import { zipText } from './zip-text.js';

const CHARTED = 15;
const STATISTICAL = CATEGORY_LABELS.statistical;
const HEADER_COUNT = Object.keys(FINDING_HEADERS).length;
const COMMUNE_NAMES: Record<string, string> = { '00001': 'Phường Phúc Xá', '00004': 'Phường Trúc Bạch', '25252': 'Xã Tân Lập' };

/** A statistical finding with a real chart from the statistical checks; scores differ so the order is known. */
function chartedFinding(i: number): ReportFinding {
  const chart = barChart({
    title: `Biểu đồ ${i}`,
    bars: [
      { label: 'Xã khác', value: 10 + i },
      { label: 'Xã này', value: 40 + 3 * i, highlight: true },
    ],
    reference: { value: 12, label: 'Trung vị' },
  });
  // Scores 0.30, 0.95, 0.40, 0.85… interleave so the highest ones are not simply the last ones.
  const score = i % 2 === 0 ? 0.3 + i * 0.01 : 0.99 - i * 0.01;
  return makeFinding(2_000 + i, 'statistical', { score, evidence: { statistic: 'zScore', chart } });
}

const charted: ReportFinding[] = Array.from({ length: CHARTED }, (_, i) => chartedFinding(i));

function pngOf(finding: ReportFinding): Buffer {
  const chart = finding.evidence.chart as { pngBase64: string };
  return Buffer.from(chart.pngBase64, 'base64');
}

function* findings(): Generator<ReportFinding> {
  yield* makeFindings(3);
  for (const finding of charted) yield finding;
  // Not drawn: a chart that is not a PNG, and a chart on a finding of another category.
  yield makeFinding(3_000, 'statistical', { score: 1, evidence: { chart: { svg: '<svg/>', pngBase64: Buffer.from('GIF89a').toString('base64'), width: 10, height: 10 } } });
  yield makeFinding(3_001, 'amount', { score: 1, evidence: { chart: charted[0]?.evidence.chart } });
}

let dir = '';
let path = '';
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-charts-'));
  path = join(dir, 'charts.xlsx');
  await writeFindingsWorkbook(makeReportInput(findings()), path);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

function sheet(name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

/** The pictures of a sheet as read back by exceljs, top to bottom then left to right. */
function pictures(ws: ExcelJS.Worksheet): { col: number; row: number; width: number; height: number; png: Buffer }[] {
  return ws
    .getImages()
    .map((image) => {
      const media = workbook.getImage(Number(image.imageId));
      const png = media.buffer;
      // exceljs reads a one-cell anchor's size into `range.ext`, which its typings omit.
      const ext = (image.range as { ext?: { width: number; height: number } }).ext;
      if (png === undefined) throw new Error(`image ${image.imageId} has no bytes`);
      return {
        col: image.range.tl.nativeCol,
        row: image.range.tl.nativeRow,
        width: ext?.width ?? 0,
        height: ext?.height ?? 0,
        png: Buffer.from(png as unknown as Uint8Array),
      };
    })
    .sort((a, b) => a.row - b.row || a.col - b.col);
}

describe('charts of statistical findings in the findings workbook', () => {
  it('shows the charts of the highest-scoring statistical findings on "Tổng hợp", best first, under captions', () => {
    const ws = sheet('Tổng hợp');
    const shown = pictures(ws);
    const expected = [...charted].sort((a, b) => b.score - a.score).slice(0, SUMMARY_CHART_LIMIT);
    expect(shown).toHaveLength(SUMMARY_CHART_LIMIT);
    expect(shown.map((p) => p.png)).toEqual(expected.map(pngOf));
    for (const [index, picture] of shown.entries()) {
      const finding = expected[index];
      if (finding === undefined) throw new Error('missing finding');
      // Two per pair, in columns A and C; the caption is in the row just above the picture.
      expect(picture.col).toBe(index % 2 === 0 ? 0 : 2);
      expect({ width: picture.width, height: picture.height }).toEqual({ width: 360, height: 180 });
      const caption = ws.getRow(picture.row).getCell(picture.col + 1).value;
      expect(caption).toBe(
        `${index + 1}. Quy tắc ${finding.rule.toLowerCase()} — ${COMMUNE_NAMES[finding.subject.commune ?? ''] ?? ''} (mã phát hiện ${finding.id})`,
      );
    }
    const sectionRow = shown[0] === undefined ? 0 : shown[0].row - 1;
    expect(ws.getRow(sectionRow).getCell(1).value).toBe('VII. BIỂU ĐỒ BẤT THƯỜNG THỐNG KÊ');
    // Pictures of a pair do not overlap the next pair: each pair has its caption row plus the picture's rows.
    const rows = [...new Set(shown.map((p) => p.row))];
    for (let i = 1; i < rows.length; i += 1) expect((rows[i] ?? 0) - (rows[i - 1] ?? 0)).toBeGreaterThanOrEqual(1 + 180 / 20);
  });

  it('puts each statistical finding’s chart beside its row on "Bất thường thống kê", and nowhere else', () => {
    const ws = sheet(STATISTICAL);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toHaveLength(HEADER_COUNT + 1);
    expect(header[HEADER_COUNT]).toBe('Biểu đồ');
    const rowOf = new Map<string, number>();
    ws.eachRow((row, number) => rowOf.set(String(row.getCell(1).value), number));
    const shown = pictures(ws);
    expect(shown).toHaveLength(CHARTED);
    for (const finding of charted) {
      const rowNumber = rowOf.get(finding.id);
      expect(rowNumber).toBeDefined();
      const picture = shown.find((p) => p.row === (rowNumber ?? 0) - 1);
      expect(picture?.col).toBe(HEADER_COUNT);
      expect(picture?.png.equals(pngOf(finding))).toBe(true);
      // Scaled into its row, which is made tall enough for it.
      expect(picture?.height).toBeLessThanOrEqual(100);
      expect(((ws.getRow(rowNumber ?? 0).height ?? 0) * 4) / 3).toBeGreaterThanOrEqual(picture?.height ?? Infinity);
    }
    for (const name of FINDINGS_SHEET_NAMES) {
      if (name !== 'Tổng hợp' && name !== STATISTICAL) expect(pictures(sheet(name))).toEqual([]);
    }
  });

  it('writes the drawing parts in the order and with the content types Excel requires', async () => {
    const names = workbook.worksheets.map((ws) => ws.name);
    const summaryXml = await zipText(path, 'xl/worksheets/sheet1.xml');
    const statisticalXml = await zipText(path, `xl/worksheets/sheet${names.indexOf(STATISTICAL) + 1}.xml`);
    for (const xml of [summaryXml, statisticalXml]) {
      // CT_Worksheet: … pageMargins, pageSetup, headerFooter, rowBreaks, …, drawing, legacyDrawing, …
      expect(xml).toMatch(/<\/headerFooter><drawing r:id="rId\d+"\/><\/worksheet>$/);
      expect(xml.match(/<drawing /g)).toHaveLength(1);
    }
    expect(await zipText(path, 'xl/worksheets/sheet2.xml')).not.toContain('<drawing');
    const types = await zipText(path, '[Content_Types].xml');
    expect(types).toContain('<Default Extension="png" ContentType="image/png"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    expect(await zipText(path, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../drawings/drawing1.xml"');
    const drawing = await zipText(path, 'xl/drawings/drawing1.xml');
    expect(drawing.match(/<xdr:oneCellAnchor>/g)).toHaveLength(SUMMARY_CHART_LIMIT);
    expect((await zipText(path, 'xl/drawings/_rels/drawing1.xml.rels')).match(/relationships\/image/g)).toHaveLength(SUMMARY_CHART_LIMIT);
  });

  it('still reads back as a review workbook: the chart column and pictures are ignored', async () => {
    const { rows, problems } = await readReviewWorkbook(path);
    expect(problems).toEqual([]);
    const statistical = rows.filter((row) => row.sheet === STATISTICAL).map((row) => row.id);
    for (const finding of charted) expect(statistical).toContain(finding.id);
  });

  it('writes no drawing, chart section or chart column when no finding has a chart', async () => {
    const plain = join(dir, 'plain.xlsx');
    await writeFindingsWorkbook(makeReportInput(makeFindings(3)), plain);
    await expect(zipText(plain, 'xl/drawings/drawing1.xml')).rejects.toThrow(/not in/);
    expect(await zipText(plain, '[Content_Types].xml')).not.toContain('drawing');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(plain);
    const statistical = book.getWorksheet(STATISTICAL);
    expect((statistical?.getRow(1).values as unknown[]).slice(1)).toHaveLength(HEADER_COUNT);
    const summary = book.getWorksheet('Tổng hợp');
    const texts: unknown[] = [];
    summary?.eachRow((row) => texts.push(row.getCell(1).value));
    expect(texts).not.toContain('VII. BIỂU ĐỒ BẤT THƯỜNG THỐNG KÊ');
  });
});

describe('choosing the charts', () => {
  const chart = (id: string, score: number): FindingChart => ({
    findingId: id,
    rule: 'R',
    ruleTitle: 'R',
    commune: null,
    score,
    png: Buffer.alloc(0),
    width: 1,
    height: 1,
  });

  it('keeps the highest scores, first seen first among equals', () => {
    const top = new TopCharts(3);
    for (const [id, score] of [['a', 0.5], ['b', 0.9], ['c', 0.5], ['d', 0.1], ['e', 0.7], ['f', 0.5]] as const) top.offer(chart(id, score));
    expect(top.list().map((c) => c.findingId)).toEqual(['b', 'e', 'a']);
  });

  it('takes a chart only from a statistical finding whose evidence holds a PNG', () => {
    const first = charted[0];
    if (first === undefined) throw new Error('no finding');
    const image = findingChartImage(first);
    expect(image?.png.equals(pngOf(first))).toBe(true);
    expect({ width: image?.width, height: image?.height }).toEqual({ width: 360, height: 180 });
    expect(findingChartImage({ ...first, category: 'amount' })).toBeNull();
    expect(findingChartImage({ ...first, evidence: { chart: { pngBase64: 'R0lGODlh', width: 10, height: 10 } } })).toBeNull();
    expect(findingChartImage({ ...first, evidence: { chart: { pngBase64: (first.evidence.chart as { pngBase64: string }).pngBase64, width: 0, height: 10 } } })).toBeNull();
    expect(findingChartImage({ ...first, evidence: {} })).toBeNull();
  });
});

function findOnPath(names: string[]): string | null {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const candidate = join(folder, name);
      if (folder !== '' && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

const soffice = findOnPath(['soffice', 'libreoffice']);
const run = promisify(execFile);
const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

describe.skipIf(soffice === null)('LibreOffice reading a findings workbook with charts', () => {
  let out = '';

  beforeAll(async () => {
    if (soffice === null) return;
    out = join(dir, 'lo');
    const profile = pathToFileURL(join(dir, 'profile')).href;
    for (const filter of [CSV_ALL_SHEETS, 'pdf']) {
      await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', out, path], { timeout: 120_000 });
    }
  }, 240_000);

  it('still reads every sheet, with the chart section and column', async () => {
    const files = (await readdir(out)).filter((f) => f.endsWith('.csv')).sort();
    expect(files).toEqual(FINDINGS_SHEET_NAMES.map((name) => `charts-${name}.csv`).sort());
    expect(await readFile(join(out, 'charts-Tổng hợp.csv'), 'utf8')).toContain('VII. BIỂU ĐỒ BẤT THƯỜNG THỐNG KÊ');
    const statistical = await readFile(join(out, `charts-${STATISTICAL}.csv`), 'utf8');
    expect(statistical.split('\n')[0]).toMatch(/,Biểu đồ\s*$/);
  });

  it('renders the pictures when printing to PDF', async () => {
    const pdf = await readFile(join(out, 'charts.pdf'), 'latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    // Every chart is at least one image XObject (LibreOffice may add a soft mask per picture).
    expect((pdf.match(/\/Subtype\s*\/Image/g) ?? []).length).toBeGreaterThanOrEqual(SUMMARY_CHART_LIMIT + CHARTED);
  });
});
