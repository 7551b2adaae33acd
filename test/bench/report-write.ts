/**
 * Bench of the findings workbook writer: streams `n` synthetic findings (all five categories,
 * interleaved) into an xlsx in a temporary folder and reports the time, the process's peak resident
 * memory and the file size. Run: `npx tsx test/bench/report-write.ts [n]` (default 200,000).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFindingsWorkbook } from '../../src/report/index.js';
import { makeFindings, makeReportInput } from '../report/report-fixture.js';

export async function benchReportWrite(n: number): Promise<{ findings: number; ms: number; peakRssMb: number; bytes: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-report-'));
  try {
    const path = join(dir, 'findings.xlsx');
    let peak = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 25);
    const started = performance.now();
    const perCategory = Math.ceil(n / 5);
    function* limited() {
      let count = 0;
      for (const finding of makeFindings(perCategory)) {
        if (count === n) return;
        count += 1;
        yield finding;
      }
    }
    const { findings } = await writeFindingsWorkbook(makeReportInput(limited(), { maskIds: true }), path);
    const ms = Math.round(performance.now() - started);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024);
    const bytes = (await stat(path)).size;
    return { findings, ms, peakRssMb: Math.round(peak / 1024 / 1024), bytes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const n = Number(process.argv[2] ?? 200_000);
  const result = await benchReportWrite(n);
  console.log(JSON.stringify(result));
}
