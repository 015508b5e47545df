// Metrics over time: live requested bytes, carved arena bytes and internal fragmentation as d3 lines
// over the history the caller gives (the engine's: the recorded run, sampled evenly in steps). A cursor
// marks the current position when the history has one; the legend then shows each series' value there
// (the history holds the current position as an exact point), else its latest, with its definition.
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
  /** The current position on the `t` axis (one of `t`), drawn as a cursor. */
  cursor?: number;
}

/** The index of the last sample at or before `t` (0 when none): the point the cursor reads. */
export function sampleAt(ts: readonly number[], t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

const SERIES = [
  { key: 'carvedBytes', label: 'carved', cls: 'm-carved', help: EXPLAIN.carvedBytes },
  { key: 'liveBytes', label: 'live requested', cls: 'm-live', help: EXPLAIN.liveBytes },
  {
    key: 'internalFragBytes',
    label: 'internal frag.',
    cls: 'm-internal',
    help: `${EXPLAIN.internal} Includes the slack of live large blocks.`,
  },
] as const;

const H = 120;
const M = { top: 6, right: 10, bottom: 20, left: 56 };

export function MetricsChart({ history }: { readonly history: AllocatorHistory }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(560);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const n = history.t.length;
  const cursor = history.cursor;
  const at = n === 0 ? -1 : cursor === undefined ? n - 1 : sampleAt(history.t, cursor);
  const t0 = n > 0 ? history.t[0] : 0;
  const t1 = n > 0 ? Math.max(history.t[n - 1], t0 + 1) : 1;
  const peak = Math.max(1, max(SERIES.flatMap((s) => history[s.key])) ?? 1);
  const yTicks = byteTicks(0, peak, 4);
  const step = yTicks.length > 1 ? yTicks[1] - yTicks[0] : peak;
  const top = Math.ceil(peak / step) * step;
  if (yTicks[yTicks.length - 1] < top) yTicks.push(top);
  const x = scaleLinear()
    .domain([t0, t1])
    .range([M.left, Math.max(M.left + 10, width - M.right)]);
  const y = scaleLinear()
    .domain([0, top])
    .range([H - M.bottom, M.top]);

  useEffect(() => {
    if (xAxis.current)
      select(xAxis.current).call(
        axisBottom(x)
          .ticks(Math.max(2, Math.floor(width / 100)))
          .tickFormat((d) => count(Number(d)))
          .tickSizeOuter(0),
      );
    if (yAxis.current)
      select(yAxis.current).call(
        axisLeft(y)
          .tickValues(yTicks)
          .tickFormat((d) => bytesShort(Number(d)))
          .tickSizeOuter(0),
      );
  });

  const path = (values: readonly number[]) =>
    line<number>()
      .x((_, i) => x(history.t[i]))
      .y((v) => y(v))(values as number[]) ?? '';

  return (
    <div className="alloc-metrics" ref={ref}>
      <ul className="alloc-legend" aria-label="Metrics legend">
        {SERIES.map((s) => {
          const value = at >= 0 ? history[s.key][at] : 0;
          const last = n > 0 ? history[s.key][n - 1] : 0;
          const where =
            cursor === undefined
              ? `Latest: ${bytesExact(value)}.`
              : `Here (the cursor): ${bytesExact(value)}; at the end of the recording: ${bytesExact(last)}.`;
          return (
            <li key={s.key} title={`${s.help} ${where}`} data-testid={`metric-${s.key}`} data-value={value}>
              <span className={`swatch line ${s.cls}`} />
              {s.label} {bytesShort(value)}
            </li>
          );
        })}
      </ul>
      <svg width={width} height={H} role="img" aria-label="Allocator metrics over time">
        <title>{`Bytes (vertical) over the recorded run (horizontal: ${n} samples, ${count(t0)}–${count(t1)}, evenly spaced in steps)${cursor === undefined ? '' : `; the vertical line is the current position (${count(cursor)})`}. ${SERIES.map((s) => s.help).join(' ')}`}</title>
        <g ref={yAxis} className="m-axis" transform={`translate(${M.left},0)`} />
        <g ref={xAxis} className="m-axis" transform={`translate(0,${H - M.bottom})`} />
        {SERIES.map((s) => (
          <path key={s.key} className={`m-line ${s.cls}`} d={path(history[s.key])}>
            <title>{s.help}</title>
          </path>
        ))}
        {cursor !== undefined && at >= 0 && (
          <g className="m-cursor" data-testid="metrics-cursor" data-t={cursor}>
            <line x1={x(cursor)} x2={x(cursor)} y1={M.top} y2={H - M.bottom} />
            {SERIES.map((s) => (
              <circle key={s.key} className={s.cls} cx={x(cursor)} cy={y(history[s.key][at])} r={3} />
            ))}
          </g>
        )}
      </svg>
    </div>
  );
}
