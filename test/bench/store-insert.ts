/**
 * Insert throughput of the store: synthetic payout records into a temp SQLite file, one upload.
 * Run: `npx tsx test/bench/store-insert.ts [rows]` (default 1,000,000). `ms` includes producing
 * the synthetic records; the script also prints that part alone (`generationMs`) and the machine's
 * load average, since a busy machine changes the figure a lot.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PersonRecord } from '../../src/domain/index.js';
import { createAudit, openDb, storeUpload } from '../../src/store/index.js';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Ngọc', 'Minh', 'Thanh', 'Quang'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Yến'];
const ASCII: Record<string, string> = { Nguyễn: 'nguyen', Trần: 'tran', Lê: 'le', Phạm: 'pham', Hoàng: 'hoang', Huỳnh: 'huynh', Phan: 'phan', Vũ: 'vu', Võ: 'vo', Đặng: 'dang', Bùi: 'bui', Đỗ: 'do' };

function pick<T>(list: readonly T[], n: number): T {
  const value = list[n % list.length];
  if (value === undefined) throw new Error('empty list');
  return value;
}

/** One synthetic payout row; deterministic in `i`, IDs spread so the indexes see random inserts. */
export function syntheticRecord(i: number): PersonRecord {
  const surname = pick(SURNAMES, i * 7);
  const fullName = `${surname} ${pick(MIDDLE, i * 3)} ${pick(GIVEN, i * 13)}`;
  const idNumber = String(1e11 + ((i * 2_654_435_761) % 9e11)).padStart(12, '0');
  const commune = String(10_000 + (i % 400)).padStart(5, '0');
  const sheet = `Thôn ${1 + Math.floor(i / 50_000)}`;
  const row = 2 + (i % 50_000);
  return {
    role: 'payouts',
    file: 'chi-tra.xlsx',
    sheet,
    row,
    raw: { STT: row - 1, 'Họ và tên': fullName, 'Số CMND/CCCD': idNumber, 'Số tiền': 1_500_000, 'Ký nhận': 'đã ký' },
    fullName,
    nameKey: `${ASCII[surname] ?? 'x'} ${i % 997}`,
    birthDate: null,
    birthYear: 1940 + (i % 60),
    gender: i % 2 === 0 ? 'M' : 'F',
    idNumber,
    idKind: 'CCCD',
    householdCode: `HO-${Math.floor(i / 4)}`,
    householdHead: null,
    members: 1 + (i % 6),
    relation: null,
    address: null,
    village: sheet,
    provinceCode: '01',
    districtCode: '001',
    communeCode: commune,
    communeName: `Xã ${commune}`,
    groupLabel: 'Người có công',
    groupCode: 'NCC',
    rate: 500_000,
    months: 3,
    period: '2020-04,2020-05,2020-06',
    amount: 1_500_000,
    paidDate: '2020-05-15',
    signature: 'đã ký',
    receiver: null,
    bankAccount: null,
    phone: null,
    revenue: null,
    deathDate: null,
    startDate: null,
    endDate: null,
    population: null,
    payer: 'UBND xã',
    note: null,
    flags: [],
  };
}

export async function* syntheticBatches(rows: number, batch = 2000): AsyncGenerator<PersonRecord[]> {
  for (let start = 0; start < rows; start += batch) {
    const out: PersonRecord[] = [];
    for (let i = start; i < Math.min(rows, start + batch); i++) out.push(syntheticRecord(i));
    yield out;
  }
}

/** Inserts `rows` synthetic payouts as one upload into a fresh temp SQLite file and times it. */
export async function benchStoreInsert(rows: number): Promise<{ rows: number; ms: number; rowsPerSec: number; peakRssMb: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-store-'));
  const handle = await openDb({ sqlitePath: path.join(dir, 'bench.db') });
  let peakRss = process.memoryUsage().rss;
  try {
    const audit = await createAudit(handle.db, { name: 'Bench', packageId: 'nq42-2020' });
    const started = performance.now();
    const upload = await storeUpload(
      handle.db,
      { auditId: audit.id, file: 'chi-tra.xlsx', sha256: 'bench', role: 'payouts', mapping: {}, sheets: [] },
      syntheticBatches(rows),
      (written) => {
        // process.memoryUsage() reads /proc: once per statement it cost some 6 % of the phase.
        if (written % 20_000 !== 0) return;
        const rss = process.memoryUsage().rss;
        if (rss > peakRss) peakRss = rss;
      },
    );
    const ms = performance.now() - started;
    if (upload.id <= 0) throw new Error('upload not stored');
    return { rows, ms: Math.round(ms), rowsPerSec: Math.round(rows / (ms / 1000)), peakRssMb: Math.round(peakRss / 2 ** 20) };
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Time spent only producing the synthetic records, to tell it apart from the insert itself. */
async function generationMs(rows: number): Promise<number> {
  const started = performance.now();
  let count = 0;
  for await (const batch of syntheticBatches(rows)) count += batch.length;
  if (count !== rows) throw new Error('generator miscounted');
  return Math.round(performance.now() - started);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const result = await benchStoreInsert(rows);
  const generation = await generationMs(rows);
  console.log(JSON.stringify({ ...result, generationMs: generation, loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))) }));
}
