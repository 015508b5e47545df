import { describe, expect, it } from 'vitest';
import { defaultMemoryConfig } from '../memory/config';
import { TracingMemory } from '../memory/tracingMemory';
import { memoryOverview, touchedExtent } from './memoryOverview';

describe('memory overview', () => {
  it('buckets touched units, block sizes and newest timestamps over a sparse 2^29 space', () => {
    const m = new TracingMemory(defaultMemoryConfig(), 8);
    m.write(2, 0, 16, new Array(16).fill(1)); // t1: chunks 0 and 8; a 16-block
    m.read(2, 2 ** 28, 4); // t2: far away, first touch splits chunk 2^28 into two 4-blocks
    const o = memoryOverview(m, 2, 0, 2 ** 29, 4);
    expect(Array.from(o.touchedUnits)).toEqual([4, 0, 2, 0]);
    expect(Array.from(o.maxSizeCode)).toEqual([5, 0, 3, 0]); // 16 cells -> code 5; 4 cells -> code 3
    expect(Array.from(o.newestTimestamp)).toEqual([1, 0, 2, 0]);
    expect(o.newest).toBe(2);
    expect(o.newestCell).toBe(2 ** 28); // the block of the last access (t2)
    expect(memoryOverview(m, 2, 0, 2 ** 20, 1).newestCell).toBe(0); // in range: the t1 block
    expect(memoryOverview(m, 3, 0, 32, 1).newestCell).toBe(-1);
    expect(touchedExtent(m, 2)).toEqual({ start: 0, end: 2 ** 28 + 8 });
    expect(touchedExtent(m, 3)).toBeUndefined();
  });
  it('zooms down to single cells', () => {
    const m = new TracingMemory(defaultMemoryConfig(), 8);
    m.write(4, 3, 2, [5, 6]);
    const o = memoryOverview(m, 4, 0, 8, 8);
    expect(Array.from(o.touchedUnits)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(Array.from(o.maxSizeCode)).toEqual([1, 1, 1, 2, 0, 1, 1, 1]);
  });
});
