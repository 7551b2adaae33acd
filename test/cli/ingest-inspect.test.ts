import fs from 'node:fs';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRecords, listAudits, listUploads, loadRecords, openDb } from '../../src/store/index.js';
import { FIRST_PERSON_ROW, villageSheet } from '../ingest/village-workbook.js';
import { tempDir, writeText, writeWorkbook, type Cell } from '../ingest/write-files.js';
import { ROOT, runAnsinh } from './run-cli.js';

const people = (prefix: string): Cell[][] => [
  [1, `Nguyễn Văn ${prefix}`, 1950, null, 10050012345, 'Thôn 1', 'NCC', 3, '1.500.000', null, null],
  [2, `Trần Thị ${prefix}`, null, 1962, '001162012345', 'Thôn 1', 'Người có công', 3, 1500000, null, null],
  [3, `Lê Văn ${prefix}`, 1948, null, null, 'Thôn 1', 'NCC', 3, '1.500.000 đ', null, 'nhận thay: Lê Thị Con'],
];

describe('CLI ingest and inspect', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let workbook: string;

  beforeAll(async () => {
    dir = await tempDir();
    workbook = await writeWorkbook(dir.file('xa-an-binh.xlsx'), [
      villageSheet('Thôn 1', people('An')),
      villageSheet('Thôn 2', people('Bình')),
      villageSheet('Thôn 3', people('Cường')),
      { name: 'Ghi chú', rows: [['Danh sách do UBND xã lập ngày 10/5/2020']], merges: [] },
    ]);
  });
  afterAll(async () => dir.cleanup());

  it('inspect shows the header rows, the mapping and the counts of each village sheet', async () => {
    const result = await runAnsinh(['inspect', workbook]);
    expect(result.code, result.stderr).toBe(0);
    for (const sheet of ['Thôn 1', 'Thôn 2', 'Thôn 3']) expect(result.stdout).toContain(sheet);
    expect(result.stdout).toMatch(/6[–-]7|6, 7|6 và 7/); // the two-row header
    expect(result.stdout).toContain('Nguyễn Văn An');
    expect(result.stdout).toMatch(/birthYearMale|Năm sinh \(Nam\)/);
    expect(result.stdout).toMatch(/birthYearFemale|Năm sinh \(Nữ\)/);
  });

  it('ingest stores every data row of every sheet with its sheet and Excel row, and refuses the same file twice', async () => {
    const db = dir.file('ansinh.sqlite');
    const first = await runAnsinh(['ingest', '--audit', 'Xã An Bình', '--role', 'payouts', '--db', db, workbook]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('9 dòng dữ liệu');

    const again = await runAnsinh(['ingest', '--audit', 'Xã An Bình', '--role', 'payouts', '--db', db, workbook]);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('xa-an-binh.xlsx');
    expect(again.stderr).toMatch(/trùng|đã .*tải lên/);

    const handle = await openDb({ sqlitePath: db });
    try {
      const [audit] = await listAudits(handle.db);
      expect(audit?.name).toBe('Xã An Bình');
      const id = audit?.id ?? -1;
      expect(await countRecords(handle.db, id)).toEqual({ payouts: 9 });
      const uploads = await listUploads(handle.db, id);
      expect(uploads).toHaveLength(1);
      expect(uploads[0]?.rowsRead).toBe(9);
      const records = await loadRecords(handle.db, id, 'payouts');
      const first = records.find((r) => r.sheet === 'Thôn 2' && r.row === FIRST_PERSON_ROW);
      expect(first?.fullName).toBe('Nguyễn Văn Bình');
      expect(first?.idNumber).toBe('010050012345'); // the lost leading zero is restored
      expect(first?.gender).toBe('M');
      expect(first?.amount).toBe(1_500_000);
      const woman = records.find((r) => r.sheet === 'Thôn 3' && r.row === FIRST_PERSON_ROW + 1);
      expect(woman?.gender).toBe('F');
      expect(woman?.birthYear).toBe(1962);
    } finally {
      await handle.close();
    }
  });

  it('ingests several files in one command, each its own upload, and stops at a bad one with the files before it stored', async () => {
    const db = dir.file('nhieu-tep.sqlite');
    const files: string[] = [];
    for (const name of ['An', 'Bình', 'Cường', 'Dũng']) {
      files.push(await writeWorkbook(dir.file(`xa-${name}.xlsx`), [villageSheet('Thôn 1', people(name)), villageSheet('Thôn 2', people(`${name} Hai`))]));
    }
    const all = await runAnsinh(['ingest', '--audit', 'Nhiều tệp', '--role', 'payouts', '--db', db, ...files.slice(0, 3)]);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout.match(/6 dòng dữ liệu/g)).toHaveLength(3);
    const broken = await writeWorkbook(dir.file('xa-hong.xlsx'), [{ name: 'Trống', rows: [['Không có danh sách']], merges: [] }]);
    const stopped = await runAnsinh(['ingest', '--audit', 'Dừng giữa chừng', '--role', 'payouts', '--db', db, files[3] ?? '', broken, files[0] ?? '']);
    expect(stopped.code).not.toBe(0);
    expect(stopped.stderr).toContain('xa-hong.xlsx');
    const handle = await openDb({ sqlitePath: db });
    try {
      const audits = await listAudits(handle.db);
      const idOf = (name: string): number => audits.find((a) => a.name === name)?.id ?? -1;
      expect((await listUploads(handle.db, idOf('Nhiều tệp'))).map((u) => [u.file, u.rowsRead])).toEqual([
        ['xa-An.xlsx', 6],
        ['xa-Bình.xlsx', 6],
        ['xa-Cường.xlsx', 6],
      ]);
      const names = (await loadRecords(handle.db, idOf('Nhiều tệp'), 'payouts')).map((r) => r.fullName);
      expect(names).toContain('Trần Thị Cường Hai');
      expect((await listUploads(handle.db, idOf('Dừng giữa chừng'))).map((u) => u.file)).toEqual(['xa-Dũng.xlsx']);
    } finally {
      await handle.close();
    }
  });

  it('refuses a list with a header but no data row in audit and ingest, naming file, sheet and header row, and stores nothing', async () => {
    const bad = await writeText(dir.file('bad.csv'), 'STT,Họ và tên,Năm sinh,Số CCCD,Số tiền\n');
    const message = 'Lỗi: tệp "bad.csv", trang "bad", dòng 1: không có dòng dữ liệu nào dưới dòng tiêu đề này; hãy kiểm tra lại tệp đã chọn';
    const out = dir.file('u12.xlsx');
    const audit = await runAnsinh(['audit', '--beneficiaries', workbook, '--payouts', bad, '--out', out]);
    expect(audit.code, audit.stderr).toBe(2);
    expect(audit.stderr).toContain(message);
    expect(audit.stdout).not.toContain('Đã nạp bad.csv');
    expect(fs.existsSync(out)).toBe(false);

    const db = dir.file('tu-vong.sqlite');
    const ingest = await runAnsinh(['ingest', '--audit', 'Sổ tử vong', '--role', 'register:deceased', '--db', db, bad]);
    expect(ingest.code, ingest.stderr).toBe(2);
    expect(ingest.stderr).toContain(message);
    const handle = await openDb({ sqlitePath: db });
    try {
      expect(await handle.db.selectFrom('uploads').selectAll().execute()).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('refuses a legacy .xls file with a Vietnamese message naming it and exits non-zero', async () => {
    const xls = dir.file('AutoFilter.xls');
    await copyFile(path.join(ROOT, 'test/fixtures/xlsx-corpus/AutoFilter.xls'), xls);
    const result = await runAnsinh(['ingest', '--audit', 'x', '--role', 'payouts', '--db', dir.file('other.sqlite'), xls]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('AutoFilter.xls');
    expect(result.stderr).toContain('.xlsx');
  });

  it('rejects an unknown role with a clear message', async () => {
    const result = await runAnsinh(['ingest', '--audit', 'x', '--role', 'payments', workbook]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('vai trò "payments" không hợp lệ');
  });
});
