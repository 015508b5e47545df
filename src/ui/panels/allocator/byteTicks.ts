// Axis ticks for byte scales at multiples of a power of two, so they read as whole KiB / MiB / GiB
// (decimal "nice" ticks give labels like 19.5 KiB). Used by the arena map and the metrics chart.
/** Axis ticks at multiples of a power of two (so they read as whole KiB / MiB), at most `maxTicks`+1. */
export function byteTicks(start: number, end: number, maxTicks: number): number[] {
  if (end <= start) return [start];
  const target = (end - start) / Math.max(1, maxTicks);
  let step = 1;
  while (step < target) step *= 2;
  const out: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) out.push(t);
  return out;
}
