// The timeline's visible window as React state, and the viewport requests it implies. Keeps the window
// valid when the run changes (a fitted window follows a growing run; any other is clamped), brings the
// current time back into view when it leaves the window (stepping, playing, keyboard), and calls
// onViewport once per distinct quantized request (quantize.ts), so the caller can cache by that key.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { PX_PER_BUCKET } from './layout';
import { quantizeViewport, viewportKey } from './quantize';
import {
  clampWindow,
  fitWindow,
  isFit,
  panWindow,
  revealTime,
  zoomWindow,
  type TimeWindow,
} from './viewport';

export interface TimelineViewport {
  readonly view: TimeWindow;
  zoom(factor: number, anchor: number): void;
  pan(dt: number): void;
  fit(): void;
  /** Shows [t0, t1] (clamped to the run). */
  zoomTo(t0: number, t1: number): void;
}

export function useTimelineViewport(
  start: number,
  end: number,
  current: number,
  plotWidth: number,
  onViewport: (t0: number, t1: number, buckets: number) => void,
): TimelineViewport {
  const [view, setView] = useState<TimeWindow>(() => fitWindow(start, end));
  const fitted = useRef(true);
  const range = useRef({ start, end });
  const callback = useRef(onViewport);
  // Event handlers and effects read the latest run range and callback through these refs.
  useLayoutEffect(() => {
    range.current = { start, end };
    callback.current = onViewport;
  });

  // The run changed: follow it when fitted, otherwise keep the window where it was (clamped).
  useEffect(() => {
    setView((w) => (fitted.current ? fitWindow(start, end) : clampWindow(w, start, end)));
  }, [start, end]);

  // The current time moved out of view (not by panning, which leaves `current` alone): bring it back.
  useEffect(() => {
    setView((w) => revealTime(w, current, range.current.start, range.current.end));
  }, [current]);

  const lastKey = useRef('');
  useEffect(() => {
    if (plotWidth <= 0) return;
    const request = quantizeViewport(view.t0, view.t1, plotWidth, PX_PER_BUCKET, range.current);
    const key = viewportKey(request);
    if (key === lastKey.current) return;
    lastKey.current = key;
    callback.current(request.t0, request.t1, request.buckets);
  }, [view, plotWidth]);

  const update = useCallback((move: (w: TimeWindow, start: number, end: number) => TimeWindow) => {
    setView((w) => {
      const next = move(w, range.current.start, range.current.end);
      fitted.current = isFit(next, range.current.start, range.current.end);
      return next;
    });
  }, []);
  const zoom = useCallback(
    (factor: number, anchor: number) => update((w, s, e) => zoomWindow(w, factor, anchor, s, e)),
    [update],
  );
  const pan = useCallback((dt: number) => update((w, s, e) => panWindow(w, dt, s, e)), [update]);
  const fit = useCallback(() => update((_, s, e) => fitWindow(s, e)), [update]);
  const zoomTo = useCallback(
    (t0: number, t1: number) => update((_, s, e) => clampWindow({ t0, t1 }, s, e)),
    [update],
  );
  return { view, zoom, pan, fit, zoomTo };
}
