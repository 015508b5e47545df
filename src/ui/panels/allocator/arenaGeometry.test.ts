import { describe, expect, it } from 'vitest';
import type { ArenaSpan } from '../../../engine/alloc/views/arenaLayout';
import { blockPointerAt, spanAt, spanPixels, xOfOffset } from './arenaGeometry';

const slab = (start: number, blocks: number, blockSize: number, cls = 0): ArenaSpan => ({
  start,
  bytes: blocks * blockSize,
  kind: 'slab',
  cls,
  thread: 0,
  blocks,
  blockSize,
  requested: 0,
});

describe('arena map geometry', () => {
  const spans = [slab(0, 256, 128), slab(32_768, 102, 320, 1)];
  const s = { start: 0, end: 65_408, width: 654.08 };

  it('places spans on the byte scale, one pixel at least', () => {
    expect(xOfOffset(s, 32_768)).toBeCloseTo(327.68);
    expect(spanPixels(s, spans[0])).toEqual({ x: 0, width: 327.68 });
    expect(spanPixels({ start: 0, end: 1e9, width: 100 }, spans[0]).width).toBe(1);
  });

  it('finds the block under the pointer and returns its user pointer', () => {
    expect(blockPointerAt(s, spans[0], 0)).toBe(64);
    expect(blockPointerAt(s, spans[0], 1.3)).toBe(128 + 64); // offset 130: block 1
    expect(blockPointerAt(s, spans[1], 330)).toBe(32_768 + 64); // offset 33,000: block 0 of the B256 slab
    expect(blockPointerAt(s, spans[1], 332)).toBe(32_768 + 320 + 64); // offset 33,200: block 1
    const large: ArenaSpan = { ...slab(0, 1, 20_971_584), kind: 'large-live', cls: 255, thread: -1 };
    expect(blockPointerAt(s, large, 10)).toBe(64);
  });

  it('finds the span holding an offset', () => {
    expect(spanAt(spans, 0)).toBe(spans[0]);
    expect(spanAt(spans, 32_767)).toBe(spans[0]);
    expect(spanAt(spans, 32_768)).toBe(spans[1]);
    expect(spanAt(spans, 32_768 + 102 * 320)).toBeUndefined();
  });
});
