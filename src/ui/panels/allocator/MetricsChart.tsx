// Metrics over time: live requested bytes, carved arena bytes and internal fragmentation as d3 lines
// over the history the caller keeps (one sample per step it has seen). The legend shows the latest value
// of each series with its definition.
import { axisBottom, axisLeft, line, max, scaleLinear, select } from 'd3';
import { useEffect, useRef } from 'react';
import { useElementWidth } from '../useElementWidth';
import { byteTicks } from './byteTicks';
import { EXPLAIN } from './explain';
import { bytesExact, bytesShort, count } from './format';

export interface AllocatorHistory {
  t: number[];
  liveBytes: number[];
  carvedBytes: number[];
  internalFragBytes: number[];
}

const SERIES = [
  { key: 'carvedBytes', label: 'carved', cls: 'm-carved', help: EXPLAIN.carvedBytes },
  { key: 'liveBytes', label: 'live requested', cls: 'm-live', help: EXPLAIN.liveBytes },
  { key: 'internalFragBytes', label: 'internal frag.', cls: 'm-internal', help: `${EXPLAIN.internal} Includes the slack of live large blocks.` },
] as const;

const H = 120;
const M = { top: 6, right: 10, bottom: 20, left: 56 };

export function MetricsChart({ history }: { readonly history: AllocatorHistory }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(560);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const n = history.t.length;
  const t0 = n > 0 ? history.t[0] : 0;
  const t1 = n > 0 ? Math.max(history.t[n - 1], t0 + 1) : 1;
  const peak = Math.max(1, max(SERIES.flatMap((s) => history[s.key])) ?? 1);
  const yTicks = byteTicks(0, peak, 4);
  const step = yTicks.length > 1 ? yTicks[1] - yTicks[0] : peak;
  const top = Math.ceil(peak / step) * step;
  if (yTicks[yTicks.length - 1] < top) yTicks.push(top);
  const x = scaleLinear().domain([t0, t1]).range([M.left, Math.max(M.left + 10, width - M.right)]);
  const y = scaleLinear().domain([0, top]).range([H - M.bottom, M.top]);

  useEffect(() => {
    if (xAxis.current) select(xAxis.current).call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 100))).tickFormat((d) => count(Number(d))).tickSizeOuter(0));
    if (yAxis.current) select(yAxis.current).call(axisLeft(y).tickValues(yTicks).tickFormat((d) => bytesShort(Number(d))).tickSizeOuter(0));
  });

  const path = (values: readonly number[]) =>
    line<number>()
      .x((_, i) => x(history.t[i]))
      .y((v) => y(v))(values as number[]) ?? '';

  return (
    <div className="alloc-metrics" ref={ref}>
      <ul className="alloc-legend" aria-label="Metrics legend">
        {SERIES.map((s) => {
          const latest = n > 0 ? history[s.key][n - 1] : 0;
          return (
            <li key={s.key} title={`${s.help} Latest: ${bytesExact(latest)}.`} data-testid={`metric-${s.key}`} data-value={latest}>
              <span className={`swatch line ${s.cls}`} />
              {s.label} {bytesShort(latest)}
            </li>
          );
        })}
      </ul>
      <svg width={width} height={H} role="img" aria-label="Allocator metrics over time">
        <title>{`Bytes (vertical) at every step seen so far (horizontal: ${n} samples, ${count(t0)}–${count(t1)}). ${SERIES.map((s) => s.help).join(' ')}`}</title>
        <g ref={yAxis} className="m-axis" transform={`translate(${M.left},0)`} />
        <g ref={xAxis} className="m-axis" transform={`translate(0,${H - M.bottom})`} />
        {SERIES.map((s) => (
          <path key={s.key} className={`m-line ${s.cls}`} d={path(history[s.key])}>
            <title>{s.help}</title>
          </path>
        ))}
      </svg>
    </div>
  );
}
