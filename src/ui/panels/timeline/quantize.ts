// Viewport requests on a fixed bucket grid (DESIGN.md: "the UI asks for a viewport at a quantized
// resolution and caches by that key"). The bucket width is a "nice" integer (1, 2, 5 × 10^k time units)
// chosen from the window's span and the pixels available, and t0/t1 snap outwards to multiples of it
// (multiples counted from 0, not from the window, so panning by less than a bucket keeps the same key).
// The request always covers the window [t0, t1] inclusive, so the bucket holding t1 is drawn too, but
// never asks for buckets wholly outside the run [start, end] when that is given.

export interface ViewportRequest {
  readonly t0: number;
  readonly t1: number;
  readonly buckets: number;
}

/** The smallest of 1, 2, 5, 10, 20, 50, … that splits `span` into at most `maxBuckets` buckets. */
export function niceBucketWidth(span: number, maxBuckets: number): number {
  const target = Math.max(1, span / Math.max(1, Math.floor(maxBuckets)));
  let magnitude = 1;
  while (magnitude * 10 <= target) magnitude *= 10;
  for (const step of [1, 2, 5, 10]) {
    if (magnitude * step >= target) return magnitude * step;
  }
  return magnitude * 10;
}

/** The request for window [t0, t1] drawn `widthPx` wide at about `pxPerBucket` pixels per bucket. */
export function quantizeViewport(
  t0: number,
  t1: number,
  widthPx: number,
  pxPerBucket = 2,
  run?: { readonly start: number; readonly end: number },
): ViewportRequest {
  const maxBuckets = Math.max(1, Math.floor(widthPx / pxPerBucket));
  const width = niceBucketWidth(t1 - t0, maxBuckets);
  let q0 = Math.floor(t0 / width) * width;
  let q1 = Math.floor(t1 / width) * width + width;
  if (run !== undefined) {
    q0 = Math.max(q0, Math.floor(run.start / width) * width);
    q1 = Math.max(q0 + width, Math.min(q1, Math.floor(run.end / width) * width + width));
  }
  return { t0: q0, t1: q1, buckets: Math.round((q1 - q0) / width) };
}

/** A stable string key of a request (for caches and for skipping repeated requests). */
export function viewportKey(r: ViewportRequest): string {
  return `${r.t0}:${r.t1}:${r.buckets}`;
}

/** The width in time units of one bucket of a request. */
export function bucketWidth(r: ViewportRequest): number {
  return r.buckets === 0 ? 0 : (r.t1 - r.t0) / r.buckets;
}
