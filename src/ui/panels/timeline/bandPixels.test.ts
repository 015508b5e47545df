import { describe, expect, it } from 'vitest';
import { bandPixels } from './bandPixels';

describe('bandPixels', () => {
  const s = { t0: 0, t1: 1000, width: 100 };
  it('maps each interval to its pixels, at least 1 px wide', () => {
    expect(bandPixels([100.5, 200.5, 500.5, 500.6], s)).toEqual([
      { x0: 10, x1: 20 },
      { x0: 50, x1: 51 },
    ]);
  });
  it('merges intervals that meet on screen and clips to the window', () => {
    const pairs: number[] = [];
    for (let t = 0; t < 2000; t += 4) pairs.push(t, t + 2);
    const spans = bandPixels(pairs, s);
    expect(spans).toHaveLength(1);
    expect(spans[0].x0).toBe(0);
    expect(spans[0].x1).toBe(100);
  });
  it('leaves out what is off screen', () => {
    expect(bandPixels([1200, 1300, -50, -10], s)).toEqual([]);
  });
});
