// The Timeline panel (issue 6): a d3 scrubber over the whole run. Time axis with zoom and pan (wheel,
// Shift+wheel, drag on the axis, the Zoom in / Zoom out / Fit buttons), density tracks drawn on a canvas,
// markers, a handle at the current time, press/drag to seek and keyboard nudges on the `slider` named
// "Timestamp", shift-drag to select a range, and highlighted intervals (bands). The panel owns only its visible window: the caller owns `current` (onSeek) and computes
// the densities for each quantized viewport it is asked for (onViewport), which may arrive late.
import { LessonFutureMask } from '../lessons/LessonFutureMask';
import { useMemo } from 'react';
import { formatNumber, formatTime } from './timeline/format';
import { scaleOf } from './timeline/hitTest';
import { MARKER_LANE, PX_PER_BUCKET, TRACK_HEIGHT, trackColorVar } from './timeline/layout';
import { bucketWidth, quantizeViewport } from './timeline/quantize';
import { Scrubber } from './timeline/Scrubber';
import { TimeAxis } from './timeline/TimeAxis';
import { useDragPan, useWheelZoom } from './timeline/usePlotGestures';
import { useTimelineViewport } from './timeline/useTimelineViewport';
import { useElementWidth } from './useElementWidth';
import { type SegmentBand, SegmentBands } from './timeline/SegmentBands';
import './timeline.css';

export interface TimelineTrack {
  name: 'accesses' | 'splits' | 'merges' | 'allocations' | 'frees' | 'errors' | string;
  label: string;
  /** One count per bucket over [window.t0, window.t1). */
  counts: ArrayLike<number>;
}

export interface TimelineMarker {
  t: number;
  kind: 'breakpoint' | 'error' | 'end' | 'checkpoint' | 'segment';
  label: string;
}

export interface TimelineProps {
  /** The whole run's time range (timestamps; or operation index for .alloc traces). */
  start: number;
  end: number;
  /** The current timestamp. */
  current: number;
  /** The viewport the densities were computed for (may lag behind the requested one; drawn as is). */
  window: { t0: number; t1: number; buckets: number } | undefined;
  tracks: TimelineTrack[];
  markers: TimelineMarker[];
  /** 'timestamp' | 'operation' (default 'timestamp'). */
  unit?: string;
  /** Click, drag (called on every move; the caller coalesces) and keyboard. */
  onSeek(t: number): void;
  /** Zoom and pan: t0/t1 quantized to the bucket grid, so the caller can cache by (t0, t1, buckets). */
  onViewport(t0: number, t1: number, buckets: number): void;
  /** Intervals to highlight: [t0, t1) pairs (a function's time, from Cost by function). */
  bands?: ArrayLike<number>;
  /** OpenVM's segments of a persistent guest run (bands under the axis; a click zooms into one). */
  segments?: readonly SegmentBand[];
  currentSegment?: number;
  /** The selected range, and where a shift-drag reports a new one (undefined: cleared). */
  selection?: { t0: number; t1: number };
  onSelectRange?(range: { t0: number; t1: number } | undefined): void;
}

const ZOOM_STEP = 0.5;
const TRACK_HELP: Record<string, string> = {
  accesses: 'memory accesses (reads and writes) per bucket',
  splits: 'access-adapter splits per bucket',
  merges: 'access-adapter merges per bucket',
  allocations: 'allocator allocate calls per bucket',
  frees: 'allocator free calls per bucket',
  errors: 'failed allocator calls or run errors per bucket',
};

export function Timeline(props: TimelineProps) {
  const { start, end, current, tracks, markers, onSeek, onViewport } = props;
  const unit = props.unit ?? 'timestamp';
  const [plotRef, plotWidth] = useElementWidth<HTMLDivElement>(800);
  const { view, zoom, pan, fit, zoomTo } = useTimelineViewport(start, end, current, plotWidth, onViewport);
  const scale = useMemo(() => scaleOf(view, plotWidth), [view, plotWidth]);
  useWheelZoom(plotRef, scale, zoom, pan);
  const axisDrag = useDragPan(scale, pan);
  const request = quantizeViewport(view.t0, view.t1, plotWidth, PX_PER_BUCKET, { start, end });
  const anchor = current >= view.t0 && current <= view.t1 ? current : (view.t0 + view.t1) / 2;
  const shown = `${formatNumber(Math.max(start, Math.round(view.t0)))}–${formatNumber(Math.min(end, Math.round(view.t1)))}`;

  return (
    <section role="region" aria-label="Timeline" className="timeline-panel" data-testid="timeline">
      <header className="tl-head">
        <h2>Timeline</h2>
        <span
          className="tl-now"
          data-testid="timeline-current"
          data-value={current}
          title={`The current position: ${formatTime(current, unit)}. The run spans ${formatNumber(start)}–${formatNumber(end)}.`}
        >
          {formatTime(current, unit)} <span className="tl-of">/ {formatNumber(end)}</span>
        </span>
        <span
          className="tl-range"
          data-testid="timeline-window"
          data-t0={view.t0}
          data-t1={view.t1}
          title={`Visible ${unit}s ${shown}; the densities are counted in buckets of ${formatNumber(bucketWidth(request))} ${unit}${bucketWidth(request) === 1 ? '' : 's'}.`}
        >
          showing {shown} · {formatNumber(bucketWidth(request))}/bucket
        </span>
        <div className="tl-zoom" role="group" aria-label="Zoom">
          <button
            type="button"
            onClick={() => zoom(ZOOM_STEP, anchor)}
            title="Zoom in around the current position (or wheel up over the plot)"
          >
            Zoom in
          </button>
          <button
            type="button"
            onClick={() => zoom(1 / ZOOM_STEP, anchor)}
            title="Zoom out (or wheel down over the plot)"
          >
            Zoom out
          </button>
          <button type="button" onClick={fit} title="Show the whole run">
            Fit
          </button>
        </div>
      </header>
      <div className="tl-body">
        <div className="tl-labels" style={{ paddingTop: MARKER_LANE }}>
          {tracks.map((t) => (
            <div
              key={t.name}
              className="tl-label"
              style={{ height: TRACK_HEIGHT, ['--track-color' as string]: `var(${trackColorVar(t.name)})` }}
              title={`${t.label}: ${TRACK_HELP[t.name] ?? 'count per bucket'}. Bar heights are the square root of the count, relative to the largest visible bucket of this track; hover a bucket for exact counts.`}
            >
              {t.label}
            </div>
          ))}
        </div>
        <div className="tl-plot" ref={plotRef}>
          <Scrubber
            scale={scale}
            view={view}
            start={start}
            end={end}
            current={current}
            unit={unit}
            densities={props.window}
            tracks={tracks}
            markers={markers}
            onSeek={onSeek}
            bands={props.bands}
            selection={props.selection}
            onSelectRange={props.onSelectRange}
          />
          <LessonFutureMask scale={scale} current={current} />
          <div className="tl-axis-strip" {...axisDrag}>
            <TimeAxis scale={scale} unit={unit} />
          </div>
          {props.segments !== undefined && props.segments.length > 1 ? (
            <SegmentBands
              scale={scale}
              segments={props.segments}
              current={props.currentSegment ?? null}
              onZoom={zoomTo}
            />
          ) : null}
        </div>
      </div>
    </section>
  );
}
