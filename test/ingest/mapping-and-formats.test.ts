import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/index.js';
import { planFile, readRecords } from '../../src/ingest/index.js';
import { readAll, tempDir, writeText, writeWorkbook } from './write-files.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let file: string;
beforeAll(async () => {
  tmp = await tempDir();
  // "Người hưởng" and "Tiền" are not in the vocabulary; "Ghi chú" holds the amount in this commune's file.
  file = await writeWorkbook(tmp.file('la.xlsx'), [
    {
      name: 'DS',
      rows: [
        ['STT', 'Người hưởng', 'Số CMND', 'Số tiền', 'Ghi chú', 'Tiền'],
        [1, 'Lê Thị Một', '012345678', 'đã nhận', 'con gái nhận', 1500000],
      ],
    },
  ]);
});
afterAll(async () => tmp.cleanup());

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('explicit mapping', () => {
  it('maps fields by column letter and by header text, overriding detection, and reports the mapping used', async () => {
    const options = { role: 'payouts' as const, mapping: { fullName: 'B', amount: 'Tiền', receiver: 'ghi chu' } };
    const plan = await planFile(file, options);
    expect(plan.sheets[0]?.mapping).toEqual({ seq: 0, fullName: 1, idNumber: 2, receiver: 4, amount: 5 });
    const { records, stats } = await readAll(readRecords(file, options));
    expect(records[0]).toMatchObject({ fullName: 'Lê Thị Một', amount: 1500000, receiver: 'con gái nhận', note: null });
    expect(stats.mapping).toEqual({ DS: { seq: 0, fullName: 1, idNumber: 2, receiver: 4, amount: 5 } });
    // The displaced "Số tiền" column stays in raw.
    expect(records[0]?.raw['Số tiền']).toBe('đã nhận');
  });

  it('reads a field mapped to null or "" from no column, keeping the column in raw', async () => {
    for (const none of [null, '']) {
      const options = { role: 'payouts' as const, mapping: { fullName: 'B', idNumber: none } };
      const plan = await planFile(file, options);
      expect(plan.sheets[0]?.mapping).toEqual({ seq: 0, fullName: 1, amount: 3, note: 4 });
      const { records } = await readAll(readRecords(file, options));
      expect(records[0]?.idNumber).toBeNull();
      expect(records[0]?.raw['Số CMND']).toBe('012345678');
    }
  });

  it('refuses a mapping to a column that does not exist, naming file and sheet', async () => {
    const byLetter = await caught(planFile(file, { role: 'payouts', mapping: { fullName: 'Q' } }));
    expect(byLetter.code).toBe('INVALID_MAPPING');
    expect(byLetter.location).toMatchObject({ file: 'la.xlsx', sheet: 'DS' });
    expect(byLetter.message).toMatch(/cột Q/);
    const byHeader = await caught(planFile(file, { role: 'payouts', mapping: { amount: 'Thành tiền' } }));
    expect(byHeader.code).toBe('INVALID_MAPPING');
    expect(byHeader.message).toMatch(/"Thành tiền"/);
  });
});

describe('file formats and missing headers', () => {
  it('refuses an .xls file with UNSUPPORTED_FORMAT naming the file', async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const xls = await writeText(tmp.file('cu.xls'), ole);
    const error = await caught(readAll(readRecords(xls, { role: 'payouts' })));
    expect(error.code).toBe('UNSUPPORTED_FORMAT');
    expect(error.location?.file).toBe('cu.xls');
    expect(error.message).toMatch(/xls/);
  });

  it('refuses a file that is no spreadsheet', async () => {
    const pdf = await writeText(tmp.file('bao-cao.pdf'), '%PDF-1.4\n%âãÏÓ\n1 0 obj\n');
    const error = await caught(planFile(pdf, { role: 'payouts' }));
    expect(error.code).toBe('UNSUPPORTED_FORMAT');
    expect(error.location?.file).toBe('bao-cao.pdf');
  });

  it('says a missing file is missing and a folder is a folder, not that they are broken spreadsheets', async () => {
    const missing = await caught(planFile(tmp.file('chua-gui.xlsx'), { role: 'payouts' }));
    expect(missing.code).toBe('UNREADABLE_FILE');
    expect(missing.message).toBe('tệp "chua-gui.xlsx": không tìm thấy tệp');
    const folder = await caught(readAll(readRecords(tmp.dir, { role: 'payouts' })));
    expect(folder.message).toContain('đây là thư mục, không phải tệp');
  });

  it('throws NO_HEADER naming the file and the sheets tried when no sheet has a header', async () => {
    const none = await writeWorkbook(tmp.file('ghi-chu.xlsx'), [
      { name: 'Thuyết minh', rows: [['Báo cáo thuyết minh'], ['Nội dung chi trả đợt 1']] },
      { name: 'Trống', rows: [] },
    ]);
    const error = await caught(planFile(none, { role: 'payouts' }));
    expect(error.code).toBe('NO_HEADER');
    expect(error.location?.file).toBe('ghi-chu.xlsx');
    expect(error.message).toMatch(/"Thuyết minh", "Trống"/);
  });
});
