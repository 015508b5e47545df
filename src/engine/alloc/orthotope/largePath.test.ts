import { describe, expect, it } from 'vitest';
import { LargePath } from './largePath';

describe('LargeObjectAllocator (large_object.rs)', () => {
  it('takes the smallest block that fits, whole, and LIFO among equal sizes', () => {
    const l = new LargePath();
    l.insertFree(0, 3000);
    l.insertFree(10_000, 2000);
    l.insertFree(20_000, 2000);
    l.insertFree(30_000, 5000);
    expect(l.freeBlocks).toBe(4);
    expect(l.freeBytes).toBe(12_000);
    expect(l.takeBestFit(1500)).toEqual({ blockStart: 20_000, blockSize: 2000 });
    expect(l.takeBestFit(1500)).toEqual({ blockStart: 10_000, blockSize: 2000 });
    expect(l.takeBestFit(2001)).toEqual({ blockStart: 0, blockSize: 3000 });
    expect(l.takeBestFit(5001)).toBeNull();
    expect(l.poolBuckets()).toEqual([[5000, [30_000]]]);
    expect(l.freeBytes).toBe(5000);
  });

  it('releases to the bucket of the real block size and checks the record', () => {
    const l = new LargePath();
    l.recordLive(64, { blockStart: 0, blockSize: 5000, requested: 1000, usable: 4936 });
    expect(l.liveTotals()).toEqual({
      blocks: 1,
      blockBytes: 5000,
      requestedBytes: 1000,
      slackBytes: 5000 - 64 - 1000,
    });
    expect(l.release(64, 1000, 1000)).toBe('mismatch');
    expect(l.live.size).toBe(1);
    expect(l.release(128, 1000, 4936)).toBe('unknown');
    expect(l.release(64, 1000, 4936)).toMatchObject({ blockSize: 5000 });
    expect(l.release(64, 1000, 4936)).toBe('unknown');
    expect(l.poolBuckets()).toEqual([[5000, [0]]]);
  });

  it('clones independently', () => {
    const l = new LargePath();
    l.insertFree(0, 100);
    const c = l.clone();
    l.takeBestFit(1);
    expect(c.freeBlocks).toBe(1);
    expect(c.takeBestFit(1)).toEqual({ blockStart: 0, blockSize: 100 });
  });
});
