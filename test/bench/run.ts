/**
 * `npm run bench [-- --rows N]`: generates the large workbooks once (cached under .cache/bench/,
 * git-ignored) and measures each phase in its own process: read (beside the inflate floor),
 * read + normalise, insert, ingest end to end into SQLite, the whole audit of a generated district
 * (`--audit-rows`), and writing the findings workbook for 200,000 findings. Prints a table. Not a test.
 * CPU is the whole process's (every thread, startup included); the main thread's alone beside it
 * (Linux). Further phases for `--phases`: `ingest-thread` and `ingest-worker`, ingest with the
 * reading forced into the main thread or a worker (`ingest` takes ingestUpload's default, which
 * depends on the number of cores); with a worker, the main thread's CPU is the storing side's.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { AUDIT_NODE_FLAG, auditEnv } from '../../src/config/heap.js';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, 'audit-rows': { type: 'string', default: '100000' }, phases: { type: 'string' } },
});
const rows = values.rows ?? '1000000';
const auditRows = values['audit-rows'] ?? '100000';
const reportRows = '200000';
const phases = (values.phases ?? 'generate,read,normalize,insert,ingest,audit,report').split(',');

interface PhaseResult {
  phase: string;
  rows: number;
  ms?: number;
  floorMs?: number;
  ingestMs?: number;
  checksMs?: number;
  jsonMs?: number;
  workbookMs?: number;
  findings?: number;
  minPrecision?: number;
  minRecall?: number;
  trapsTripped?: number;
  ratio?: number;
  cpuMs?: number;
  mainCpuMs?: number;
  peakRssMb: number;
}

const results: PhaseResult[] = [];
for (const phase of phases) {
  const n = phase === 'audit' ? auditRows : phase === 'report' ? reportRows : rows;
  process.stderr.write(`… ${phase} (${n} rows)\n`);
  const output = execFileSync(process.execPath, [...(phase === 'audit' ? [AUDIT_NODE_FLAG] : []), '--import', 'tsx', 'test/bench/phase.ts', phase, n], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: phase === 'audit' ? auditEnv(process.env) : process.env,
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = output.trim().split('\n').pop() ?? '{}';
  results.push(JSON.parse(line) as PhaseResult);
}

const fmt = (n: number | undefined, digits = 0): string => (n === undefined ? '' : n.toLocaleString('en-US', { maximumFractionDigits: digits }));
console.log('\nphase          rows   time (s)     rows/s   CPU (s)  main thread CPU (s)   peak RSS (MB)   note');
for (const r of results) {
  if (r.phase === 'generate') continue;
  const seconds = r.ms === undefined ? undefined : r.ms / 1000;
  const rate = r.ms ? (r.rows / r.ms) * 1000 : undefined;
  const s = (ms: number | undefined): string => fmt((ms ?? 0) / 1000, 1);
  const note =
    r.floorMs !== undefined
      ? `inflate floor ${fmt(r.floorMs / 1000, 2)} s, ratio ${fmt(r.ratio, 2)}×`
      : r.phase === 'audit'
        ? `payout rows; ingest ${s(r.ingestMs)} s, checks ${s(r.checksMs)} s, JSON ${s(r.jsonMs)} s, workbook ${s(r.workbookMs)} s, ${r.findings} findings; lowest precision ${fmt(r.minPrecision, 3)}, recall ${fmt(r.minRecall, 3)}, ${r.trapsTripped} traps tripped`
        : '';
  const cpu = (ms: number | undefined): string => (ms === undefined ? '' : fmt(ms / 1000, 1));
  console.log(
    `${r.phase.padEnd(13)} ${fmt(r.rows).padStart(9)}  ${fmt(seconds, 2).padStart(9)}  ${fmt(rate).padStart(9)}  ${cpu(r.cpuMs).padStart(8)}  ${cpu(r.mainCpuMs).padStart(19)}  ${fmt(r.peakRssMb).padStart(14)}   ${note}`,
  );
}
