import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AppError, CATEGORIES, REVIEW_STATUSES, SEVERITIES } from '../domain/index.js';
import type { Category, ReviewStatus, Severity } from '../domain/index.js';
import { SUMMARY_CHART_LIMIT, TopCharts, findingChartImage } from './finding-charts.js';
import type { FindingChart } from './finding-charts.js';
import { findingRowValues } from './finding-row.js';
import type { FindingRowContext, FindingRowValues } from './finding-row.js';
import type { ReportFinding } from './types.js';

/**
 * How many findings get their chart beside their row: every picture is one anchor in the sheet's
 * drawing part, which is built in memory when the sheet is committed (about 1 KB each).
 */
export const ROW_CHART_LIMIT = 2000;

/** Totals of the streamed findings, for the summary and rules sheets. */
export interface FindingTotals {
  count: number;
  amountAtRisk: number;
  byCategory: Record<Category, { count: number; amountAtRisk: number; bySeverity: Record<Severity, number> }>;
  byRule: Map<string, { count: number; amountAtRisk: number }>;
  byStatus: Record<ReviewStatus, number>;
}

/**
 * The findings sorted into one temporary file per category (JSON lines of row values). exceljs's
 * streaming writer can only stream the sheet being written — rows added to a later sheet stay in
 * memory until every earlier sheet is committed — so the single pass over the findings goes to disk,
 * and each category sheet is then written in turn from its file, in bounded memory.
 */
export interface FindingSpool {
  readonly totals: FindingTotals;
  /** The charts of the highest-scoring statistical findings (at most SUMMARY_CHART_LIMIT), best first. */
  readonly charts: readonly FindingChart[];
  /** How many spooled rows carry a chart of their own (at most ROW_CHART_LIMIT). */
  readonly rowCharts: number;
  /** The spooled rows of one category, in input order. */
  rows(category: Category): AsyncIterable<FindingRowValues>;
  /** Deletes the temporary files. */
  dispose(): Promise<void>;
}

function emptyTotals(): FindingTotals {
  const bySeverity = () => Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  return {
    count: 0,
    amountAtRisk: 0,
    byCategory: Object.fromEntries(
      CATEGORIES.map((c) => [c, { count: 0, amountAtRisk: 0, bySeverity: bySeverity() }]),
    ) as FindingTotals['byCategory'],
    byRule: new Map(),
    byStatus: Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>,
  };
}

async function writeLine(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, 'drain');
}

async function closeStream(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

/** Reads the findings once, spooling their row values per category and adding up the totals. */
export async function spoolFindings(
  findings: AsyncIterable<ReportFinding> | Iterable<ReportFinding>,
  context: FindingRowContext,
): Promise<FindingSpool> {
  const dir = await mkdtemp(join(tmpdir(), 'ansinh-report-'));
  const files = Object.fromEntries(CATEGORIES.map((c) => [c, join(dir, `${c}.jsonl`)])) as Record<Category, string>;
  const streams = CATEGORIES.map((c) => [c, createWriteStream(files[c])] as const);
  const byCategory = new Map<Category, WriteStream>(streams);
  const totals = emptyTotals();
  const charts = new TopCharts(SUMMARY_CHART_LIMIT);
  let rowCharts = 0;
  try {
    for await (const finding of findings) {
      const stream = byCategory.get(finding.category);
      const categoryTotals = totals.byCategory[finding.category];
      if (stream === undefined || categoryTotals === undefined) {
        throw new AppError('INTERNAL', `Phát hiện "${finding.id}" có nhóm không xác định: "${String(finding.category)}".`);
      }
      const amount = Number.isFinite(finding.amountAtRisk) ? finding.amountAtRisk : 0;
      totals.count += 1;
      totals.amountAtRisk += amount;
      categoryTotals.count += 1;
      categoryTotals.amountAtRisk += amount;
      categoryTotals.bySeverity[finding.severity] += 1;
      const rule = totals.byRule.get(finding.rule) ?? { count: 0, amountAtRisk: 0 };
      rule.count += 1;
      rule.amountAtRisk += amount;
      totals.byRule.set(finding.rule, rule);
      totals.byStatus[finding.status] += 1;
      const values = findingRowValues(finding, context);
      const image = findingChartImage(finding);
      if (image !== null) {
        if (rowCharts < ROW_CHART_LIMIT) {
          rowCharts += 1;
          const file = join(dir, `chart-${rowCharts}.png`);
          await writeFile(file, image.png);
          values.chart = { file, width: image.width, height: image.height };
        }
        const commune = finding.subject.commune;
        charts.offer({
          findingId: finding.id,
          rule: finding.rule,
          ruleTitle: context.ruleTitles.get(finding.rule) ?? finding.rule,
          commune: commune === null ? null : (context.communeNames.get(commune) ?? commune),
          score: Number.isFinite(finding.score) ? finding.score : 0,
          ...image,
        });
      }
      await writeLine(stream, `${JSON.stringify(values)}\n`);
    }
    await Promise.all(streams.map(([, stream]) => closeStream(stream)));
  } catch (error) {
    for (const [, stream] of streams) stream.destroy();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    totals,
    charts: charts.list(),
    rowCharts,
    async *rows(category) {
      const lines = createInterface({ input: createReadStream(files[category], 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line.length > 0) yield JSON.parse(line) as FindingRowValues;
      }
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
