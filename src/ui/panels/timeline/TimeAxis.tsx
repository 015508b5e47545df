// The time axis under the tracks, drawn by d3-axis into an SVG group. Ticks are whole times only (the
// run's axis is integer); dragging on the axis pans the window (handled by the parent's gestures).
import { axisBottom, scaleLinear, select } from 'd3';
import { useEffect, useRef } from 'react';
import type { TimeScale } from './hitTest';
import { axisTicks, formatTick } from './axisTicks';
import { AXIS_HEIGHT } from './layout';

export function TimeAxis({ scale, unit }: { readonly scale: TimeScale; readonly unit: string }) {
  const ref = useRef<SVGGElement>(null);
  useEffect(() => {
    if (ref.current === null) return;
    const x = scaleLinear().domain([scale.t0, scale.t1]).range([0, scale.width]);
    // Thinned so that labels never overlap (axisTicks.ts).
    const ticks = axisTicks(scale.t0, scale.t1, scale.width);
    select(ref.current)
      .call(
        axisBottom(x)
          .tickValues(ticks)
          .tickFormat((t) => formatTick(Number(t)))
          .tickSizeOuter(0),
      )
      .call((g) => g.selectAll('text').attr('data-testid', 'timeline-tick'));
  }, [scale]);
  return (
    <svg className="tl-axis" width={scale.width} height={AXIS_HEIGHT} aria-hidden="true">
      <title>{`Time axis (${unit}s). Drag to pan, wheel to zoom, Shift+wheel to pan.`}</title>
      <g ref={ref} />
    </svg>
  );
}
