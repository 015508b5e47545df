// The visible time window of the timeline and the pure moves on it (zoom around a point, pan, fit).
// Times are the run's axis: timestamps, or operation indexes for .alloc traces. The run is [start, end]
// inclusive and every whole time t is drawn as a cell [t - 0.5, t + 0.5) centred on its tick, so the
// fitted window is [start - 0.5, end + 0.5]. A window always lies inside that, is at least `minSpan`
// wide (or the whole run when shorter) and never wider. Windows are continuous (fractional t0/t1): only
// the viewport *requests* are snapped to the bucket grid (quantize.ts).

export interface TimeWindow {
  readonly t0: number;
  readonly t1: number;
}

/** The narrowest window zooming can reach: 16 time units, or the whole run when it is shorter. */
export function minSpan(start: number, end: number): number {
  return Math.max(1, Math.min(16, end - start));
}

/** The whole run, every time's cell included (a run of one instant gets a window one unit wide). */
export function fitWindow(start: number, end: number): TimeWindow {
  return { t0: start - 0.5, t1: Math.max(end, start) + 0.5 };
}

/** `w` moved and resized as little as possible to satisfy the invariants above. */
export function clampWindow(w: TimeWindow, start: number, end: number): TimeWindow {
  const fit = fitWindow(start, end);
  const full = fit.t1 - fit.t0;
  const span = Math.min(full, Math.max(minSpan(start, end), w.t1 - w.t0));
  let t0 = w.t0;
  if (t0 < fit.t0) t0 = fit.t0;
  if (t0 + span > fit.t1) t0 = fit.t1 - span;
  return { t0, t1: t0 + span };
}

/**
 * Zooms by `factor` (< 1 zooms in, > 1 out) keeping time `anchor` at the same place on screen (the
 * pointer for the wheel, the current time for the buttons).
 */
export function zoomWindow(
  w: TimeWindow,
  factor: number,
  anchor: number,
  start: number,
  end: number,
): TimeWindow {
  const span = w.t1 - w.t0;
  const a = Math.min(w.t1, Math.max(w.t0, anchor));
  const fraction = span === 0 ? 0.5 : (a - w.t0) / span;
  const fit = fitWindow(start, end);
  const next = Math.min(fit.t1 - fit.t0, Math.max(minSpan(start, end), span * factor));
  return clampWindow({ t0: a - fraction * next, t1: a - fraction * next + next }, start, end);
}

/** Pans by `dt` time units (positive: later), stopping at the ends of the run. */
export function panWindow(w: TimeWindow, dt: number, start: number, end: number): TimeWindow {
  return clampWindow({ t0: w.t0 + dt, t1: w.t1 + dt }, start, end);
}

/** True when `w` shows the whole run (the timeline then follows a growing run). */
export function isFit(w: TimeWindow, start: number, end: number): boolean {
  const fit = fitWindow(start, end);
  return w.t0 <= fit.t0 && w.t1 >= fit.t1;
}

/** A window of the same width as `w` with `t` inside it (for following the current time). */
export function revealTime(w: TimeWindow, t: number, start: number, end: number): TimeWindow {
  if (t >= w.t0 && t <= w.t1) return w;
  const span = w.t1 - w.t0;
  return clampWindow({ t0: t - span / 2, t1: t + span / 2 }, start, end);
}
