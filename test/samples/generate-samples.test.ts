import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/index.js';
import { type AnswerKey, generateSamples, PLANTED_RULES, PLANTED_STATISTICAL_RULES, TRAP_KINDS } from '../../src/samples/index.js';
import { type Cell, fold, headerColumn, nameColumn, readSamples, type SheetRows } from './read-back.js';

const ROWS = 300;
let root: string;
let first: AnswerKey;
let again: AnswerKey;
let other: AnswerKey;
let data: Map<string, SheetRows>;

const dirA = (): string => join(root, 'a');
const dirB = (): string => join(root, 'b');
const dirC = (): string => join(root, 'c');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ansinh-samples-'));
  first = (await generateSamples({ seed: 7, rows: ROWS, outDir: dirA() })).answers;
  again = (await generateSamples({ seed: 7, rows: ROWS, outDir: dirB() })).answers;
  other = (await generateSamples({ seed: 8, rows: ROWS, outDir: dirC() })).answers;
  data = await readSamples(dirA(), first.files.map((f) => f.file));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

type Ref = AnswerKey['anomalies'][number]['records'][number];

function rowOf(ref: Ref): { cells: Cell[]; sheet: Map<number, Cell[]> } {
  const sheet = data.get(ref.file)?.get(ref.sheet);
  if (sheet === undefined) throw new Error(`no sheet ${ref.file} / ${ref.sheet}`);
  return { cells: sheet.get(ref.row) ?? [], sheet };
}

function nameAt(ref: Ref): string {
  const { cells, sheet } = rowOf(ref);
  const col = nameColumn(sheet);
  const value = cells[col];
  return typeof value === 'string' ? value : '';
}

function birthYearAt(ref: Ref): number | null {
  const { cells, sheet } = rowOf(ref);
  for (const header of ['Nam', 'Nữ', 'Năm sinh', 'Ngày sinh']) {
    const v = cells[headerColumn(sheet, (h) => h === header)];
    if (typeof v === 'number' && v > 1900) return v;
    if (v instanceof Date) return v.getUTCFullYear();
    if (typeof v === 'string' && /^\d{4}$/.test(v)) return Number(v);
    if (typeof v === 'string' && /\d{2}\/\d{2}\/\d{4}/.test(v)) return Number(v.slice(-4));
  }
  return null;
}

describe('generateSamples', () => {
  it('gives byte-identical files and answer key for the same seed', async () => {
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    const files = (await readdir(dirA())).sort();
    expect(files).toEqual((await readdir(dirB())).sort());
    for (const f of files) {
      const [a, b] = await Promise.all([readFile(join(dirA(), f)), readFile(join(dirB(), f))]);
      expect(a.equals(b), f).toBe(true);
    }
  });

  it('gives a different district or different people for another seed', async () => {
    expect(JSON.stringify(other.anomalies)).not.toBe(JSON.stringify(first.anomalies));
    const a = await readFile(join(dirA(), 'answers.json'), 'utf8');
    const c = await readFile(join(dirC(), 'answers.json'), 'utf8');
    expect(c).not.toBe(a);
  });

  it('writes answers.json with the declared header and about `rows` payout rows', async () => {
    const onDisk = JSON.parse(await readFile(join(dirA(), 'answers.json'), 'utf8')) as AnswerKey;
    expect(onDisk).toEqual(first);
    expect(first.schema).toBe('ansinh.answers/1');
    expect(first.package).toBe('nq42-2020');
    expect(first.seed).toBe(7);
    expect(first.rows).toBe(ROWS);
    expect(first.counts.payoutRows).toBeGreaterThan(ROWS * 0.85);
    expect(first.counts.payoutRows).toBeLessThan(ROWS * 1.15);
    expect(first.area.communes.length).toBeGreaterThanOrEqual(6);
  });

  it('lists every file it writes, with each role, and only those', async () => {
    const onDisk = (await readdir(dirA())).filter((f) => f !== 'answers.json').sort();
    expect(first.files.map((f) => f.file).sort()).toEqual(onDisk);
    const roles = new Set(first.files.map((f) => f.role));
    for (const role of ['beneficiaries', 'payouts', 'register:deceased', 'register:pension', 'register:unemployment', 'register:payroll', 'register:poor-2019', 'register:population']) {
      expect(roles.has(role as never), role).toBe(true);
    }
    const byFile = new Map(first.files.map((f) => [f.file, f.role]));
    for (const c of [...first.anomalies, ...first.traps]) {
      for (const r of c.records) expect(byFile.get(r.file), `${r.file} ${r.role}`).toBe(r.role);
    }
    expect(first.files.some((f) => f.role === 'payouts' && f.file.endsWith('.csv'))).toBe(true);
  });

  it('plants at least three anomalies of every check id, more for duplicate payments', () => {
    const counts = new Map<string, number>();
    for (const a of first.anomalies) counts.set(a.rule, (counts.get(a.rule) ?? 0) + 1);
    for (const rule of PLANTED_RULES) expect(counts.get(rule) ?? 0, rule).toBeGreaterThanOrEqual(3);
    expect(counts.get('DUPLICATE_PAYMENT') ?? 0).toBeGreaterThanOrEqual(6);
    for (const rule of counts.keys()) expect([...PLANTED_RULES, ...PLANTED_STATISTICAL_RULES] as readonly string[]).toContain(rule);
    for (const rule of PLANTED_STATISTICAL_RULES) expect(counts.get(rule) ?? 0, rule).toBeGreaterThanOrEqual(1);
  });

  it('plants every kind of trap', () => {
    const kinds = new Set(first.traps.map((t) => t.kind));
    for (const kind of TRAP_KINDS) expect(kinds.has(kind), kind).toBe(true);
  });

  it('keeps anomalies apart: no row belongs to two anomalies, nor to an anomaly and a trap', () => {
    const key = (r: Ref): string => `${r.file}|${r.sheet}|${r.row}`;
    const anomalyRows = first.anomalies.flatMap((a) => a.records.map(key));
    expect(new Set(anomalyRows).size).toBe(anomalyRows.length);
    const inAnomaly = new Set(anomalyRows);
    for (const t of first.traps) for (const r of t.records) expect(inAnomaly.has(key(r)), `${t.kind} ${key(r)}`).toBe(false);
  });

  it('points every record at a real row holding a person (or a commune for the population register)', () => {
    for (const c of [...first.anomalies, ...first.traps]) {
      expect(c.records.length).toBeGreaterThan(0);
      for (const ref of c.records) {
        const { cells, sheet } = rowOf(ref);
        const where = `${'rule' in c ? c.rule : c.kind} ${ref.file} ${ref.sheet} ${ref.row}`;
        if (ref.role === 'register:population') {
          expect(typeof cells[1], where).toBe('string');
          expect(Number(cells[3]), where).toBeGreaterThan(0);
          continue;
        }
        expect(nameColumn(sheet), where).toBeGreaterThanOrEqual(0);
        const name = nameAt(ref);
        expect(name.trim().split(/\s+/).length, where).toBeGreaterThanOrEqual(2);
        expect(name, where).not.toMatch(/^(Cộng|Tổng)/);
        expect(Number(cells[0]), where).toBeGreaterThan(0);
      }
    }
  });

  it('cites rows of one person for duplicates and multiple policies, and of two people for namesakes', () => {
    for (const a of first.anomalies.filter((x) => ['DUPLICATE_PAYMENT', 'DUPLICATE_BENEFICIARY', 'MULTIPLE_POLICIES'].includes(x.rule))) {
      expect(a.records.length).toBeGreaterThanOrEqual(2);
      const names = new Set(a.records.map((r) => fold(nameAt(r))));
      expect(names.size, a.note).toBe(1);
      const years = new Set(a.records.map(birthYearAt));
      expect(years.has(null), a.note).toBe(false);
      expect(years.size, a.note).toBe(1);
      if (a.rule === 'DUPLICATE_PAYMENT') expect(a.records.every((r) => r.role === 'payouts')).toBe(true);
      if (a.rule === 'DUPLICATE_BENEFICIARY') expect(a.records.every((r) => r.role === 'beneficiaries')).toBe(true);
    }
    for (const t of first.traps.filter((x) => x.kind === 'namesake' || x.kind === 'same_name_other_commune')) {
      expect(new Set(t.records.map((r) => fold(nameAt(r)))).size, t.note).toBe(1);
      const years = new Set(t.records.map(birthYearAt));
      expect(years.has(null), t.note).toBe(false);
      expect(years.size, t.note).toBe(2);
    }
  });

  it('cites a payout row and a register row for register checks', () => {
    for (const a of first.anomalies.filter((x) => x.rule === 'DECEASED' || x.rule === 'EXCLUDED_BY_REGISTER')) {
      const roles = a.records.map((r) => r.role).sort();
      expect(roles[0]).toBe('payouts');
      expect(roles[1]).toMatch(a.rule === 'DECEASED' ? /^register:deceased$/ : /^register:(pension|unemployment|payroll)$/);
      expect(fold(nameAt(a.records[0] as Ref))).toBe(fold(nameAt(a.records[1] as Ref)));
    }
  });

  it('gives the rows of a shared account the same account number', () => {
    for (const a of first.anomalies.filter((x) => x.rule === 'SHARED_ACCOUNT')) {
      expect(a.records.length).toBeGreaterThanOrEqual(2);
      const accounts = a.records.map((r) => {
        const { cells, sheet } = rowOf(r);
        return cells[headerColumn(sheet, (h) => h === 'Số tài khoản')];
      });
      expect(typeof accounts[0]).toBe('string');
      expect(new Set(accounts).size).toBe(1);
      expect(new Set(a.records.map((r) => fold(nameAt(r)))).size).toBe(a.records.length);
    }
  });

  it('writes household rows with the number of members and 750.000 đ per member', () => {
    const traps = first.traps.filter((t) => t.kind === 'household_row');
    expect(traps.length).toBeGreaterThan(0);
    for (const t of traps) {
      for (const r of t.records) {
        const { cells, sheet } = rowOf(r);
        const members = cells[headerColumn(sheet, (h) => h === 'Số khẩu')];
        const amount = cells[headerColumn(sheet, (h) => h.startsWith('Số tiền'))];
        expect(typeof members).toBe('number');
        expect(members).toBeGreaterThanOrEqual(2);
        expect(amount).toBe(750_000 * Number(members));
      }
    }
  });

  it('writes CCCD numbers that agree with birth year and sex, except the planted ones', () => {
    const planted = new Set(
      first.anomalies.filter((a) => a.rule === 'ID_DOB_MISMATCH' || a.rule === 'INVALID_ID').flatMap((a) => a.records.map((r) => `${r.file}|${r.sheet}|${r.row}`)),
    );
    let checked = 0;
    let restored = 0;
    for (const f of first.files.filter((x) => x.role === 'payouts' || x.role === 'beneficiaries')) {
      for (const [sheetName, sheet] of data.get(f.file) ?? []) {
        const idCol = headerColumn(sheet, (h) => /CMND|CCCD|định danh/i.test(h));
        const male = headerColumn(sheet, (h) => h === 'Nam');
        const female = headerColumn(sheet, (h) => h === 'Nữ');
        const genderCol = headerColumn(sheet, (h) => h === 'Giới tính');
        for (const [row, cells] of sheet) {
          const raw = cells[idCol];
          if (raw === null || raw === undefined || planted.has(`${f.file}|${sheetName}|${row}`)) continue;
          const id = typeof raw === 'number' ? String(raw).padStart(12, '0') : String(raw);
          if (typeof raw === 'number') restored += 1;
          if (!/^\d{12}$/.test(id)) continue;
          const year = birthYearAt({ role: f.role, file: f.file, sheet: sheetName, row });
          const sex = genderCol >= 0 ? (cells[genderCol] === 'Nữ' ? 'F' : 'M') : cells[female] !== null && cells[female] !== undefined ? 'F' : cells[male] !== null && cells[male] !== undefined ? 'M' : null;
          const g = Number(id.charAt(3));
          expect(1900 + Math.floor(g / 2) * 100 + Number(id.slice(4, 6)), `${f.file} ${sheetName} ${row}`).toBe(year);
          expect(g % 2 === 1 ? 'F' : 'M', `${f.file} ${sheetName} ${row}`).toBe(sex);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(ROWS / 2);
    expect(restored).toBeGreaterThan(10);
  });

  it('writes the messy layouts: merged two-row birth header, SUM totals with cached results, a TCVN3 sheet', async () => {
    let sumChecked = 0;
    let mergedBirth = 0;
    let legacy = 0;
    for (const f of first.files.filter((x) => x.file.endsWith('.xlsx') && x.role === 'payouts')) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dirA(), f.file));
      for (const ws of wb.worksheets) {
        if (ws.getCell(1, 1).font?.name === '.VnTime') legacy += 1;
        ws.eachRow((row) => {
          row.eachCell((cell) => {
            const v = cell.value;
            if (typeof v === 'string' && v === 'Năm sinh' && cell.isMerged) mergedBirth += 1;
            const formula = v !== null && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string' ? v.formula : '';
            if (formula.startsWith('SUM(') && v !== null && typeof v === 'object' && 'result' in v) {
              const m = /^SUM\(([A-Z]+)(\d+):[A-Z]+(\d+)\)$/.exec(formula);
              expect(m).not.toBeNull();
              let sum = 0;
              for (let r = Number(m?.[2]); r <= Number(m?.[3]); r++) {
                const x = ws.getCell(`${m?.[1] ?? ''}${r}`).value;
                if (typeof x === 'number') sum += x;
              }
              expect(v.result).toBe(sum);
              sumChecked += 1;
            }
          });
        });
      }
    }
    expect(sumChecked).toBeGreaterThan(0);
    expect(mergedBirth).toBeGreaterThan(0);
    expect(legacy).toBeGreaterThan(0);
  });

  it('writes the CSV payouts as UTF-8 with BOM and ";" delimiters', async () => {
    const csv = first.files.find((f) => f.role === 'payouts' && f.file.endsWith('.csv'));
    expect(csv).toBeDefined();
    const bytes = await readFile(join(dirA(), csv?.file ?? ''));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')[0]).toContain(';Họ và tên;');
  });

  it('runs from the command line with --seed, --rows and --out', async () => {
    const out = join(root, 'cli');
    const stdout = await new Promise<string>((resolveRun, reject) => {
      execFile('npx', ['tsx', 'src/samples/main.ts', '--seed', '7', '--rows', String(ROWS), '--out', out], (error, text) => (error ? reject(error) : resolveRun(text)));
    });
    expect(stdout).toContain('Đã sinh');
    expect(await readFile(join(out, 'answers.json'), 'utf8')).toBe(await readFile(join(dirA(), 'answers.json'), 'utf8'));
  });

  it('types one payout sheet in TCVN3 and one of another commune in VNI-Windows, for every seed', async () => {
    for (const [dir, key] of [[dirA(), first], [dirC(), other]] as const) {
      const legacy: string[] = [];
      for (const f of key.files.filter((x) => x.role === 'payouts' && x.file.endsWith('.xlsx'))) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(join(dir, f.file));
        for (const ws of wb.worksheets) {
          const font = ws.getCell(1, 1).font?.name;
          if (font === '.VnTime' || font === 'VNI-Times') legacy.push(`${font} ${f.file}`);
        }
      }
      expect(legacy.map((l) => l.split(' ')[0]).sort()).toEqual(['.VnTime', 'VNI-Times']);
      expect(new Set(legacy.map((l) => l.split(' ')[1])).size).toBe(2);
    }
  });

  it('refuses a row count it cannot honour', async () => {
    await expect(generateSamples({ seed: 1, rows: 10, outDir: join(root, 'bad') })).rejects.toBeInstanceOf(AppError);
  });
});
