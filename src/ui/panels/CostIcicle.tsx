// The icicle of Cost by function (costIcicle.ts lays it out): one rectangle per call-stack prefix, its width
// the cost. Clicking a function frame (not the [fixed]/[padding] overhead) asks for its time on the Timeline;
// the highlighted frame is outlined.
import { useMemo } from 'react';
import type { CostEntry } from '../../engine/metering/attribution/costProfile';
import { icicle } from './costIcicle';

const WIDTH = 360;
const ROW = 20;
const n = (x: number) => x.toLocaleString('en-US');

interface Props {
  entries: readonly CostEntry[];
  measure: string;
  /** The highlighted frame's path (joined with ';'), if any. */
  highlighted?: string;
  onFrame(path: string[]): void;
}

export function CostIcicle({ entries, measure, highlighted, onFrame }: Props) {
  const layout = useMemo(() => icicle(entries, WIDTH), [entries]);
  return (
    <svg
      role="img"
      aria-label={`Icicle of ${measure} by call stack, ${n(layout.total)} in all`}
      viewBox={`0 0 ${WIDTH} ${Math.max(1, layout.depth - 1) * ROW}`}
      width="100%"
    >
      {layout.rects
        .filter((r) => r.depth > 0 && r.x1 - r.x0 >= 0.5)
        .map((r) => {
          const key = r.path.join(';');
          const overhead = r.path[0]?.startsWith('[') ?? false;
          const on = key === highlighted;
          return (
            <g
              key={key}
              transform={`translate(${r.x0},${(r.depth - 1) * ROW})`}
              data-testid="icicle-frame"
              data-name={r.name}
              data-path={key}
              data-highlighted={on ? 'true' : undefined}
              className={overhead ? undefined : 'icicle-clickable'}
              onClick={overhead ? undefined : () => onFrame(r.path)}
            >
              <rect
                width={Math.max(0, r.x1 - r.x0 - 0.5)}
                height={ROW - 1}
                className={`${overhead ? 'icicle-overhead' : 'icicle-frame'}${on ? ' icicle-highlighted' : ''}`}
              />
              <title>{`${r.path.join(' → ')}: ${n(r.value)} ${measure} (${((100 * r.value) / Math.max(1, layout.total)).toFixed(1)}%)${overhead ? '' : ' — click to show its time on the Timeline'}`}</title>
              {r.x1 - r.x0 > 40 && (
                <text x={3} y={ROW - 5} fontSize={11}>
                  {r.name.length > (r.x1 - r.x0) / 6.5
                    ? `${r.name.slice(0, Math.floor((r.x1 - r.x0) / 6.5) - 1)}…`
                    : r.name}
                </text>
              )}
            </g>
          );
        })}
    </svg>
  );
}
