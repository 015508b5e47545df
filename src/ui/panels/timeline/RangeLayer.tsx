// Two overlays of the scrub area, under the markers: the highlighted function's time (bands, from the Cost
// by function icicle) and the selected range (shift-drag, the icicle's "Selected range" scope). Purely
// visual: pointer events pass through to the scrubber.
import { useMemo } from 'react';
import { bandPixels } from './bandPixels';
import { xOfTime, type TimeScale } from './hitTest';
import { MARKER_LANE } from './layout';

interface Props {
  readonly scale: TimeScale;
  readonly height: number;
  /** [t0, t1) pairs. */
  readonly bands?: ArrayLike<number>;
  readonly selection?: { readonly t0: number; readonly t1: number };
}

export function RangeLayer({ scale, height, bands, selection }: Props) {
  const spans = useMemo(() => (bands ? bandPixels(bands, scale) : []), [bands, scale]);
  const sel =
    selection === undefined
      ? null
      : {
          x0: Math.max(0, xOfTime(scale, selection.t0)),
          x1: Math.min(scale.width, xOfTime(scale, selection.t1)),
        };
  return (
    <svg className="tl-overlay" width={scale.width} height={height} aria-hidden="true">
      {bands !== undefined && (
        <g
          className="tl-bands"
          data-testid="timeline-bands"
          data-count={bands.length / 2}
          data-spans={spans.length}
        >
          {spans.map((b, i) => (
            <g key={i} data-testid="timeline-band">
              <rect x={b.x0} y={MARKER_LANE} width={b.x1 - b.x0} height={height - MARKER_LANE} />
              <rect className="tl-band-bar" x={b.x0} y={MARKER_LANE - 4} width={b.x1 - b.x0} height={4} />
            </g>
          ))}
        </g>
      )}
      {sel !== null && sel.x1 >= sel.x0 && (
        <g
          className="tl-selection"
          data-testid="timeline-selection"
          data-t0={selection?.t0}
          data-t1={selection?.t1}
        >
          <rect x={sel.x0} y={0} width={Math.max(1, sel.x1 - sel.x0)} height={height} />
          <line x1={sel.x0} x2={sel.x0} y1={0} y2={height} />
          <line x1={sel.x1} x2={sel.x1} y1={0} y2={height} />
        </g>
      )}
    </svg>
  );
}
