// The cost view's chart of rows per AIR: for each AccessAdapterAir<N> and the boundary chip, the loaded
// mode against the other one side by side, the real rows solid and the padding up to the power of two
// faint. A log2 scale: heights here run from a few rows to 2^19 and differ per mode by up to 64×, and on
// a linear scale a 64-row AIR beside a 131,072-row one would be invisible; on log2 each gridline doubles
// and padding (less than 2×) is at most one gridline wide. The exact numbers are in each bar's title
// (tooltip), in its text, and in the table below the chart. Plain SVG laid out in real pixels.
import type { CostComparison, ModeCost } from '../../engine/lessons/costComparison';
import { useElementWidth } from '../panels/useElementWidth';

const n = (x: number) => x.toLocaleString('en-US');

/** "512", "4K", "128K", "1M" for a power of two. */
function compact(x: number): string {
  if (x >= 2 ** 20) return `${x / 2 ** 20}M`;
  if (x >= 1024) return `${x / 1024}K`;
  return String(x);
}

interface BarLine {
  air: string;
  rows: number;
  padded: number;
}

function lines(r: ModeCost): BarLine[] {
  return [
    ...r.adapters.map((a) => ({ air: `AccessAdapterAir<${a.n}>`, rows: a.rows, padded: a.padded })),
    { air: r.boundary.air, rows: r.boundary.rows, padded: r.boundary.padded },
  ];
}

const LABEL_W = 64;
const VALUE_W = 92;
const BAR_H = 11;
const GROUP_GAP = 8;
const HEAD_H = 14;
const AXIS_H = 28;

export function CostBars({ cost }: { cost: CostComparison }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(360);
  const byMode = cost.runs.map(lines);
  const groups = byMode[0].length;
  let top = 1;
  for (const r of cost.runs) for (const l of lines(r)) top = Math.max(top, l.padded, l.rows);
  const maxBits = Math.max(6, Math.ceil(Math.log2(top)));
  const barW = Math.max(60, width - LABEL_W - VALUE_W);
  const x = (v: number) => (v <= 1 ? 0 : (Math.log2(v) / maxBits) * barW);
  // Labels at least 34 px apart ("128K" at 10 px), on every 1st, 2nd, 3rd... gridline.
  const step = Math.max(1, Math.ceil(34 / (barW / maxBits)));
  const groupH = HEAD_H + 2 * (BAR_H + 3) + GROUP_GAP;
  const height = groups * groupH + AXIS_H;
  const ticks = Array.from({ length: maxBits + 1 }, (_, k) => k);
  return (
    <div ref={ref} className="cost-bars">
      <svg
        width={width}
        height={height}
        role="img"
        aria-label="Rows per AIR, persistent against volatile, padding faint (log2 scale)"
      >
        <g transform={`translate(${LABEL_W},0)`}>
          {ticks.map((k) => (
            <g key={k} transform={`translate(${x(2 ** k)},0)`}>
              <line className="cost-grid" y1={0} y2={height - AXIS_H + 4} />
              {k % step === 0 && (
                <text className="cost-tick" y={height - AXIS_H + 15} textAnchor="middle">
                  {compact(2 ** k)}
                </text>
              )}
            </g>
          ))}
          <text className="cost-axis-note" x={barW} y={height - 2} textAnchor="end">
            rows, log₂ scale: each gridline doubles
          </text>
        </g>
        {byMode[0].map((_, g) => (
          <g key={g} transform={`translate(0,${g * groupH})`}>
            <text className="cost-air" x={0} y={HEAD_H - 3}>
              {g < groups - 1 ? byMode[0][g].air : 'boundary chip'}
            </text>
            {cost.runs.map((r, k) => {
              const l = byMode[k][g];
              const y = HEAD_H + k * (BAR_H + 3);
              const w = l.rows === 0 ? 0 : Math.max(2, x(l.rows));
              const pw = l.padded === 0 ? 0 : Math.max(w, x(l.padded));
              const title =
                l.rows === 0
                  ? `${l.air}, ${r.mode}: no rows (the AIR is absent)`
                  : `${l.air}, ${r.mode}: ${n(l.rows)} rows, padded to ${n(l.padded)}` +
                    (l.padded > l.rows ? ` (${n(l.padded - l.rows)} padding rows)` : ' (no padding)');
              return (
                <g
                  key={r.mode}
                  className={`cost-bar mode-${r.mode}`}
                  data-testid={`bar ${l.air} ${r.mode}`}
                  data-rows={l.rows}
                  data-padded={l.padded}
                  transform={`translate(0,${y})`}
                >
                  <title>{title}</title>
                  <text className="cost-mode" x={LABEL_W - 4} y={BAR_H - 2} textAnchor="end">
                    {r.mode}
                  </text>
                  {pw > w && <rect className="cost-padding" x={LABEL_W} width={pw} height={BAR_H} />}
                  <rect className="cost-real" x={LABEL_W} width={w} height={BAR_H} />
                  <text className="cost-value" x={LABEL_W + pw + 4} y={BAR_H - 2}>
                    {l.rows === 0 ? '0' : `${n(l.rows)} → ${compact(l.padded)}`}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </div>
  );
}
