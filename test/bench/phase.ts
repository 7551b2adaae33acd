/**
 * One benchmark phase, run in its own process so that its peak memory is its own.
 * `npx tsx test/bench/phase.ts <phase> <rows>` prints one JSON line: { phase, rows, ms, peakRssMb, … }.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { limitHeapGrowth } from '../../src/config/heap.js';
import { readRecords } from '../../src/ingest/index.js';
import { generateSamples } from '../../src/samples/index.js';
import { evaluateSamples, ingestUpload } from '../../src/pipeline/index.js';
import { createAudit, openDb } from '../../src/store/index.js';
import { benchReportWrite } from './report-write.js';
import { benchStoreInsert } from './store-insert.js';
import { ensurePayoutWorkbook } from './xlsx-generate.js';
import { benchXlsxRead, inflateFloor } from './xlsx-read.js';

export const benchWorkbook = (rows: number): string => path.resolve('.cache', 'bench', `payouts-${rows}.xlsx`);

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

/**
 * CPU time of the main thread alone (Linux: /proc/self/task/<pid>/stat), to tell it from the time of the
 * reading worker and zlib's thread pool; undefined elsewhere.
 */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the stat line, the 12th and 13th after the command name.
    return Math.round(((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
  } catch {
    return undefined;
  }
}

async function normalizePhase(file: string): Promise<Record<string, number>> {
  const started = performance.now();
  const generator = readRecords(file, { role: 'payouts' });
  let rows = 0;
  for (;;) {
    const step = await generator.next();
    if (step.done) break;
    rows += step.value.length;
  }
  return { rows, ms: performance.now() - started };
}

/** Ingest end to end (after the inflate floor of the file); `readInWorker` undefined: ingestUpload's default. */
async function ingestPhase(file: string, readInWorker?: boolean): Promise<Record<string, number>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ansinh-bench-'));
  const handle = await openDb({ sqlitePath: path.join(dir, 'bench.sqlite') });
  try {
    const audit = await createAudit(handle.db, { name: 'bench', packageId: 'nq42-2020' });
    // The inflate floor of the same file in the same process, first (so its buffers do not add to the ingest's peak).
    const floorMs = await inflateFloor(file);
    const started = performance.now();
    const result = await ingestUpload(handle.db, {
      auditId: audit.id,
      path: file,
      role: 'payouts',
      writeInWorker: 'auto', // as the CLI's ingest command
      ...(readInWorker === undefined ? {} : { readInWorker }),
    });
    const ms = performance.now() - started;
    return { rows: result.stats.rowsRead, ms, floorMs, ratio: ms / floorMs };
  } finally {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The whole audit (ingest of every list and register, all checks, JSON and workbook) on a generated district. */
async function auditPhase(rows: number): Promise<Record<string, number>> {
  const dir = path.resolve('.cache', 'bench', `samples-${rows}`);
  if (!existsSync(path.join(dir, 'answers.json'))) await generateSamples({ seed: 1, rows, outDir: dir });
  const out = await mkdtemp(path.join(os.tmpdir(), 'ansinh-bench-audit-'));
  try {
    const started = performance.now();
    const { findings, timings, checks, scores, traps } = await evaluateSamples(dir, { out: path.join(out, 'audit.xlsx'), json: path.join(out, 'audit.json') });
    const ms = performance.now() - started;
    for (const check of checks) process.stderr.write(`   ${check.id.padEnd(28)} ${check.ms.toFixed(0).padStart(7)} ms  ${check.count} findings\n`);
    // The answer key holds every planted anomaly: a larger district must not buy speed with accuracy.
    for (const s of scores.filter((x) => x.precision < 1 || x.recall < 1)) {
      process.stderr.write(`   ${s.rule.padEnd(28)} planted ${s.expected}, found ${s.found}, right ${s.truePositives}: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}\n`);
    }
    const minOf = (values: readonly number[]): number => (values.length === 0 ? 1 : Math.min(...values));
    return {
      rows, ms, findings: findings.length, ingestMs: timings['ingest'] ?? 0, checksMs: timings['checks'] ?? 0, jsonMs: timings['json'] ?? 0, workbookMs: timings['workbook'] ?? 0,
      minPrecision: minOf(scores.map((x) => x.precision)), minRecall: minOf(scores.map((x) => x.recall)), trapsTripped: traps.filter((t) => t.trippedBy.length > 0).length,
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // As the CLI does first thing, so that the figures are the product's.
  limitHeapGrowth();
  const [phase = 'read', rowsArg = '1000000'] = process.argv.slice(2);
  const rows = Number(rowsArg);
  const file = benchWorkbook(rows);
  let result: Record<string, number>;
  switch (phase) {
    case 'generate':
      await ensurePayoutWorkbook(rows, file);
      result = { rows };
      break;
    case 'read': {
      const r = await benchXlsxRead(file);
      result = { rows: r.rows, floorMs: r.floorMs, ms: r.readMs, ratio: r.ratio };
      break;
    }
    case 'normalize':
      result = await normalizePhase(file);
      break;
    case 'insert': {
      const r = await benchStoreInsert(rows);
      result = { rows: r.rows, ms: r.ms };
      break;
    }
    case 'ingest':
      result = await ingestPhase(file);
      break;
    case 'ingest-worker':
      result = await ingestPhase(file, true);
      break;
    case 'ingest-thread':
      result = await ingestPhase(file, false);
      break;
    case 'report': {
      const r = await benchReportWrite(rows);
      result = { rows: r.findings, ms: r.ms, bytes: r.bytes };
      break;
    }
    case 'audit':
      result = await auditPhase(rows);
      break;
    default:
      throw new Error(`unknown phase ${phase}`);
  }
  const cpu = process.cpuUsage();
  const load = Number(os.loadavg()[0]?.toFixed(1));
  // CPU time (user + system, whole process) is steadier than wall time on a shared, loaded machine.
  process.stdout.write(
    JSON.stringify({ phase, ...result, cpuMs: Math.round((cpu.user + cpu.system) / 1000), mainCpuMs: mainThreadCpuMs(), load, peakRssMb: peakRssMb() }) + '\n',
  );
}

await main();
