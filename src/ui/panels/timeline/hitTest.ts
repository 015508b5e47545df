// Pixel <-> time for the timeline plot, and what lies under the pointer: the time to seek to, the density
// bucket to describe, the marker to jump to. Pure functions over a plain linear mapping, so they can be
// unit-tested without a DOM (the components use the same mapping for drawing).
import type { ViewportRequest } from './quantize';
import type { TimeWindow } from './viewport';

/** A linear map from window [t0, t1] onto pixels [0, width]. */
export interface TimeScale {
  readonly t0: number;
  readonly t1: number;
  readonly width: number;
}

export function xOfTime(s: TimeScale, t: number): number {
  return s.t1 === s.t0 ? 0 : ((t - s.t0) / (s.t1 - s.t0)) * s.width;
}

export function timeOfX(s: TimeScale, x: number): number {
  return s.width === 0 ? s.t0 : s.t0 + (x / s.width) * (s.t1 - s.t0);
}

export function scaleOf(w: TimeWindow, width: number): TimeScale {
  return { t0: w.t0, t1: w.t1, width };
}

/** The whole time under pixel `x`, clamped to the run [start, end] (for click and drag seeks). */
export function seekTimeAt(s: TimeScale, x: number, start: number, end: number): number {
  return Math.min(end, Math.max(start, Math.round(timeOfX(s, x))));
}

/** Index of the bucket of `r` holding time `t`, or -1 outside the request. */
export function bucketAt(r: ViewportRequest, t: number): number {
  if (r.buckets <= 0 || t < r.t0 || t >= r.t1) return -1;
  return Math.min(r.buckets - 1, Math.floor(((t - r.t0) / (r.t1 - r.t0)) * r.buckets));
}

/** Time range [from, to) of bucket `i` of `r`. */
export function bucketRange(r: ViewportRequest, i: number): { from: number; to: number } {
  const width = (r.t1 - r.t0) / r.buckets;
  return { from: r.t0 + i * width, to: r.t0 + (i + 1) * width };
}

/** The marker nearest to pixel `x` within `tolerancePx`, or null. */
export function markerAt<M extends { readonly t: number }>(
  markers: readonly M[],
  s: TimeScale,
  x: number,
  tolerancePx = 5,
): M | null {
  let best: M | null = null;
  let bestDistance = tolerancePx;
  for (const m of markers) {
    const d = Math.abs(xOfTime(s, m.t) - x);
    if (d <= bestDistance) {
      best = m;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Pixel spans [x0, x1) of every bucket of `r` on scale `s`. A bucket [from, to) holds the whole times
 * from..to-1 and each time t is drawn as the cell [t - 0.5, t + 0.5), so the bucket covers
 * [from - 0.5, to - 0.5). At least 1 px wide, so that a lone event in a zoomed-out window stays
 * visible; buckets wholly off screen get x1 <= 0 or x0 >= width.
 */
export function bucketPixels(r: ViewportRequest, s: TimeScale): Float64Array {
  const out = new Float64Array(r.buckets * 2);
  const width = (r.t1 - r.t0) / Math.max(1, r.buckets);
  for (let i = 0; i < r.buckets; i++) {
    const x0 = xOfTime(s, r.t0 + i * width - 0.5);
    const x1 = xOfTime(s, r.t0 + (i + 1) * width - 0.5);
    out[2 * i] = x0;
    out[2 * i + 1] = Math.max(x1, x0 + 1);
  }
  return out;
}
