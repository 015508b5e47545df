import { describe, expect, it } from 'vitest';
import {
  CLASS_MIN_REQUESTS,
  CLASS_NAMES,
  CLASS_PAYLOADS,
  LARGE_CLASS,
  MAX_SMALL_REQUEST,
  NUM_CLASSES,
  alignUp,
  classBlockSize,
  classForRequest,
} from './sizeClasses';

describe('size classes (orthotope 0.1.7 size_class.rs)', () => {
  const ranges: Array<[string, number, number]> = [
    ['B64', 1, 64],
    ['B256', 65, 256],
    ['B4K', 257, 4096],
    ['B6K', 4097, 6144],
    ['B8K', 6145, 8192],
    ['B16K', 8193, 16_384],
    ['B32K', 16_385, 32_768],
    ['B64K', 32_769, 65_536],
    ['B128K', 65_537, 131_072],
    ['B256K', 131_073, 262_144],
    ['B1M', 262_145, 1_048_576],
    ['B16M', 1_048_577, 16_777_216],
  ];

  it.each(ranges.map((r, i) => [i, ...r] as const))(
    'class %i (%s) serves %i..=%i and nothing outside',
    (index, name, lo, hi) => {
      expect(CLASS_NAMES[index]).toBe(name);
      expect(CLASS_MIN_REQUESTS[index]).toBe(lo);
      expect(CLASS_PAYLOADS[index]).toBe(hi);
      expect(classForRequest(lo)).toBe(index);
      expect(classForRequest(hi)).toBe(index);
      expect(classForRequest(lo - 1)).toBe(index === 0 ? -1 : index - 1);
      expect(classForRequest(hi + 1)).toBe(index === NUM_CLASSES - 1 ? -1 : index + 1);
    },
  );

  it('rejects 0 and sends everything above 16 MiB to the large path', () => {
    expect(classForRequest(0)).toBe(-1);
    expect(MAX_SMALL_REQUEST).toBe(16_777_216);
    expect(classForRequest(16_777_217)).toBe(-1);
    expect(classForRequest(Number.MAX_SAFE_INTEGER)).toBe(-1);
    expect(LARGE_CLASS).toBe(255);
  });

  it('agrees with a brute-force scan of the ranges on many sizes', () => {
    for (let size = 1; size < 300_000; size += 97) {
      const expected = ranges.findIndex(([, lo, hi]) => size >= lo && size <= hi);
      expect(classForRequest(size)).toBe(expected);
    }
  });

  it('block sizes at alignment 64 are payload + 64', () => {
    expect(CLASS_PAYLOADS.map((_, c) => classBlockSize(c, 64))).toEqual([
      128, 320, 4160, 6208, 8256, 16_448, 32_832, 65_600, 131_136, 262_208, 1_048_640, 16_777_280,
    ]);
  });

  it('block sizes at alignment 256 round up to it (spec table, golden 06_alignment256)', () => {
    expect(CLASS_PAYLOADS.map((_, c) => classBlockSize(c, 256))).toEqual([
      256, 512, 4352, 6400, 8448, 16_640, 33_024, 65_792, 131_328, 262_400, 1_048_832, 16_777_472,
    ]);
  });

  it('alignments below 64 are treated as 64', () => {
    expect(classBlockSize(0, 32)).toBe(128);
    expect(classBlockSize(0, 0)).toBe(128);
  });

  it('alignUp', () => {
    expect(alignUp(0, 64)).toBe(0);
    expect(alignUp(1, 64)).toBe(64);
    expect(alignUp(64, 64)).toBe(64);
    expect(alignUp(20_971_584, 4096)).toBe(20_975_616);
  });
});
