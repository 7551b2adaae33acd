import { viNumber } from './format.js';
import { encodePng, Raster, textWidth, type Rgba } from './png.js';

/**
 * Small charts of statistical findings, for people who would rather look than read: an SVG (with text
 * labels, for the web page) and the same chart as a PNG (bars, axes and digits only, for the Excel
 * report), both made without a browser or a native canvas.
 */
export interface Chart {
  readonly svg: string;
  readonly pngBase64: string;
  readonly width: number;
  readonly height: number;
}

/** One bar: a label, its value, and whether it is the subject of the finding (drawn in the alert colour). */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly highlight?: boolean;
}

export const CHART_COLORS = {
  peer: [148, 163, 184, 255] as Rgba,
  subject: [220, 38, 38, 255] as Rgba,
  reference: [37, 99, 235, 255] as Rgba,
  axis: [51, 65, 85, 255] as Rgba,
  background: [255, 255, 255, 255] as Rgba,
};

/** Largest size (SVG + base64 PNG, characters) a chart may have to be put into a finding's evidence. */
export const MAX_CHART_CHARS = 20_000;

const W = 360;
const H = 180;
const M = { left: 34, right: 8, top: 22, bottom: 30 };

const hex = (c: Rgba) => `#${[c[0], c[1], c[2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

function shortLabel(s: string, max = 12): string {
  const bare = s.replace(/^(Xã|Phường|Thị trấn|Thôn|Ấp|Tổ)\s+/i, '');
  return bare.length > max ? `${bare.slice(0, max - 1)}…` : bare;
}

/** Axis maximum: a little above the largest value, at least 1e-9 so scaling never divides by 0. */
function axisMax(values: readonly number[]): number {
  const max = Math.max(0, ...values.filter(Number.isFinite));
  return max > 0 ? max * 1.1 : 1;
}

function axisLabel(v: number): string {
  return v >= 100 ? viNumber(v, 0) : v >= 1 ? viNumber(v, 1) : viNumber(v, 3);
}

/** The opening of every chart's SVG: canvas, title, both axes and the label of the axis top. */
function svgFrame(title: string, plotH: number, topLabel: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="9">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${W / 2}" y="13" text-anchor="middle" font-size="11" font-weight="bold">${escapeXml(title)}</text>`,
    `<line x1="${M.left}" y1="${M.top + plotH}" x2="${W - M.right}" y2="${M.top + plotH}" stroke="${hex(CHART_COLORS.axis)}"/>`,
    `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${M.top + plotH}" stroke="${hex(CHART_COLORS.axis)}"/>`,
    `<text x="${M.left - 3}" y="${M.top + 4}" text-anchor="end">${escapeXml(topLabel)}</text>`,
  ];
}

/** Returns the chart only when it is small enough to travel in a finding's evidence. */
export function smallChart(chart: Chart): Chart | undefined {
  return chart.svg.length + chart.pngBase64.length < MAX_CHART_CHARS ? chart : undefined;
}

/**
 * A bar chart of a subject against its peers (e.g. a commune's beneficiaries per 1,000 residents against
 * the other communes of its district), with a dashed reference line (the peers' median).
 */
export function barChart(options: { title: string; bars: readonly Bar[]; reference?: { value: number; label: string } }): Chart {
  const bars = options.bars.slice(0, 40);
  const max = axisMax([...bars.map((b) => b.value), options.reference?.value ?? 0]);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(1, bars.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => M.top + plotH - (Math.max(0, v) / max) * plotH;
  const svg: string[] = [
    ...svgFrame(options.title, plotH, axisLabel(max)),
    `<text x="${M.left - 3}" y="${M.top + plotH}" text-anchor="end">0</text>`,
  ];
  const png = new Raster(W, H, CHART_COLORS.background);
  png.fillRect(M.left, M.top + plotH, plotW, 1, CHART_COLORS.axis);
  png.fillRect(M.left, M.top, 1, plotH + 1, CHART_COLORS.axis);
  png.text(2, M.top, axisLabel(max), CHART_COLORS.axis);
  png.text(M.left - 6, M.top + plotH - 5, '0', CHART_COLORS.axis);
  bars.forEach((b, i) => {
    const x = M.left + i * slot + (slot - barW) / 2;
    const top = y(b.value);
    const color = b.highlight ? CHART_COLORS.subject : CHART_COLORS.peer;
    const h = M.top + plotH - top;
    svg.push(
      `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${hex(color)}"><title>${escapeXml(`${b.label}: ${axisLabel(b.value)}`)}</title></rect>`,
    );
    if (bars.length <= 12) {
      svg.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${M.top + plotH + 10}" text-anchor="middle"${b.highlight ? ' font-weight="bold"' : ''}>${escapeXml(shortLabel(b.label))}</text>`,
      );
    }
    png.fillRect(x, top, barW, h, color);
  });
  if (options.reference) {
    const ry = y(options.reference.value);
    svg.push(
      `<line x1="${M.left}" y1="${ry.toFixed(1)}" x2="${W - M.right}" y2="${ry.toFixed(1)}" stroke="${hex(CHART_COLORS.reference)}" stroke-dasharray="4 3"/>`,
      `<text x="${W - M.right}" y="${(ry - 3).toFixed(1)}" text-anchor="end" fill="${hex(CHART_COLORS.reference)}">${escapeXml(options.reference.label)}</text>`,
    );
    for (let x = M.left; x < W - M.right; x += 7) png.fillRect(x, Math.round(ry), 4, 1, CHART_COLORS.reference);
  }
  svg.push('</svg>');
  return { svg: svg.join(''), pngBase64: encodePng(png).toString('base64'), width: W, height: H };
}

/**
 * Benford's law chart: observed share of each leading digit (bars) against the expected share
 * log10(1 + 1/d) (blue marks), for digits `digits` (1–9, or 10–99 for the first-two-digit test).
 */
export function benfordChart(options: { title: string; digits: readonly number[]; observed: readonly number[]; expected: readonly number[] }): Chart {
  const n = options.digits.length;
  const max = axisMax([...options.observed, ...options.expected]);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(1, n);
  const barW = Math.max(1, slot * 0.7);
  const y = (v: number) => M.top + plotH - (Math.max(0, v) / max) * plotH;
  const svg: string[] = [
    ...svgFrame(options.title, plotH, `${viNumber(max * 100, 0)}%`),
    `<text x="${W - M.right}" y="${H - 4}" text-anchor="end"><tspan fill="${hex(CHART_COLORS.subject)}">■ thực tế</tspan> <tspan fill="${hex(CHART_COLORS.reference)}">— theo luật Benford</tspan></text>`,
  ];
  const png = new Raster(W, H, CHART_COLORS.background);
  png.fillRect(M.left, M.top + plotH, plotW, 1, CHART_COLORS.axis);
  png.fillRect(M.left, M.top, 1, plotH + 1, CHART_COLORS.axis);
  const maxLabel = `${viNumber(max * 100, 0)}%`;
  png.text(Math.max(1, M.left - 3 - textWidth(maxLabel)), M.top, maxLabel, CHART_COLORS.axis);
  const expectedPath: string[] = [];
  options.digits.forEach((d, i) => {
    const x = M.left + i * slot + (slot - barW) / 2;
    const obs = options.observed[i] ?? 0;
    const exp = options.expected[i] ?? 0;
    const top = y(obs);
    svg.push(
      `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${(M.top + plotH - top).toFixed(1)}" fill="${hex(CHART_COLORS.subject)}" fill-opacity="0.75"><title>${d}: ${viNumber(obs * 100, 1)}% (kỳ vọng ${viNumber(exp * 100, 1)}%)</title></rect>`,
    );
    expectedPath.push(`${i === 0 ? 'M' : 'L'}${(x + barW / 2).toFixed(1)} ${y(exp).toFixed(1)}`);
    if (n <= 9 || d % 10 === 0) {
      svg.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${M.top + plotH + 10}" text-anchor="middle">${d}</text>`);
      const label = String(d);
      png.text(Math.round(x + barW / 2 - textWidth(label) / 2), M.top + plotH + 4, label, CHART_COLORS.axis);
    }
    png.fillRect(x, top, barW, M.top + plotH - top, CHART_COLORS.subject);
    png.fillRect(x - 1, Math.round(y(exp)) - 1, barW + 2, 2, CHART_COLORS.reference);
  });
  svg.push(`<path d="${expectedPath.join(' ')}" fill="none" stroke="${hex(CHART_COLORS.reference)}" stroke-width="1.5"/>`, '</svg>');
  return { svg: svg.join(''), pngBase64: encodePng(png).toString('base64'), width: W, height: H };
}
