import type { ReportFinding } from './types.js';

/** How many charts the "Tổng hợp" sheet shows at most: those of the highest-scoring findings. */
export const SUMMARY_CHART_LIMIT = 12;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The chart of a statistical finding, ready to be put on a sheet. */
export interface FindingChart {
  findingId: string;
  rule: string;
  /** The rule's title, or its id when the audit's check list does not name it. */
  ruleTitle: string;
  /** The commune's name, or its code when unknown; null when the finding names none. */
  commune: string | null;
  score: number;
  png: Buffer;
  /** Size in pixels. */
  width: number;
  height: number;
}

/**
 * The PNG chart in a statistical finding's `evidence.chart` (`{ pngBase64, width, height }`, made by
 * src/checks/statistical/charts.ts), or null when there is none or it is not a PNG of a sane size.
 */
export function findingChartImage(finding: ReportFinding): { png: Buffer; width: number; height: number } | null {
  if (finding.category !== 'statistical') return null;
  const chart = finding.evidence.chart;
  if (typeof chart !== 'object' || chart === null) return null;
  const { pngBase64, width, height } = chart as Record<string, unknown>;
  if (typeof pngBase64 !== 'string' || typeof width !== 'number' || typeof height !== 'number') return null;
  if (!(width > 0 && width <= 2000 && height > 0 && height <= 2000)) return null;
  const png = Buffer.from(pngBase64, 'base64');
  if (png.length <= PNG_SIGNATURE.length || !png.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return null;
  return { png, width, height };
}

/**
 * Keeps the charts of the `limit` highest-scoring findings seen so far (ties: first seen first), so
 * the single pass over the findings holds at most `limit` PNGs in memory.
 */
export class TopCharts {
  private readonly kept: { chart: FindingChart; order: number }[] = [];
  private seen = 0;

  constructor(private readonly limit: number) {}

  offer(chart: FindingChart): void {
    const order = this.seen;
    this.seen += 1;
    if (this.limit <= 0) return;
    const last = this.kept[this.kept.length - 1];
    if (this.kept.length >= this.limit && last !== undefined && !(chart.score > last.chart.score)) return;
    this.kept.push({ chart, order });
    this.kept.sort((a, b) => b.chart.score - a.chart.score || a.order - b.order);
    if (this.kept.length > this.limit) this.kept.pop();
  }

  /** The kept charts, highest score first. */
  list(): FindingChart[] {
    return this.kept.map((entry) => entry.chart);
  }
}
