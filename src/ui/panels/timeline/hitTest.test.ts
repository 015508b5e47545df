import { describe, expect, it } from 'vitest';
import { bucketAt, bucketPixels, bucketRange, markerAt, seekTimeAt, timeOfX, xOfTime } from './hitTest';

const s = { t0: 100, t1: 200, width: 1000 };

describe('timeline hit testing', () => {
  it('maps time to pixels and back', () => {
    expect(xOfTime(s, 150)).toBe(500);
    expect(timeOfX(s, 250)).toBe(125);
    expect(timeOfX(s, xOfTime(s, 173))).toBeCloseTo(173);
  });

  it('seeks to the nearest whole time inside the run', () => {
    expect(seekTimeAt(s, 254, 0, 1000)).toBe(125);
    expect(seekTimeAt(s, 256, 0, 1000)).toBe(126);
    expect(seekTimeAt(s, -50, 0, 1000)).toBe(95);
    expect(seekTimeAt(s, -5000, 0, 1000)).toBe(0);
    expect(seekTimeAt(s, 9000, 0, 150)).toBe(150);
  });

  it('finds the bucket of a time and its range', () => {
    const r = { t0: 100, t1: 200, buckets: 20 };
    expect(bucketAt(r, 100)).toBe(0);
    expect(bucketAt(r, 104.9)).toBe(0);
    expect(bucketAt(r, 105)).toBe(1);
    expect(bucketAt(r, 199)).toBe(19);
    expect(bucketAt(r, 200)).toBe(-1);
    expect(bucketAt(r, 99)).toBe(-1);
    expect(bucketRange(r, 3)).toEqual({ from: 115, to: 120 });
  });

  it('picks the nearest marker within the tolerance', () => {
    const markers = [
      { t: 120, kind: 'error' },
      { t: 121, kind: 'breakpoint' },
      { t: 180, kind: 'end' },
    ];
    expect(markerAt(markers, s, 212)?.kind).toBe('breakpoint');
    expect(markerAt(markers, s, 198)?.kind).toBe('error');
    expect(markerAt(markers, s, 500)).toBeNull();
  });

  it('centres each time on its tick and gives every bucket at least one pixel', () => {
    // Times 0..3 one per bucket on a 40 px window [-0.5, 3.5]: each a 10 px cell centred on its tick.
    const cells = bucketPixels({ t0: 0, t1: 4, buckets: 4 }, { t0: -0.5, t1: 3.5, width: 40 });
    expect(Array.from(cells)).toEqual([0, 10, 10, 20, 20, 30, 30, 40]);
    const px = bucketPixels({ t0: 0, t1: 10_000, buckets: 4 }, { t0: -0.5, t1: 9_999.5, width: 2 });
    expect(Array.from(px)).toEqual([0, 1, 0.5, 1.5, 1, 2, 1.5, 2.5]);
  });
});
