import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/index.js';
import { readRecords, readRecordsInWorker } from '../../src/ingest/index.js';
import { villageSheet } from './village-workbook.js';
import { readAll, tempDir, writeText, writeWorkbook } from './write-files.js';

describe('readRecordsInWorker', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => {
    await dir.cleanup();
  });

  it('gives the same records, batches, stats and progress as readRecords in this thread', async () => {
    const people = Array.from({ length: 40 }, (_, i) => [
      i + 1,
      i % 2 === 0 ? 'Nguyễn Văn An' : 'NguyÔn ThÞ Hoa',
      i % 2 === 0 ? 1950 + i : null,
      i % 2 === 0 ? null : 1960 + i,
      String(1_000_000_000 + i).padStart(12, '0'),
      'Thôn 1',
      'Người có công',
      3,
      i === 7 ? 'không rõ' : 1_500_000,
      'đã ký',
      null,
    ]);
    const file = await writeWorkbook(dir.file('an-binh.xlsx'), [villageSheet('Thôn 1', people)]);
    const progressHere: number[] = [];
    const progressThere: number[] = [];
    const here = await readAll(readRecords(file, { role: 'payouts', batchSize: 15, onProgress: (n) => progressHere.push(n) }));
    const there = await readAll(readRecordsInWorker(file, { role: 'payouts', batchSize: 15, onProgress: (n) => progressThere.push(n) }));
    expect(here.records).toHaveLength(40);
    expect(there.records).toEqual(here.records);
    expect(there.batches).toBe(here.batches);
    expect(there.stats).toEqual(here.stats);
    expect(there.stats.sheets[0]?.problems.length).toBeGreaterThan(0);
    expect(progressThere).toEqual(progressHere);
    expect(progressThere.at(-1)).toBe(40);
  });

  it('rethrows the reader’s AppError with its code, message and location', async () => {
    const file = await writeText(dir.file('danh-sach.ods'), 'PK\u0003\u0004 not really a spreadsheet');
    const here = await readAll(readRecords(file, { role: 'payouts' })).catch((e: unknown) => e);
    const there = await readAll(readRecordsInWorker(file, { role: 'payouts' })).catch((e: unknown) => e);
    expect(here).toBeInstanceOf(AppError);
    expect(there).toBeInstanceOf(AppError);
    const [a, b] = [here as AppError, there as AppError];
    expect(b.code).toBe(a.code);
    expect(b.message).toBe(a.message);
    expect(b.location).toEqual(a.location);
    expect(b.location?.file).toBe('danh-sach.ods');
  });
});
