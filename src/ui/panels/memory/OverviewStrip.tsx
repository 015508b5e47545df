// The whole address space as one strip (DESIGN: overview as an image): the MemoryOverview's buckets, one
// column each, drawn into a canvas at device resolution; a touched bucket is at least MIN_COLUMN device
// pixels wide, so a few touched pages of a 2^29-cell space stay visible. DOM markers on top: where the
// detail window is (a bracket, unless it shows the whole space), the current step's reads and writes, the
// selected cell. Click to show that cell in the detail; hover names the bucket.
import { type MouseEvent, type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { StepAccess } from '../../../engine/views/frameTypes';
import type { MemoryOverview } from '../../../engine/views/memoryOverview';
import { bucketSummary, cellAtFraction, fractionOfCell, overviewPixels } from './overviewImage';

const STRIP_HEIGHT = 10;
const MIN_COLUMN = 2;

/** The CSS width of an element (0 before layout), kept current. */
function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const measure = () => setWidth(el.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export interface OverviewStripProps {
  overview: MemoryOverview;
  align: number;
  laneName: string;
  detail: { addr: number; len: number } | null;
  accesses: readonly StepAccess[];
  selected?: number;
  fmtAddr(addr: number): string;
  onFocus(pointer: number): void;
}

/** A marker covering [cell, cell + len) as CSS left/width, at least `min` pixels wide; null off the strip. */
function span(
  o: MemoryOverview,
  cell: number,
  len: number,
  min: number,
): { left: string; width: string } | null {
  const f0 = fractionOfCell(o, cell);
  const f1 = fractionOfCell(o, cell + len);
  if (f1 < 0 || f0 > 1) return null;
  const a = Math.max(0, f0) * 100;
  const w = (Math.min(1, f1) - Math.max(0, f0)) * 100;
  // Centered on the range when it is narrower than `min`, so a one-cell marker sits on its cell.
  return { left: `calc(${a + w / 2}% - max(${min / 2}px, ${w / 2}%))`, width: `max(${min}px, ${w}%)` };
}

export function OverviewStrip({
  overview: o,
  align,
  laneName,
  detail,
  accesses,
  selected,
  fmtAddr,
  onFocus,
}: OverviewStripProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(canvas);
  useEffect(() => {
    const c = canvas.current;
    const g = c?.getContext('2d');
    if (!c || !g || width === 0) return;
    const dpr = globalThis.devicePixelRatio || 1;
    c.width = Math.round(width * dpr);
    c.height = Math.round(STRIP_HEIGHT * dpr);
    g.clearRect(0, 0, c.width, c.height);
    const px = new Uint32Array(overviewPixels(o, align).buffer);
    const w = c.width / o.buckets;
    // Runs of equal pixels become one rectangle: translucent columns must not overlap (seams of double
    // alpha); only a run narrower than MIN_COLUMN is widened.
    for (let b = 0; b < o.buckets;) {
      let e = b + 1;
      while (e < o.buckets && px[e] === px[b]) e++;
      const a = px[b] >>> 24;
      if (a !== 0) {
        const v = px[b];
        g.fillStyle = `rgb(${v & 255} ${(v >>> 8) & 255} ${(v >>> 16) & 255} / ${a / 255})`;
        const x0 = Math.floor(b * w);
        g.fillRect(x0, 0, Math.max(MIN_COLUMN * dpr, Math.floor(e * w) - x0), c.height);
      }
      b = e;
    }
  }, [o, align, width]);

  const fractionAt = (e: MouseEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return r.width > 0 ? (e.clientX - r.left) / r.width : 0;
  };
  const wholeSpace = detail !== null && detail.addr <= o.start && detail.addr + detail.len >= o.end;
  const window_ = detail && !wholeSpace ? span(o, detail.addr, detail.len, 4) : null;
  const sel = selected !== undefined ? span(o, selected, 1, 2) : null;
  const touched = o.touchedUnits.reduce((n, t) => n + t, 0);
  const label = `${laneName} overview ${fmtAddr(o.start)} to ${fmtAddr(o.end - 1)}: ${touched} touched units; click to show a cell`;

  return (
    <div
      className="mem-overview"
      onClick={(e) => onFocus(cellAtFraction(o, fractionAt(e)))}
      onMouseMove={(e) => {
        e.currentTarget.title = bucketSummary(o, align, fractionAt(e), fmtAddr);
      }}
      data-testid="overview"
      data-as={o.addressSpace}
    >
      <canvas ref={canvas} role="img" aria-label={label} />
      {window_ && <div className="mem-ov-window" style={window_} data-testid="overview-window" />}
      {accesses.map((a, i) => {
        const s = span(o, a.pointer, a.size, 3);
        return s && <div key={i} className={`mem-ov-access ${a.write ? 'write' : 'read'}`} style={s} />;
      })}
      {sel && <div className="mem-ov-selected" style={sel} />}
    </div>
  );
}
