import { describe, expect, it } from 'vitest';
import { toPlainRecord, type PersonRecord } from '../../src/domain/index.js';
import { createAudit, ENCODED_WIDTH, encodeRecords, loadRecords, storeUpload, type EncodedRecords } from '../../src/store/index.js';
import { FIRST_FIELD, PERSON_FIELDS } from '../../src/store/record-columns.js';
import { forEachDialect } from '../support/db.js';
import { makeRecord } from '../support/records.js';

/** Every PersonRecord column set to a value that names its field, so a value in the wrong column shows. */
function recordNamingItsFields(): PersonRecord {
  const overrides: Record<string, unknown> = {};
  PERSON_FIELDS.forEach(([field, kind], i) => (overrides[field] = kind === 'number' ? 1000 + i : `giá trị ${field}`));
  return makeRecord({ ...(overrides as Partial<PersonRecord>), sheet: 'Thôn Đông', row: 7, raw: { 'Họ và tên': 'Lê Thị Hoa', STT: 5 }, flags: ['GROUP_UNKNOWN'] });
}

describe('encodeRecords', () => {
  it('lays out role, file, sheet, row, commune code and name, then the record JSON: raw, flags, every field in PERSON_FIELDS order', () => {
    const record = recordNamingItsFields();
    const { count, values } = encodeRecords([record]);
    expect(count).toBe(1);
    expect(values).toHaveLength(ENCODED_WIDTH);
    expect(values.slice(0, 6)).toEqual([record.role, record.file, 'Thôn Đông', 7, 'giá trị communeCode', 'giá trị communeName']);
    const packed = JSON.parse(String(values[6])) as unknown[];
    expect(packed.slice(0, FIRST_FIELD)).toEqual([{ 'Họ và tên': 'Lê Thị Hoa', STT: 5 }, ['GROUP_UNKNOWN']]);
    expect(packed.slice(FIRST_FIELD)).toEqual(PERSON_FIELDS.map(([field]) => record[field]));
  });

  it('stores no flags as [], non-finite numbers as null and leaves out trailing empty fields', () => {
    const { values } = encodeRecords([makeRecord({ flags: [], amount: Number.NaN, birthYear: null, note: 'ghi chú' })]);
    const packed = JSON.parse(String(values[6])) as unknown[];
    expect(packed[1]).toEqual([]);
    expect(packed[FIRST_FIELD + PERSON_FIELDS.findIndex(([field]) => field === 'amount')]).toBeNull();
    const short = JSON.parse(String(encodeRecords([makeRecord({ fullName: 'Lê Văn Tám' })]).values[6])) as unknown[];
    expect(short).toEqual([{}, [], 'Lê Văn Tám']);
  });
});

forEachDialect('storeUpload with encoded batches', (ctx) => {
  it('stores encoded batches exactly as it stores the records themselves', async () => {
    const db = ctx.db();
    const records = [recordNamingItsFields(), makeRecord({ sheet: 'Thôn Tây', row: 3 }), makeRecord({ file: 'khác.xlsx', sheet: 'Thôn Tây', row: 4 })];
    const asRecords = await createAudit(db, { name: 'Bản ghi', packageId: 'nq42-2020' });
    const asEncoded = await createAudit(db, { name: 'Mã hóa', packageId: 'nq42-2020' });
    const input = (auditId: number) => ({ auditId, file: 'chi-tra.xlsx', sha256: 'x', role: 'payouts' as const, mapping: {}, sheets: [] });
    await storeUpload(db, input(asRecords.id), (async function* () {
      yield records.slice(0, 1);
      yield records.slice(1);
    })());
    await storeUpload(db, input(asEncoded.id), (async function* (): AsyncGenerator<EncodedRecords> {
      yield encodeRecords(records.slice(0, 1));
      yield encodeRecords(records.slice(1));
    })());
    const stored = await loadRecords(db, asEncoded.id);
    expect(stored).toEqual(await loadRecords(db, asRecords.id));
    expect(stored).toEqual(records);
  });

  it('stores raw cells as [list, values…] with each header list once per upload, and reads them back as they were', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Ô gốc', packageId: 'nq42-2020' });
    const records = [
      makeRecord({ row: 2, raw: { STT: 1, 'Họ và tên': 'Lê Thị Hoa', 'Số tiền': '1.500.000' } }),
      makeRecord({ row: 3, raw: { STT: 2, 'Họ và tên': 'Trần Văn Bình', 'Số tiền': 750000 } }),
      makeRecord({ row: 4, raw: { STT: 3, 'Họ và tên': 'Phạm Thị Lan' } }),
      makeRecord({ row: 5, raw: {} }),
    ];
    await storeUpload(db, { auditId: audit.id, file: 'chi-tra.xlsx', sha256: 'k', role: 'payouts', mapping: {}, sheets: [] }, (async function* () {
      yield records;
    })());
    const upload = await db.selectFrom('uploads').select('raw_keys_json').where('audit_id', '=', audit.id).executeTakeFirstOrThrow();
    expect(JSON.parse(upload.raw_keys_json ?? 'null')).toEqual([['STT', 'Họ và tên', 'Số tiền'], ['STT', 'Họ và tên']]);
    const rows = await db.selectFrom('payouts').select('record_json').where('audit_id', '=', audit.id).orderBy('row_number').execute();
    expect(rows.map((r) => (JSON.parse(r.record_json) as unknown[])[0])).toEqual([[0, 1, 'Lê Thị Hoa', '1.500.000'], [0, 2, 'Trần Văn Bình', 750000], [1, 3, 'Phạm Thị Lan'], {}]);
    expect(await loadRecords(db, audit.id)).toEqual(records);
  });

  it('stores a text field equal to a raw cell as that cell\'s position, and reads the text back', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Tham chiếu ô', packageId: 'nq42-2020' });
    const raw = (name: string, address: string) => ({ STT: 1, 'Họ và tên': name, 'Địa chỉ': address, 'Số CCCD': '001080001234', Xã: 'Xã Hòa Bình' });
    const records = [
      makeRecord({ row: 2, raw: raw('Lê Thị Hoa', 'Thôn 7, Xã Hòa Bình'), fullName: 'Lê Thị Hoa', address: 'Thôn 7, Xã Hòa Bình', idNumber: '001080001234', communeName: 'Xã Hòa Bình', nameKey: 'le thi hoa' }),
      // The name differs from its cell (normalised), the address sits in another column than the row above's: both still right.
      makeRecord({ row: 3, raw: { STT: 2, 'Địa chỉ': 'Thôn 2', 'Họ và tên': 'TRẦN VĂN BÌNH' }, fullName: 'Trần Văn Bình', address: 'Thôn 2', village: 'Thôn 2' }),
      // A field equal to a number cell's digits stays text.
      makeRecord({ row: 4, raw: { STT: 1948, 'Họ và tên': 'Phạm Thị Lan' }, fullName: 'Phạm Thị Lan', note: '1948' }),
    ];
    await storeUpload(db, { auditId: audit.id, file: 'chi-tra.xlsx', sha256: 'r', role: 'payouts', mapping: {}, sheets: [] }, (async function* () {
      yield records;
    })());
    const rows = await db.selectFrom('payouts').select('record_json').where('audit_id', '=', audit.id).orderBy('row_number').execute();
    const packed = rows.map((r) => JSON.parse(r.record_json) as unknown[]);
    const slot = (field: string): number => FIRST_FIELD + PERSON_FIELDS.findIndex(([f]) => f === field);
    expect([packed[0]?.[slot('fullName')], packed[0]?.[slot('address')], packed[0]?.[slot('idNumber')], packed[0]?.[slot('communeName')]]).toEqual([2, 3, 4, 5]);
    expect(packed[0]?.[slot('nameKey')]).toBe('le thi hoa');
    expect([packed[1]?.[slot('fullName')], packed[1]?.[slot('address')], packed[1]?.[slot('village')]]).toEqual(['Trần Văn Bình', 2, 2]);
    expect(packed[2]?.[slot('note')]).toBe('1948');
    expect(await loadRecords(db, audit.id)).toEqual(records);
    expect((await loadRecords(db, audit.id, undefined, { raw: false })).map(toPlainRecord)).toEqual(records.map((r) => ({ ...r, raw: {} })));
  });

  it('refuses an encoded record of another role, leaving nothing stored', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Sai vai trò', packageId: 'nq42-2020' });
    const batch = encodeRecords([makeRecord(), makeRecord({ role: 'beneficiaries', sheet: 'Thôn 9', row: 12 })]);
    const stored = storeUpload(db, { auditId: audit.id, file: 'chi-tra.xlsx', sha256: 'y', role: 'payouts', mapping: {}, sheets: [] }, (async function* () {
      yield batch;
    })());
    await expect(stored).rejects.toMatchObject({ code: 'BAD_INPUT', location: { sheet: 'Thôn 9', row: 12 } });
    expect(await loadRecords(db, audit.id)).toEqual([]);
  });
});
