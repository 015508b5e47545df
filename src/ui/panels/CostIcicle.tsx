// The icicle of Cost by function (costIcicle.ts lays it out): one rectangle per call-stack prefix, its width
// the cost. Clicking a function frame (not the [fixed]/[padding] overhead) asks for its time on the Timeline;
// the highlighted frame is outlined. Laid out in real pixels (the box's measured size, so text never
// stretches), at least as tall as its box (which fills the dock panel, see workspace.css); frames are
// labelled innermost name first (frameLabel.ts).
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { fitLabel } from './frameLabel';
import type { CostEntry } from '../../engine/metering/attribution/costProfile';
import { icicle } from './costIcicle';

const ROW = 20;
const CHAR = 6.5;

/** The content box of an element, kept current with a ResizeObserver. */
function useBoxSize<T extends HTMLElement>(): [React.RefObject<T | null>, number, number] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ w: 360, h: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const measure = () =>
      setSize({ w: Math.max(120, Math.floor(el.clientWidth)), h: Math.floor(el.clientHeight) });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, size.w, size.h];
}
const n = (x: number) => x.toLocaleString('en-US');

interface Props {
  entries: readonly CostEntry[];
  measure: string;
  /** The highlighted frame's path (joined with ';'), if any. */
  highlighted?: string;
  onFrame(path: string[]): void;
}

export function CostIcicle({ entries, measure, highlighted, onFrame }: Props) {
  const [box, width, boxHeight] = useBoxSize<HTMLDivElement>();
  const layout = useMemo(() => icicle(entries, width), [entries, width]);
  const height = Math.max(boxHeight, Math.max(1, layout.depth - 1) * ROW);
  return (
    <div className="icicle-box" ref={box}>
      <svg
        role="img"
        aria-label={`Icicle of ${measure} by call stack, ${n(layout.total)} in all`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
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
                    {fitLabel(r.name, Math.floor((r.x1 - r.x0 - 6) / CHAR))}
                  </text>
                )}
              </g>
            );
          })}
      </svg>
    </div>
  );
}
