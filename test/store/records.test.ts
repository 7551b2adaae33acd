import { expect, it } from 'vitest';
import type { PersonRecord } from '../../src/domain/index.js';
import { countRecords, createAudit, loadRecords, storeUpload, streamRecords } from '../../src/store/index.js';
import { forEachDialect } from '../support/db.js';
import { makeRecord } from '../support/records.js';
import { batchesOf, storeRecords } from './fixtures.js';

/** A record with every field set, Vietnamese text with diacritics, and nested raw/flags JSON. */
const FULL: PersonRecord = makeRecord({
  role: 'beneficiaries',
  file: 'danh-sách đối tượng.xlsx',
  sheet: 'Thôn Đông Hà',
  row: 17,
  raw: { STT: 15, 'Họ và tên': 'Nguyễn Thị Ánh Tuyết', 'Ngày sinh': '1952-03-04', 'Số tiền': 1500000, 'Ghi chú': null, nested: { đã_ký: true, list: [1, 'hai'] } },
  fullName: 'Nguyễn Thị Ánh Tuyết',
  nameKey: 'nguyen thi anh tuyet',
  birthDate: '1952-03-04',
  birthYear: 1952,
  gender: 'F',
  idNumber: '001152012345',
  idKind: 'CCCD',
  householdCode: 'HGĐ-0042',
  householdHead: 'Trần Văn Đức',
  members: 5,
  relation: 'Vợ',
  address: 'Số 12, ngõ 3, đường Lê Lợi',
  village: 'Thôn Đông Hà',
  provinceCode: '01',
  districtCode: '001',
  communeCode: '00004',
  communeName: 'Phường Phúc Xá',
  groupLabel: 'Người có công với cách mạng',
  groupCode: 'NCC',
  rate: 500000,
  months: 3,
  period: '2020-04,2020-05,2020-06',
  amount: 1500000,
  paidDate: '2020-05-15',
  signature: 'Đã ký',
  receiver: 'Trần Văn Đức (chồng)',
  bankAccount: '0011004123456',
  phone: '0912345678',
  revenue: 98765432101,
  deathDate: '2020-12-31',
  startDate: '2020-04-01',
  endDate: '2020-06-30',
  population: 12345,
  payer: 'Bưu điện huyện',
  note: 'Nhận thay — có giấy ủy quyền',
  flags: ['ID_LEADING_ZERO_RESTORED', 'LEGACY_ENCODING_TCVN3'],
});

forEachDialect('records', (ctx) => {
  it('round-trips every PersonRecord field, raw and flags JSON and Vietnamese text', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Phúc Xá', packageId: 'nq42-2020' });
    const sparse = makeRecord({ role: 'beneficiaries', file: FULL.file, sheet: 'Thôn Đông Hà', row: 18, months: 1.5, amount: 750000 });
    await storeRecords(db, audit.id, [FULL, sparse]);
    const loaded = await loadRecords(db, audit.id);
    expect(loaded).toEqual([FULL, sparse]);
    expect(loaded[0]?.raw).toEqual(FULL.raw);
    expect(loaded[1]?.birthYear).toBeNull();
  });

  it('shares one flags list among the records read together that have the same flags, and keeps it unchangeable', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Cờ chung', packageId: 'nq42-2020' });
    const flags = ['ID_UNKNOWN_PROVINCE', 'ADMIN_UNIT_UNRESOLVED'] as const;
    await storeRecords(db, audit.id, [
      makeRecord({ row: 2, flags: [...flags], communeName: 'Xã Hòa Bình' }),
      makeRecord({ row: 3, flags: [...flags], communeName: 'Xã Hòa Bình' }),
      makeRecord({ row: 4, flags: ['GROUP_UNKNOWN'], communeName: 'Xã Hòa Bình' }),
      makeRecord({ row: 5 }),
    ]);
    const [a, b, c, d] = await loadRecords(db, audit.id);
    expect(a?.flags).toEqual(flags);
    expect(b?.flags).toBe(a?.flags);
    expect(c?.flags).toEqual(['GROUP_UNKNOWN']);
    expect(d?.flags).toEqual([]);
    expect(Object.isFrozen(a?.flags)).toBe(true);
    expect([a, b, c].map((r) => r?.communeName)).toEqual(['Xã Hòa Bình', 'Xã Hòa Bình', 'Xã Hòa Bình']);
  });

  it('keeps a record file name that differs from the upload file', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Zip', packageId: 'nq42-2020' });
    const inner = makeRecord({ file: 'bên trong.xlsx', row: 3 });
    await storeRecords(db, audit.id, [inner], { file: 'gói.zip' });
    expect((await loadRecords(db, audit.id))[0]?.file).toBe('bên trong.xlsx');
  });

  it('orders by upload, then sheet order as the rows arrived, then row; filters by role', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Thứ tự', packageId: 'nq42-2020' });
    // "Thôn B" arrives first: sheet order is arrival order, not alphabetical.
    const first = [
      makeRecord({ sheet: 'Thôn B', row: 4 }),
      makeRecord({ sheet: 'Thôn B', row: 2 }),
      makeRecord({ sheet: 'Thôn A', row: 3 }),
      makeRecord({ sheet: 'Thôn A', row: 2 }),
    ];
    await storeRecords(db, audit.id, first, { file: 'chi-tra.xlsx' });
    await storeRecords(db, audit.id, [makeRecord({ role: 'register:pension', file: 'huu.xlsx', sheet: 'S', row: 9 })], { file: 'huu.xlsx' });
    await storeRecords(db, audit.id, [makeRecord({ file: 'dot-2.xlsx', sheet: 'Thôn A', row: 2 })], { file: 'dot-2.xlsx' });
    const all = await loadRecords(db, audit.id);
    expect(all.map((r) => `${r.file}|${r.sheet}|${r.row}`)).toEqual([
      'chi-tra.xlsx|Thôn B|2',
      'chi-tra.xlsx|Thôn B|4',
      'chi-tra.xlsx|Thôn A|2',
      'chi-tra.xlsx|Thôn A|3',
      'huu.xlsx|S|9',
      'dot-2.xlsx|Thôn A|2',
    ]);
    expect((await loadRecords(db, audit.id, 'register:pension')).map((r) => r.role)).toEqual(['register:pension']);
    expect((await loadRecords(db, audit.id, 'payouts')).length).toBe(5);
    expect(await loadRecords(db, audit.id, 'beneficiaries')).toEqual([]);
    expect(await countRecords(db, audit.id)).toEqual({ payouts: 5, 'register:pension': 1 });
  });

  it('streams in pages of at most batchSize, in order, with nothing lost or repeated', async () => {
    const db = ctx.db();
    const audit = await createAudit(db, { name: 'Trang', packageId: 'nq42-2020' });
    // Same row number twice in a sheet: the id breaks the tie so paging still sees both.
    const records = Array.from({ length: 23 }, (_, i) => makeRecord({ sheet: i < 12 ? 'Thôn 1' : 'Thôn 2', row: 2 + Math.floor(i / 2), idNumber: String(i) }));
    await storeUpload(
      db,
      { auditId: audit.id, file: 'chi-tra.xlsx', sha256: 's', role: 'payouts', mapping: {}, sheets: [] },
      batchesOf([records.slice(0, 10), records.slice(10)]),
    );
    await storeRecords(db, audit.id, [makeRecord({ file: 'b.xlsx', idNumber: 'b' })], { file: 'b.xlsx' });
    const pages: PersonRecord[][] = [];
    for await (const page of streamRecords(db, audit.id, 'payouts', 5)) pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3, 1]);
    expect(pages.flat().map((r) => r.idNumber)).toEqual([...records.map((r) => r.idNumber), 'b']);
    expect(pages.flat()).toEqual(await loadRecords(db, audit.id, 'payouts'));
    const other = await createAudit(db, { name: 'Khác', packageId: 'nq42-2020' });
    const none: PersonRecord[][] = [];
    for await (const page of streamRecords(db, other.id)) none.push(page);
    expect(none).toEqual([]);
  });
});
