// Issue 22: on runs of 10^8 timestamps the axis labels overlapped ("20,000,00040,000,000"). Every pair
// of neighbouring labels must leave a gap, at every width a panel can have and over long and zoomed runs.
import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { AXIS_CHAR_PX, axisTicks, formatTick } from './axisTicks';

const domains: [number, number][] = [
  [0, 100_000_000],
  [0, 130_000_000],
  [0, 230_000_000],
  [0, 4_100_711],
  [12_345_678, 12_346_978],
  [99_000_000, 100_000_000],
  [0, 17],
];

describe('axisTicks', () => {
  it('never lets two labels touch', () => {
    for (const [t0, t1] of domains)
      for (let width = 200; width <= 2000; width += 37) {
        const ticks = axisTicks(t0, t1, width);
        const x = scaleLinear().domain([t0, t1]).range([0, width]);
        for (let i = 1; i < ticks.length; i++) {
          const half = (t: number) => (formatTick(t).length * AXIS_CHAR_PX) / 2;
          const gap = x(ticks[i]) - half(ticks[i]) - (x(ticks[i - 1]) + half(ticks[i - 1]));
          expect(gap, `${t0}..${t1} at ${width}px: ${ticks[i - 1]} and ${ticks[i]}`).toBeGreaterThan(4);
        }
      }
  });

  it('keeps whole times and at least two ticks on a wide axis', () => {
    expect(axisTicks(0, 100_000_000, 1000).length).toBeGreaterThanOrEqual(2);
    expect(axisTicks(0, 3, 800).every(Number.isInteger)).toBe(true);
  });
});
