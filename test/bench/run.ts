/**
 * `npm run bench [-- --rows N]`: generates the large workbooks once (cached under .cache/bench/,
 * git-ignored) and measures each phase in its own process: read (beside the inflate floor),
 * read + normalise, insert, and ingest end to end into SQLite. Prints a table. Not a test.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, phases: { type: 'string' } } });
const rows = values.rows ?? '1000000';
const phases = (values.phases ?? 'generate,read,normalize,insert,ingest').split(',');

interface PhaseResult {
  phase: string;
  rows: number;
  ms?: number;
  floorMs?: number;
  ratio?: number;
  peakRssMb: number;
}

const results: PhaseResult[] = [];
for (const phase of phases) {
  process.stderr.write(`… ${phase} (${rows} rows)\n`);
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'test/bench/phase.ts', phase, rows], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = output.trim().split('\n').pop() ?? '{}';
  results.push(JSON.parse(line) as PhaseResult);
}

const fmt = (n: number | undefined, digits = 0): string => (n === undefined ? '' : n.toLocaleString('en-US', { maximumFractionDigits: digits }));
console.log('\nphase       rows        time (s)   rows/s       peak RSS (MB)   note');
for (const r of results) {
  if (r.phase === 'generate') continue;
  const seconds = r.ms === undefined ? undefined : r.ms / 1000;
  const rate = r.ms ? (r.rows / r.ms) * 1000 : undefined;
  const note = r.floorMs !== undefined ? `inflate floor ${fmt(r.floorMs / 1000, 2)} s, ratio ${fmt(r.ratio, 2)}×` : '';
  console.log(
    `${r.phase.padEnd(11)} ${fmt(r.rows).padStart(10)}  ${fmt(seconds, 2).padStart(9)}  ${fmt(rate).padStart(10)}  ${fmt(r.peakRssMb).padStart(14)}   ${note}`,
  );
}
