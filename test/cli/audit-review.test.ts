import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDINGS_SHEET_NAMES } from '../../src/report/index.js';
import { findingHistory, getFinding, listAudits, loadRecords, openDb } from '../../src/store/index.js';
import { tempDir } from '../ingest/write-files.js';
import { ROOT, runAnsinh } from './run-cli.js';

interface AnswerFile {
  files: { file: string; role: string }[];
}

const samples = path.join(ROOT, 'samples');

/** The `audit` arguments for the bundled samples, from their answer key's file list. */
async function sampleArgs(): Promise<string[]> {
  const key = JSON.parse(await readFile(path.join(samples, 'answers.json'), 'utf8')) as AnswerFile;
  const of = (role: string): string[] => key.files.filter((f) => f.role === role).map((f) => path.join(samples, f.file));
  const registers = key.files
    .filter((f) => f.role.startsWith('register:'))
    .flatMap((f) => ['--register', `${f.role.slice('register:'.length)}=${path.join(samples, f.file)}`]);
  return ['--beneficiaries', ...of('beneficiaries'), '--payouts', ...of('payouts'), ...registers];
}

describe('CLI audit, import-review and posting-list on the bundled samples', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let db: string;
  let out: string;
  let json: string;

  beforeAll(async () => {
    dir = await tempDir();
    db = dir.file('audit.sqlite');
    out = dir.file('ket-qua.xlsx');
    json = dir.file('ket-qua.json');
    const result = await runAnsinh(['audit', ...(await sampleArgs()), '--db', db, '--name', 'Huyện mẫu', '--out', out, '--json', json]);
    expect(result.code, result.stderr).toBe(0);
  }, 300_000);
  afterAll(async () => dir.cleanup());

  it('writes the ansinh.findings/1 document with inputs, summary and traceable findings', async () => {
    const doc = JSON.parse(await readFile(json, 'utf8')) as {
      schema: string;
      package: string;
      inputs: { role: string; file: string; sheets: { sheet: string; rowsRead: number }[]; rowsRead: number }[];
      summary: { findings: number; byCategory: Record<string, { count: number }> };
      findings: { id: string; rule: string; category: string; records: { role: string; file: string; sheet: string; row: number }[]; explanation: string; status: string; version: number }[];
    };
    expect(doc.schema).toBe('ansinh.findings/1');
    expect(doc.package).toBe('nq42-2020');
    expect(doc.inputs.length).toBe(18);
    expect(doc.inputs.every((i) => i.rowsRead > 0 && i.sheets.length > 0)).toBe(true);
    expect(doc.summary.findings).toBe(doc.findings.length);
    expect(new Set(doc.findings.map((f) => f.id)).size).toBe(doc.findings.length);
    for (const f of doc.findings) {
      expect(f.records.length).toBeGreaterThan(0);
      expect(f.status).toBe('new');
      expect(f.explanation).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    }
    const inputFiles = new Set(doc.inputs.map((i) => i.file));
    expect(doc.findings.every((f) => f.records.every((r) => inputFiles.has(r.file)))).toBe(true);
  });

  it('writes the findings workbook with the contract sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([...FINDINGS_SHEET_NAMES]);
  });

  it('imports an edited review workbook, and refuses a file with one bad row without changing anything', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Trùng lặp');
    if (!sheet) throw new Error('no Trùng lặp sheet');
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const statusCol = header.indexOf('Trạng thái');
    const noteCol = header.indexOf('Ghi chú');
    const id = String(sheet.getCell(2, 1).value);
    sheet.getCell(2, statusCol).value = 'Xác nhận sai phạm';
    sheet.getCell(2, noteCol).value = 'Đã xác minh tại thôn, chi trùng 2 lần';
    const good = dir.file('review-good.xlsx');
    await workbook.xlsx.writeFile(good);
    sheet.getCell(3, statusCol).value = 'Đã duyệt'; // not a status
    const bad = dir.file('review-bad.xlsx');
    await workbook.xlsx.writeFile(bad);

    const refused = await runAnsinh(['import-review', bad, '--db', db, '--reviewer', 'mttq.xa']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Trùng lặp');
    expect(refused.stderr).toContain('dòng 3');
    const handle = await openDb({ sqlitePath: db });
    try {
      const [audit] = await listAudits(handle.db);
      const auditId = audit?.id ?? -1;
      expect((await getFinding(handle.db, auditId, id))?.status).toBe('new');

      const applied = await runAnsinh(['import-review', good, '--db', db, '--reviewer', 'mttq.xa']);
      expect(applied.code, applied.stderr).toBe(0);
      expect(applied.stdout).toContain('Đã cập nhật 1 phát hiện');
      const finding = await getFinding(handle.db, auditId, id);
      expect(finding?.status).toBe('confirmed');
      expect(finding?.note).toBe('Đã xác minh tại thôn, chi trùng 2 lần');
      expect(finding?.reviewer).toBe('mttq.xa');
      const history = await findingHistory(handle.db, auditId, id);
      expect(history.map((e) => [e.fromStatus, e.toStatus, e.actor])).toEqual([['new', 'confirmed', 'mttq.xa']]);
    } finally {
      await handle.close();
    }
  });

  it('writes a posting list for one commune with masked ID numbers', async () => {
    const doc = JSON.parse(await readFile(json, 'utf8')) as { findings: unknown[] };
    expect(doc.findings.length).toBeGreaterThan(0);
    const file = dir.file('niem-yet.xlsx');
    const handle = await openDb({ sqlitePath: db });
    let commune: string | null = null;
    let fullIds: string[] = [];
    try {
      const [audit] = await listAudits(handle.db);
      const records = await loadRecords(handle.db, audit?.id ?? -1, 'beneficiaries');
      commune = records.find((r) => r.communeCode)?.communeCode ?? null;
      fullIds = records.filter((r) => r.communeCode === commune && r.idKind === 'CCCD').map((r) => r.idNumber ?? '');
    } finally {
      await handle.close();
    }
    expect(commune).not.toBeNull();
    const result = await runAnsinh(['posting-list', '--commune', String(commune), '--db', db, '--out', file]);
    expect(result.code, result.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const texts: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text))));
    expect(fullIds.length).toBeGreaterThan(0);
    const shown = new Set(texts);
    for (const id of fullIds) {
      expect(shown.has(id)).toBe(false);
      expect(shown.has(`${id.slice(0, 3)}******${id.slice(-3)}`)).toBe(true);
    }
  });
});
