// The scrub area: the `slider` named "Timestamp" (WAI-ARIA slider pattern) holding the density canvas,
// the markers and the handle. Press or drag anywhere to seek (onSeek on every move: the caller
// coalesces), press a marker to jump to it, keys from keyboard.ts, and a hover tooltip describing the
// bucket under the pointer (its time range and the count of every track). Shift + drag selects a time
// range instead (onSelectRange; a shift-click clears it); the selection and a function's highlighted time
// are drawn by RangeLayer.
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { DensityCanvas, type DensityTrack } from './DensityCanvas';
import { describeBucket, formatTime, sliderValueText } from './format';
import { bucketAt, markerAt, seekTimeAt, timeOfX, type TimeScale } from './hitTest';
import { nudge } from './keyboard';
import { scrubHeight } from './layout';
import { MarkerLayer, type Marker } from './MarkerLayer';
import { RangeLayer } from './RangeLayer';
import type { ViewportRequest } from './quantize';
import type { TimeWindow } from './viewport';

interface Props {
  readonly scale: TimeScale;
  readonly view: TimeWindow;
  readonly start: number;
  readonly end: number;
  readonly current: number;
  readonly unit: string;
  readonly densities: ViewportRequest | undefined;
  readonly tracks: readonly DensityTrack[];
  readonly markers: readonly Marker[];
  readonly onSeek: (t: number) => void;
  /** [t0, t1) pairs to highlight. */
  readonly bands?: ArrayLike<number>;
  readonly selection?: { readonly t0: number; readonly t1: number };
  /** A shift-drag selected [t0, t1] (undefined: a shift-click cleared it). */
  readonly onSelectRange?: (range: { t0: number; t1: number } | undefined) => void;
}

interface Hover {
  readonly x: number;
  readonly lines: readonly string[];
}

export function Scrubber(p: Props) {
  const { scale, start, end, current, unit } = p;
  const dragging = useRef(false);
  const lastSent = useRef<number | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  /** The range being shift-dragged: its anchor and the other end. */
  const [selecting, setSelecting] = useState<{ t0: number; t1: number } | null>(null);
  const height = scrubHeight(p.tracks.length);

  const localX = (e: PointerEvent<HTMLDivElement>) =>
    e.clientX - e.currentTarget.getBoundingClientRect().left;
  const seek = (t: number) => {
    if (t === lastSent.current) return;
    lastSent.current = t;
    p.onSeek(t);
  };
  const describe = (x: number): Hover => {
    // The whole time whose cell [t - 0.5, t + 0.5) is under the pointer (see hitTest.bucketPixels).
    const t = Math.round(timeOfX(scale, x));
    const lines: string[] = [];
    const marker = markerAt(p.markers, scale, x);
    if (marker !== null) lines.push(`${marker.kind}: ${marker.label} (${formatTime(marker.t, unit)})`);
    const w = p.densities;
    const i = w === undefined ? -1 : bucketAt(w, t);
    if (w !== undefined && i >= 0) {
      const counts = p.tracks.map((track) => ({
        label: track.label,
        count: i < track.counts.length ? track.counts[i] : 0,
      }));
      lines.push(...describeBucket(w, i, counts, unit));
    } else {
      lines.push(`${formatTime(seekTimeAt(scale, x, start, end), unit)} (densities not loaded yet)`);
    }
    return { x, lines };
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    if (e.shiftKey && p.onSelectRange) {
      const t = seekTimeAt(scale, localX(e), start, end);
      setSelecting({ t0: t, t1: t });
      return;
    }
    dragging.current = true;
    lastSent.current = null;
    const x = localX(e);
    const marker = markerAt(p.markers, scale, x);
    seek(marker !== null ? marker.t : seekTimeAt(scale, x, start, end));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const x = localX(e);
    if (selecting !== null) {
      const t = seekTimeAt(scale, x, start, end);
      setSelecting({ t0: selecting.t0, t1: t });
      setHover({
        x,
        lines: [
          `select ${formatTime(Math.min(selecting.t0, t), unit)} – ${formatTime(Math.max(selecting.t0, t), unit)}`,
        ],
      });
      return;
    }
    if (dragging.current) {
      const t = seekTimeAt(scale, x, start, end);
      seek(t);
      setHover({ x, lines: [formatTime(t, unit)] });
    } else setHover(describe(x));
  };
  const stop = () => {
    dragging.current = false;
    if (selecting !== null) {
      const { t0, t1 } = selecting;
      setSelecting(null);
      p.onSelectRange?.(t0 === t1 ? undefined : { t0: Math.min(t0, t1), t1: Math.max(t0, t1) });
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = nudge(e.key, current, p.view, start, end);
    if (next === null) return;
    // The slider owns these keys while focused: keep them from the app's global shortcuts.
    e.preventDefault();
    e.stopPropagation();
    lastSent.current = next;
    p.onSeek(next);
  };

  const flip = hover !== null && hover.x > scale.width - 240;
  return (
    <div
      className="tl-scrub"
      role="slider"
      tabIndex={0}
      aria-label="Timestamp"
      aria-valuemin={start}
      aria-valuemax={end}
      aria-valuenow={current}
      aria-valuetext={sliderValueText(current, start, end, unit)}
      aria-orientation="horizontal"
      style={{ width: scale.width, height }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={stop}
      onPointerCancel={stop}
      onLostPointerCapture={stop}
      onPointerLeave={() => setHover(null)}
      onKeyDown={onKeyDown}
    >
      <DensityCanvas scale={scale} window={p.densities} tracks={p.tracks} />
      <RangeLayer
        scale={scale}
        height={height}
        bands={p.bands}
        selection={
          selecting !== null
            ? { t0: Math.min(selecting.t0, selecting.t1), t1: Math.max(selecting.t0, selecting.t1) }
            : p.selection
        }
      />
      <MarkerLayer scale={scale} height={height} markers={p.markers} current={current} />
      {hover !== null && (
        <div
          className="tl-tooltip"
          role="tooltip"
          data-testid="timeline-tooltip"
          style={flip ? { right: scale.width - hover.x + 8 } : { left: hover.x + 8 }}
        >
          {hover.lines.map((line, i) => (
            <div key={i} className={i === 0 ? 'tl-tooltip-head' : undefined}>
              {line}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
