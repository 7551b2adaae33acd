/** One bar: its label, its length and the text shown after it. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly text: string;
}

const WIDTH = 780;
const LABEL_WIDTH = 230;
const VALUE_ROOM = 230;
const ROW = 26;

function shorten(text: string, max = 32): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A horizontal bar chart as inline SVG (no script, prints well). The page shows the same numbers in a
 * table next to it: that table is the accessible alternative, the chart only summarises.
 */
export function BarChart({ label, bars }: { label: string; bars: readonly Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = WIDTH - LABEL_WIDTH - VALUE_ROOM;
  const height = Math.max(ROW, bars.length * ROW) + 8;
  return (
    <figure class="chart">
      <svg role="img" aria-label={`${label} (số liệu chi tiết ở bảng bên dưới)`} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height}>
        {bars.map((bar, i) => {
          const y = 4 + i * ROW;
          const length = bar.value > 0 ? Math.max(2, Math.round((bar.value / max) * span)) : 0;
          return (
            <g>
              <text x={LABEL_WIDTH - 8} y={y + 16} text-anchor="end" font-size="13" fill="#1b1f24">
                {shorten(bar.label)}
              </text>
              <rect x={LABEL_WIDTH} y={y + 3} width={length} height={ROW - 8} fill="#0b4f9c" />
              <text x={LABEL_WIDTH + length + 6} y={y + 16} font-size="13" fill="#1b1f24">
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="muted">{label}</figcaption>
    </figure>
  );
}
