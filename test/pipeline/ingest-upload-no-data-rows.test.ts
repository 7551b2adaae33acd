import { describe, expect, it } from 'vitest';
import type { AppError, Role } from '../../src/domain/index.js';
import { ingestBatch } from '../../src/pipeline/ingest-batch.js';
import { ingestUpload } from '../../src/pipeline/index.js';
import { countRecords, createAudit, listUploads, loadRecords } from '../../src/store/index.js';
import { villageSheet } from '../ingest/village-workbook.js';
import { writeText, writeWorkbook, type Cell } from '../ingest/write-files.js';
import { sqliteFileSuite } from '../support/sqlite-file.js';

const HEADER = 'STT,Họ và tên,Năm sinh,Số CCCD,Số tiền';

const person = (n: number, name: string): Cell[] => [n, name, 1950, null, `0010500${String(12345 + n).padStart(5, '0')}`, 'Thôn 1', 'NCC', 3, 1_500_000, null, null];

/**
 * A list whose file has a header row but no data row was stored as an empty upload ("Đã nạp bad.csv:
 * 0 dòng"), and the audit then ran as if the commune had paid nobody. Such a file is refused.
 */
describe('ingestUpload of a file with a header but no data row', () => {
  const suite = sqliteFileSuite();

  const newAudit = async (name: string): Promise<number> => (await createAudit(suite.handle.db, { name, packageId: 'nq42-2020' })).id;
  const refusal = async (auditId: number, path: string, role: Role, readInWorker = false): Promise<AppError> =>
    (await ingestUpload(suite.handle.db, { auditId, path, role, readInWorker }).then(
      () => expect.unreachable('the file was stored'),
      (e: unknown) => e,
    )) as AppError;
  /** Nothing of the audit's uploads in the table, not even a 'loading' row, and no record of any role. */
  const expectNothingStored = async (auditId: number): Promise<void> => {
    expect(await suite.handle.db.selectFrom('uploads').select(['id', 'file', 'state']).where('audit_id', '=', auditId).execute()).toEqual([]);
    expect(await countRecords(suite.handle.db, auditId)).toEqual({});
    expect(await loadRecords(suite.handle.db, auditId)).toEqual([]);
  };

  it('refuses a header-only CSV naming the file, its sheet and header row, read here or in a worker, and stores nothing', async () => {
    const file = await writeText(suite.dir.file('bad.csv'), `${HEADER}\n`);
    const auditId = await newAudit('Chỉ có tiêu đề');
    for (const readInWorker of [false, true]) {
      const error = await refusal(auditId, file, 'payouts', readInWorker);
      expect(error).toMatchObject({ name: 'AppError', code: 'NO_DATA_ROWS', location: { file: 'bad.csv', sheet: 'bad', row: 1 } });
      expect(error.exitCode).toBe(2);
      expect(error.httpStatus).toBe(422);
      expect(error.message).toBe(
        'tệp "bad.csv", trang "bad", dòng 1: không có dòng dữ liệu nào dưới dòng tiêu đề này; ' +
          'hãy kiểm tra lại tệp đã chọn (có thể đã chọn nhầm tệp, hoặc tệp mới có dòng tiêu đề mà chưa có danh sách)',
      );
    }
    await expectNothingStored(auditId);
  });

  it('refuses a list form with its title, header, totals and signature block but nobody in it, counting the rows it skipped', async () => {
    const file = await writeWorkbook(suite.dir.file('chi-tra-mau.xlsx'), [
      villageSheet('Thôn 1', []),
      { name: 'Ghi chú', rows: [['Danh sách do UBND xã lập ngày 10/5/2020']] },
    ]);
    const auditId = await newAudit('Mẫu trống');
    const error = await refusal(auditId, file, 'beneficiaries');
    expect(error).toMatchObject({ code: 'NO_DATA_ROWS', location: { file: 'chi-tra-mau.xlsx', sheet: 'Thôn 1', row: 6 } });
    expect(error.message).toMatch(/^tệp "chi-tra-mau\.xlsx", trang "Thôn 1", dòng 6: không có dòng dữ liệu nào dưới dòng tiêu đề này \(\d+ dòng bên dưới đều bị bỏ qua: [^)]*dòng tổng 1[^)]*chữ ký \d+[^)]*\); hãy kiểm tra lại tệp đã chọn/);
    await expectNothingStored(auditId);
  });

  it('refuses a workbook whose every village sheet stops at its header, naming each sheet and header row', async () => {
    const header: Cell[] = ['STT', 'Họ và tên', 'Năm sinh', 'Số CMND/CCCD', 'Số tiền'];
    const file = await writeWorkbook(suite.dir.file('xa-an-binh.xlsx'), [
      { name: 'Thôn 1', rows: [['DANH SÁCH CHI TRẢ THÔN 1'], header] },
      { name: 'Thôn 2', rows: [header] },
    ]);
    const auditId = await newAudit('Các thôn trống');
    const error = await refusal(auditId, file, 'payouts');
    expect(error).toMatchObject({ code: 'NO_DATA_ROWS', location: { file: 'xa-an-binh.xlsx' } });
    expect(error.location?.sheet).toBeUndefined();
    expect(error.message).toContain('tệp "xa-an-binh.xlsx": không trang nào có dòng dữ liệu dưới dòng tiêu đề (trang "Thôn 1", dòng tiêu đề 2; trang "Thôn 2", dòng tiêu đề 1)');
    await expectNothingStored(auditId);
  });

  it('refuses a register with no row the same way', async () => {
    const file = await writeWorkbook(suite.dir.file('dang-ky-tu-vong.xlsx'), [{ name: 'Tử vong', rows: [['STT', 'Họ và tên', 'Năm sinh', 'Số CMND/CCCD', 'Ngày chết']] }]);
    const auditId = await newAudit('Sổ tử vong trống');
    const error = await refusal(auditId, file, 'register:deceased');
    expect(error).toMatchObject({ code: 'NO_DATA_ROWS', location: { file: 'dang-ky-tu-vong.xlsx', sheet: 'Tử vong', row: 1 } });
    await expectNothingStored(auditId);
  });

  it('still stores a workbook in which one village sheet is empty and another has people', async () => {
    const file = await writeWorkbook(suite.dir.file('xa-mot-thon-trong.xlsx'), [
      villageSheet('Thôn 1', []),
      villageSheet('Thôn 2', [person(1, 'Nguyễn Văn An'), person(2, 'Trần Văn Bình')]),
    ]);
    const auditId = await newAudit('Một thôn trống');
    const result = await ingestUpload(suite.handle.db, { auditId, path: file, role: 'payouts', readInWorker: false });
    expect(result.stats.sheets.map((s) => [s.sheet, s.rowsRead])).toEqual([
      ['Thôn 1', 0],
      ['Thôn 2', 2],
    ]);
    expect((await listUploads(suite.handle.db, auditId)).map((u) => [u.file, u.rowsRead])).toEqual([['xa-mot-thon-trong.xlsx', 2]]);
    expect(await countRecords(suite.handle.db, auditId)).toEqual({ payouts: 2 });
  });

  it('still stores a file whose rows are all rejected: they are data rows, and each one’s problem says what is missing', async () => {
    const file = await writeText(suite.dir.file('thieu-ten.csv'), `${HEADER}\n1,,1950,,1500000\n2,,1962,,1500000\n`);
    const auditId = await newAudit('Thiếu tên');
    const result = await ingestUpload(suite.handle.db, { auditId, path: file, role: 'payouts', readInWorker: false });
    expect(result.stats).toMatchObject({ rowsRead: 0, rowsRejected: 2 });
    expect(result.stats.sheets[0]?.problems.map((p) => p.row)).toEqual([2, 3]);
    expect((await listUploads(suite.handle.db, auditId)).map((u) => [u.file, u.rowsRejected])).toEqual([['thieu-ten.csv', 2]]);
  });

  it('stops a batch at the empty file, through the shared writer, with the file before it stored and nothing of the empty one', async () => {
    const good = await writeText(suite.dir.file('dot-1.csv'), `${HEADER}\n1,Nguyễn Văn An,1950,001050012345,1500000\n`);
    const empty = await writeText(suite.dir.file('dot-2.csv'), `\uFEFF${HEADER}\r\n\r\n`);
    const after = await writeText(suite.dir.file('dot-3.csv'), `${HEADER}\n1,Trần Văn Bình,1952,001052012345,1500000\n`);
    const auditId = await newAudit('Lô có tệp trống');
    const error = (await ingestBatch(
      suite.handle.db,
      [good, empty, after].map((path) => ({ auditId, path, role: 'payouts' as const })),
    ).catch((e: unknown) => e)) as AppError;
    expect(error).toMatchObject({ code: 'NO_DATA_ROWS', location: { file: 'dot-2.csv', sheet: 'dot-2', row: 1 } });
    expect(error.message).toContain('1 dòng bên dưới đều bị bỏ qua: dòng trống 1');
    expect(await suite.handle.db.selectFrom('uploads').select('file').where('audit_id', '=', auditId).execute()).toEqual([{ file: 'dot-1.csv' }]);
    expect((await loadRecords(suite.handle.db, auditId)).map((r) => r.fullName)).toEqual(['Nguyễn Văn An']);
  });
});
