import { describe, expect, it } from 'vitest';
import type { MemoryOverview } from '../../../engine/views/memoryOverview';
import { blockRgb } from './blockPalette';
import {
  bucketSummary,
  cellAtFraction,
  fractionOfCell,
  heat,
  overviewPixels,
  spreadUnits,
} from './overviewImage';

function overview(
  start: number,
  end: number,
  buckets: number,
  touched: Record<number, [number, number, number]>,
  newest: number,
): MemoryOverview {
  const o: MemoryOverview = {
    addressSpace: 1,
    start,
    end,
    buckets,
    cellsPerBucket: (end - start) / buckets,
    touchedUnits: new Uint32Array(buckets),
    maxSizeCode: new Uint8Array(buckets),
    newestTimestamp: new Uint32Array(buckets),
    newest,
    newestCell: -1,
  };
  for (const [b, [units, code, ts]] of Object.entries(touched)) {
    o.touchedUnits[Number(b)] = units;
    o.maxSizeCode[Number(b)] = code;
    o.newestTimestamp[Number(b)] = ts;
  }
  return o;
}

describe('address space overview image', () => {
  it('colors touched buckets by block size and fades them by age', () => {
    const o = overview(0, 2 ** 29, 8, { 1: [6, 3, 104], 5: [1, 6, 52] }, 104);
    const px = overviewPixels(o, 4);
    expect(Array.from(px.subarray(4, 8))).toEqual([...blockRgb(4), 255]);
    expect(Array.from(px.subarray(20, 23))).toEqual([...blockRgb(32)]);
    expect(px[23]).toBe(Math.round(255 * (0.28 + 0.72 * 0.5)));
    expect(px[3]).toBe(0); // untouched: transparent
  });

  it('spreads a unit over the buckets of its cells when zoomed past one unit per bucket', () => {
    // 128 register cells in 512 buckets: a unit of 4 cells = 16 buckets, counted only in its first.
    const o = overview(0, 128, 512, { 0: [1, 3, 36], 160: [1, 3, 105] }, 106);
    const s = spreadUnits(o, 4);
    expect(Array.from(s.touched.subarray(0, 17))).toEqual([...Array(16).fill(1), 0]);
    expect(s.newest[175]).toBe(105);
    expect(s.touched[176]).toBe(0);
    expect(s.code[10]).toBe(3);
  });

  it('draws a touched bucket without a block start at the smallest size', () => {
    const o = overview(0, 64, 4, { 2: [1, 0, 0] }, 5);
    expect(Array.from(overviewPixels(o, 4).subarray(8, 12))).toEqual([
      ...blockRgb(4),
      Math.round(255 * 0.28),
    ]);
  });

  it('maps the strip to cells and back', () => {
    const o = overview(0, 128, 512, {}, 0);
    expect(cellAtFraction(o, 0)).toBe(0);
    expect(cellAtFraction(o, 0.5)).toBe(64);
    expect(cellAtFraction(o, 1)).toBe(127);
    expect(cellAtFraction(o, 1.5)).toBe(127);
    expect(fractionOfCell(o, 32)).toBe(0.25);
    const sub = overview(1024, 2048, 16, {}, 0);
    expect(cellAtFraction(sub, 0.5)).toBe(1536);
    expect(fractionOfCell(sub, 0)).toBeLessThan(0);
  });

  it('heat is relative to the newest access of the space', () => {
    expect(heat(50, 100)).toBe(0.5);
    expect(heat(0, 0)).toBe(0);
    expect(heat(200, 100)).toBe(1);
  });

  it('describes the bucket under the pointer', () => {
    const o = overview(0, 2 ** 29, 512, { 2: [6, 3, 104] }, 104);
    const fmt = (a: number) => '0x' + a.toString(16);
    expect(bucketSummary(o, 4, 2.5 / 512, fmt)).toBe(
      'cells 0x200000–0x2fffff: 6 touched units, largest block 4 cells, last access t 104 (click to show here)',
    );
    expect(bucketSummary(o, 4, 0, fmt)).toContain('untouched');
  });
});
