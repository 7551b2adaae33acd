/**
 * Bench of the streaming xlsx reader against the inflate floor (inflating the sheet part and discarding it).
 * Run: `npx tsx test/bench/xlsx-read.ts [rows]` — generates .cache/bench/payouts-<rows>.xlsx once, then
 * prints floor, read time, ratio and peak RSS. Not a test: timings depend on the machine.
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInflateRaw } from 'node:zlib';
import { openXlsx } from '../../src/ingest/xlsx/index.js';
import { openZip } from '../../src/ingest/xlsx/zip-archive.js';
import { ensurePayoutWorkbook } from './xlsx-generate.js';

export interface XlsxReadBench {
  readonly floorMs: number;
  readonly readMs: number;
  readonly rows: number;
  readonly ratio: number;
  readonly peakRssMb: number;
  /** CPU time (all threads: zlib inflates on the thread pool) — steadier than wall time on a shared machine. */
  readonly floorCpuMs: number;
  readonly readCpuMs: number;
  /** The same read with `fillMerged: false`, which needs no merge pre-scan (one inflate instead of two). */
  readonly readNoFillMs: number;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Inflates the largest entry (the sheet) with plain zlib streaming and discards the bytes. */
export async function inflateFloor(path: string): Promise<number> {
  const zip = await openZip(path);
  const entry = [...zip.entries.values()].sort((a, b) => b.uncompressedSize - a.uncompressedSize)[0];
  await zip.close();
  if (!entry) throw new Error('empty zip');
  // The data starts after the local header, whose name/extra lengths are in the header itself.
  const header = await new Promise<Buffer>((ok, fail) => {
    const chunks: Buffer[] = [];
    createReadStream(path, { start: entry.localHeaderOffset, end: entry.localHeaderOffset + 29 })
      .on('data', (c) => chunks.push(c as Buffer))
      .on('end', () => ok(Buffer.concat(chunks)))
      .on('error', fail);
  });
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const t0 = performance.now();
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 }).pipe(inflate);
  inflate.on('data', () => {});
  await once(inflate, 'end');
  return performance.now() - t0;
}

/**
 * Measures the inflate floor and a full openXlsx read (every row of every sheet, merges filled).
 * @example const r = await benchXlsxRead('.cache/bench/payouts-1000000.xlsx'); r.ratio < 3
 */
export async function benchXlsxRead(path: string): Promise<XlsxReadBench> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const f0 = process.cpuUsage();
    const floorMs = await inflateFloor(path);
    const floorCpuMs = cpuMs(f0);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const workbook = await openXlsx(path);
    let rows = 0;
    for (const sheet of workbook.sheets) {
      for await (const row of workbook.rows(sheet.name)) if (row.cells.length > 0) rows++;
    }
    await workbook.close();
    const readMs = performance.now() - t0;
    const readCpuMs = cpuMs(c0);
    const n0 = performance.now();
    const again = await openXlsx(path);
    for (const sheet of again.sheets) for await (const _row of again.rows(sheet.name, { fillMerged: false })) void _row;
    await again.close();
    const readNoFillMs = performance.now() - n0;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { floorMs, readMs, rows, ratio: readMs / floorMs, peakRssMb: peak / 2 ** 20, floorCpuMs, readCpuMs, readNoFillMs };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const path = resolve(`.cache/bench/payouts-${rows}.xlsx`);
  const g0 = performance.now();
  await ensurePayoutWorkbook(rows, path);
  const generatedMs = performance.now() - g0;
  const r = await benchXlsxRead(path);
  const fmt = (n: number): string => n.toFixed(0).padStart(8);
  console.log(`file: ${path} (${generatedMs > 1000 ? `generated in ${(generatedMs / 1000).toFixed(1)} s` : 'cached'})`);
  console.log('| rows read | inflate floor ms | openXlsx ms | ratio | floor CPU ms | openXlsx CPU ms | CPU ratio | no-fill ms | no-fill ratio | peak RSS MB |');
  console.log('|----------:|-----------------:|------------:|------:|-------------:|----------------:|----------:|-----------:|--------------:|------------:|');
  console.log(
    `| ${r.rows} | ${fmt(r.floorMs)} | ${fmt(r.readMs)} | ${r.ratio.toFixed(2)} | ${fmt(r.floorCpuMs)} | ${fmt(r.readCpuMs)} | ${(r.readCpuMs / r.floorCpuMs).toFixed(2)} | ${fmt(r.readNoFillMs)} | ${(r.readNoFillMs / r.floorMs).toFixed(2)} | ${r.peakRssMb.toFixed(0)} |`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
