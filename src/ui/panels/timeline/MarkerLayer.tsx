// Markers (breakpoints, errors, checkpoints, the end) and the handle at the current time, as SVG shapes
// over the density canvas. Purely visual (pointer events pass through to the scrubber, which hit-tests
// markers itself); each shape carries data attributes for the e2e tests.
import { xOfTime, type TimeScale } from './hitTest';
import { MARKER_LANE } from './layout';

export interface Marker {
  readonly t: number;
  readonly kind: 'breakpoint' | 'error' | 'end' | 'checkpoint' | 'segment';
  readonly label: string;
}

function Glyph({ kind, x }: { kind: Marker['kind']; x: number }) {
  const y = MARKER_LANE / 2;
  switch (kind) {
    case 'breakpoint':
      return <circle cx={x} cy={y} r={4.5} />;
    case 'error':
      return <path d={`M${x} ${y - 6} L${x + 5} ${y} L${x} ${y + 6} L${x - 5} ${y} Z`} />;
    case 'end':
      return <rect x={x - 4} y={y - 4} width={8} height={8} />;
    case 'checkpoint':
      return <path d={`M${x - 3.5} ${y - 4} L${x + 3.5} ${y - 4} L${x} ${y + 3} Z`} />;
    case 'segment':
      return <path d={`M${x} ${y - 6} L${x + 6} ${y - 3} L${x} ${y} Z`} />;
  }
}

interface Props {
  readonly scale: TimeScale;
  readonly height: number;
  readonly markers: readonly Marker[];
  readonly current: number;
}

export function MarkerLayer({ scale, height, markers, current }: Props) {
  const visible = markers.filter((m) => m.t >= scale.t0 && m.t <= scale.t1);
  const x = xOfTime(scale, current);
  const off = current < scale.t0 ? 'left' : current > scale.t1 ? 'right' : null;
  return (
    <svg className="tl-overlay" width={scale.width} height={height} aria-hidden="true">
      {visible.map((m, i) => {
        const mx = Math.round(xOfTime(scale, m.t)) + 0.5;
        return (
          <g key={`${m.kind}-${m.t}-${i}`} className={`tl-marker tl-marker-${m.kind}`} data-testid="timeline-marker" data-kind={m.kind} data-t={m.t}>
            <line x1={mx} x2={mx} y1={MARKER_LANE} y2={height} />
            <Glyph kind={m.kind} x={mx} />
          </g>
        );
      })}
      {off === null ? (
        <g className="tl-handle" data-testid="timeline-handle" data-t={current}>
          <line x1={x} x2={x} y1={0} y2={height} />
          <rect x={x - 5} y={0} width={10} height={MARKER_LANE - 2} rx={3} />
        </g>
      ) : (
        <g className="tl-handle tl-handle-off" data-testid="timeline-handle" data-t={current} data-offscreen={off}>
          <path d={off === 'left' ? `M1 ${height / 2} L9 ${height / 2 - 6} L9 ${height / 2 + 6} Z` : `M${scale.width - 1} ${height / 2} L${scale.width - 9} ${height / 2 - 6} L${scale.width - 9} ${height / 2 + 6} Z`} />
        </g>
      )}
    </svg>
  );
}
