import { describe, expect, it } from 'vitest';
import type { AppError } from '../../src/domain/index.js';
import { ingestUpload } from '../../src/pipeline/index.js';
import { createBatchDecoder, createBatchEncoder, type PackedRecords } from '../../src/pipeline/record-transfer.js';
import { createAudit, listUploads, loadRecords } from '../../src/store/index.js';
import { ENCODED_WIDTH, encodeRecordInto, RawKeyTable, type StoredValue } from '../../src/store/record-encoding.js';
import { villageSheet } from '../ingest/village-workbook.js';
import { writeText, writeWorkbook } from '../ingest/write-files.js';
import { makeRecord } from '../support/records.js';
import { sqliteFileSuite } from '../support/sqlite-file.js';

describe('record transfer between the reading worker and the store', () => {
  it('unpacks to exactly what encodeRecords gives, texts repeated within and across batches included', () => {
    const encode = createBatchEncoder();
    const decode = createBatchDecoder();
    const keys = new RawKeyTable();
    for (let b = 0; b < 5; b++) {
      const records = Array.from({ length: 4 }, (_, i) =>
        makeRecord({
          row: 10 * b + i,
          fullName: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoà'][(b + i) % 3] ?? null,
          idNumber: String(1e11 + 10 * b + i),
          village: `Thôn ${i % 2}`,
          amount: i % 2 === 0 ? 1_500_000 : null,
          months: 1.5,
          raw: b === 3 ? { 'Họ và tên': 'x', STT: i } : { 'Họ và tên': 'x', STT: i, 'Ghi chú': '' },
          flags: i === 0 ? ['GROUP_UNKNOWN'] : [],
        }),
      );
      const { payload, transfer } = encode(records);
      expect(transfer.length).toBe(2);
      const lists = keys.lists.length;
      const values = new Array<StoredValue>(records.length * ENCODED_WIDTH);
      records.forEach((record, i) => encodeRecordInto(record, values, i * ENCODED_WIDTH, keys));
      const decoded = decode(structuredClone(payload as PackedRecords));
      expect(decoded.values).toEqual(values);
      // The key lists travel with the first batch that needs them (b = 0, and b = 3 with a shorter list).
      expect(decoded.rawKeys).toEqual(keys.lists.length > lists ? keys.lists : undefined);
    }
  });
});

describe('ingestUpload in a worker', () => {
  const suite = sqliteFileSuite();

  it('stores the same records and counts as reading in this thread', async () => {
    const people = Array.from({ length: 60 }, (_, i) => [
      i + 1,
      i % 3 === 0 ? 'NguyÔn ThÞ Hoa' : `Trần Văn Bình ${String.fromCharCode(65 + (i % 26))}`,
      i % 2 === 0 ? 1950 + (i % 40) : null,
      i % 2 === 0 ? null : 1960 + (i % 30),
      String(1_000_000_000 + i).padStart(12, '0'),
      `Thôn ${1 + (i % 4)}`,
      i % 5 === 0 ? 'Hộ cận nghèo' : 'Người có công',
      3,
      i === 7 ? 'không rõ' : 1_500_000,
      'đã ký',
      null,
    ]);
    const file = await writeWorkbook(suite.dir.file('chi-tra-an-binh.xlsx'), [villageSheet('Thôn 1', people), villageSheet('Thôn 2', people.slice(0, 9))]);
    const here = await createAudit(suite.handle.db, { name: 'Trong luồng', packageId: 'nq42-2020' });
    const there = await createAudit(suite.handle.db, { name: 'Luồng phụ', packageId: 'nq42-2020' });
    const a = await ingestUpload(suite.handle.db, { auditId: here.id, path: file, role: 'payouts', readInWorker: false });
    const b = await ingestUpload(suite.handle.db, { auditId: there.id, path: file, role: 'payouts', readInWorker: true });
    expect(b.stats).toEqual(a.stats);
    const stored = await loadRecords(suite.handle.db, there.id);
    expect(stored).toHaveLength(69);
    expect(stored).toEqual(await loadRecords(suite.handle.db, here.id));
    const [uploadHere, uploadThere] = [(await listUploads(suite.handle.db, here.id))[0], (await listUploads(suite.handle.db, there.id))[0]];
    expect({ ...uploadThere, id: 0, auditId: 0, uploadedAt: '' }).toEqual({ ...uploadHere, id: 0, auditId: 0, uploadedAt: '' });
  });

  it('rethrows the reader’s error with its code and leaves nothing of the upload stored', async () => {
    const file = await writeText(suite.dir.file('danh-sach.ods'), 'PK\u0003\u0004 not really a spreadsheet');
    const audit = await createAudit(suite.handle.db, { name: 'Tệp hỏng', packageId: 'nq42-2020' });
    const here = await ingestUpload(suite.handle.db, { auditId: audit.id, path: file, role: 'payouts', readInWorker: false }).catch((e: unknown) => e);
    const there = await ingestUpload(suite.handle.db, { auditId: audit.id, path: file, role: 'payouts', readInWorker: true }).catch((e: unknown) => e);
    expect(there).toMatchObject({ code: 'UNREADABLE_FILE', location: { file: 'danh-sach.ods' } });
    expect(there).toMatchObject({ code: (here as AppError).code, message: (here as AppError).message, location: (here as AppError).location });
    expect(await listUploads(suite.handle.db, audit.id)).toEqual([]);
    expect(await loadRecords(suite.handle.db, audit.id)).toEqual([]);
  });
});
