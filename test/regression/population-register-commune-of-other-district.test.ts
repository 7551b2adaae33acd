import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../src/domain/index.js';
import { readRecords } from '../../src/ingest/index.js';
import { payout, runOne } from '../checks/factories.js';
import { readAll, tempDir, writeText } from '../ingest/write-files.js';

/**
 * Bug: a district population register (no district or province column, no title) lists, without a code,
 * a commune of another province. The name alone is unique in the country, so ingestion resolves it to
 * that province and UNKNOWN_ADMIN_UNIT stayed silent although the row does not belong to the district
 * every other row of the file is in.
 */
let tmp: Awaited<ReturnType<typeof tempDir>>;
let population: PersonRecord[];

beforeAll(async () => {
  tmp = await tempDir();
  const csv = [
    'Mã xã,Xã/phường/thị trấn,Số hộ,Dân số',
    '02800,Xã Nàn Sán,1325,5168',
    '02803,Thào Chư Phìn,1885,7727',
    '02806,Xã Bản Mế,3450,12075',
    '02809,Xã Si Ma Cai,2421,9441',
    ',Tường Lộc,1528,8385',
  ].join('\r\n');
  const file = await writeText(tmp.file('dan-so.csv'), `\ufeff${csv}\r\n`);
  population = (await readAll(readRecords(file, { role: 'register:population' }))).records;
});
afterAll(async () => tmp.cleanup());

describe('UNKNOWN_ADMIN_UNIT on a row outside the district of the rest of its file', () => {
  it('ingestion does locate the stray commune (in Vĩnh Long), so only the check can tell', () => {
    const stray = population.find((r) => r.row === 6);
    expect(stray?.districtCode).toBe('860');
    expect(stray?.flags).not.toContain('ADMIN_UNIT_UNRESOLVED');
    expect(population.filter((r) => r.districtCode === '084')).toHaveLength(4);
  });

  it('flags the stray row alone, naming its district and the file’s district', () => {
    const findings = runOne('UNKNOWN_ADMIN_UNIT', { registers: { population } });
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f?.records.map((r) => r.row)).toEqual([6]);
    expect(f?.explanation).toContain('Xã Tường Lộc');
    expect(f?.explanation).toContain('Huyện Si Ma Cai');
  });

  it('stays silent when the file establishes no district (two districts half and half)', () => {
    const a = [1, 2, 3].map(() => payout({ file: 'huyen.xlsx', communeCode: '02800', communeName: 'Xã Nàn Sán', districtCode: '084', provinceCode: '10' }));
    const b = [1, 2, 3].map(() => payout({ file: 'huyen.xlsx', communeCode: '29758', communeName: 'Xã Tường Lộc', districtCode: '860', provinceCode: '86' }));
    expect(runOne('UNKNOWN_ADMIN_UNIT', { payouts: [...a, ...b] })).toEqual([]);
  });
});
