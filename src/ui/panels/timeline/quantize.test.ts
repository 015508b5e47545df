import { describe, expect, it } from 'vitest';
import { bucketWidth, niceBucketWidth, quantizeViewport, viewportKey } from './quantize';

describe('viewport quantization', () => {
  it('picks 1, 2, 5 × 10^k bucket widths', () => {
    expect(niceBucketWidth(100, 500)).toBe(1);
    expect(niceBucketWidth(1000, 500)).toBe(2);
    expect(niceBucketWidth(1600, 500)).toBe(5);
    expect(niceBucketWidth(2_000_000, 500)).toBe(5000);
    expect(niceBucketWidth(3_000_000, 500)).toBe(10_000);
  });

  it('snaps outwards to the grid and covers t1 inclusive', () => {
    const r = quantizeViewport(0, 1600, 1000); // 500 buckets at 2 px
    expect(r).toEqual({ t0: 0, t1: 1605, buckets: 321 });
    expect(bucketWidth(r)).toBe(5);
    expect(quantizeViewport(3, 12, 1000)).toEqual({ t0: 3, t1: 13, buckets: 10 });
  });

  it('keeps the same key while panning by less than a bucket', () => {
    // 1000 units on 500 buckets: width 2, so [100.5, 1100.5] and [101.5, 1101.5] share the grid cells.
    const a = quantizeViewport(100.5, 1100.5, 1000);
    const b = quantizeViewport(101.5, 1101.5, 1000);
    expect(viewportKey(a)).toBe('100:1102:501');
    expect(viewportKey(b)).toBe(viewportKey(a));
    expect(viewportKey(quantizeViewport(102.5, 1102.5, 1000))).toBe('102:1104:501');
  });

  it('never asks for more buckets than pixels allow (plus the two edge buckets)', () => {
    for (const span of [7, 99, 1234, 98_765, 4_000_000]) {
      const r = quantizeViewport(17, 17 + span, 640);
      expect(r.buckets).toBeLessThanOrEqual(320 + 2);
      expect(r.t0).toBeLessThanOrEqual(17);
      expect(r.t1).toBeGreaterThan(17 + span);
      expect(Number.isInteger(bucketWidth(r))).toBe(true);
    }
  });

  it('stays inside the run when it is given (the fitted window has half-unit margins)', () => {
    expect(quantizeViewport(-0.5, 1600.5, 1000, 2, { start: 0, end: 1600 })).toEqual({
      t0: 0,
      t1: 1605,
      buckets: 321,
    });
    expect(quantizeViewport(-0.5, 15.5, 1000, 2, { start: 0, end: 15 })).toEqual({
      t0: 0,
      t1: 16,
      buckets: 16,
    });
    expect(quantizeViewport(-0.5, 15.5, 1000, 2)).toEqual({ t0: -1, t1: 16, buckets: 17 });
  });
});
