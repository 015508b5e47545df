// Text for the timeline: times with their unit, bucket ranges and the hover description of a bucket.
// Whole times only (the axis is integer); thousands separated so long runs stay readable.
import { bucketRange } from './hitTest';
import type { ViewportRequest } from './quantize';

export type TimeUnit = 'timestamp' | 'operation' | string;

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatNumber(n: number): string {
  return number.format(n);
}

/** "timestamp 1,024" / "operation 12". */
export function formatTime(t: number, unit: TimeUnit = 'timestamp'): string {
  return `${unit} ${formatNumber(t)}`;
}

function plural(unit: TimeUnit, n: number): string {
  return n === 1 ? unit : `${unit}s`;
}

/** The whole times in bucket `i`: "operations 120–129 (10 operations)" or "timestamp 7". */
export function formatBucketRange(r: ViewportRequest, i: number, unit: TimeUnit = 'timestamp'): string {
  const { from, to } = bucketRange(r, i);
  const first = Math.ceil(from);
  const last = Math.ceil(to) - 1;
  if (last <= first) return formatTime(first, unit);
  const n = last - first + 1;
  return `${plural(unit, 2)} ${formatNumber(first)}–${formatNumber(last)} (${formatNumber(n)} ${plural(unit, n)})`;
}

export interface TrackCount {
  readonly label: string;
  readonly count: number;
}

/** Hover text of a bucket: its range, then one line per track ("allocations: 12"). */
export function describeBucket(
  r: ViewportRequest,
  i: number,
  tracks: readonly TrackCount[],
  unit: TimeUnit,
): string[] {
  return [formatBucketRange(r, i, unit), ...tracks.map((t) => `${t.label}: ${formatNumber(t.count)}`)];
}

/** The value text a screen reader announces for the slider. */
export function sliderValueText(current: number, start: number, end: number, unit: TimeUnit): string {
  return `${formatTime(current, unit)} of ${formatNumber(start)}–${formatNumber(end)}`;
}
