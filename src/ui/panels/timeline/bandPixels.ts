// Time intervals (a highlighted function's [t0, t1) pairs, engine/metering/attribution/rangeProfile.ts) as the pixel
// spans the Timeline draws: clipped to the visible window, at least 1 px wide, and spans that touch or
// overlap on screen merged, so a function called a million times draws as a few hundred rectangles.
import { xOfTime, type TimeScale } from './hitTest';

/** Pixel spans [x0, x1) of the pairs in `pairs` visible on `s`, merged where they meet. */
export function bandPixels(pairs: ArrayLike<number>, s: TimeScale): { x0: number; x1: number }[] {
  const out: { x0: number; x1: number }[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const t0 = pairs[i];
    const t1 = pairs[i + 1];
    if (t1 <= s.t0 || t0 >= s.t1) continue;
    // A time t is drawn as the cell [t - 0.5, t + 0.5) (hitTest.bucketPixels): [t0, t1) covers t0 .. t1-1.
    const x0 = Math.max(0, xOfTime(s, t0 - 0.5));
    const x1 = Math.min(s.width, Math.max(xOfTime(s, t1 - 0.5), x0 + 1));
    const last = out[out.length - 1];
    if (last !== undefined && x0 <= last.x1 + 0.5) last.x1 = Math.max(last.x1, x1);
    else out.push({ x0, x1 });
  }
  return out;
}
