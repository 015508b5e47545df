import { describe, expect, it } from 'vitest';
import type { MemoryRangeView } from '../../../engine/timeline/queries/memoryView';
import { blockSegments, cellInfo, cellInfos } from './gridModel';

/** A range view from per-unit (blockStart, blockSize, ts) triples; values = cell index + 1. */
function view(addr: number, len: number, align: number, units: [number, number, number][]): MemoryRangeView {
  const unitAddr = Math.floor(addr / align) * align;
  return {
    addressSpace: align === 1 ? 4 : 2,
    addr,
    len,
    values: Uint32Array.from({ length: len }, (_, i) => i + 1),
    align,
    unitAddr,
    raw: Uint32Array.from(units, ([, , ts], k) => ts + k),
    offsetToStart: Uint8Array.from(units, ([start], k) =>
      start < 0 ? 0 : (unitAddr + k * align - start) / align,
    ),
    blockStart: Float64Array.from(units, ([start]) => start),
    blockSize: Uint8Array.from(units, ([, size]) => size),
    timestamp: Uint32Array.from(units, ([, , ts]) => ts),
  };
}

describe('address spaces cell grid model', () => {
  it('decodes each cell through its unit', () => {
    const v = view(0, 16, 4, [
      [0, 8, 3],
      [0, 8, 3],
      [8, 4, 5],
      [-1, 0, 0],
    ]);
    expect(cellInfo(v, 5)).toEqual({
      addr: 5,
      value: 6,
      blockStart: 0,
      blockSize: 8,
      timestamp: 3,
      raw: 4,
      offsetToStart: 1,
      unitAddr: 4,
    });
    expect(cellInfo(v, 13)).toMatchObject({ addr: 13, blockStart: -1, blockSize: 0, unitAddr: 12 });
  });

  it('handles a window that starts inside a unit', () => {
    const v = view(6, 4, 4, [
      [4, 4, 1],
      [8, 4, 2],
    ]);
    expect(v.unitAddr).toBe(4);
    expect(cellInfo(v, 0)).toMatchObject({ addr: 6, blockStart: 4, unitAddr: 4 });
    expect(cellInfo(v, 2)).toMatchObject({ addr: 8, blockStart: 8, unitAddr: 8 });
  });

  it('cuts blocks into row segments, open where they go on, labelled once', () => {
    // 32 cells, 16 per row: a 16-block at 8 wraps from row 0 to row 1; 4-block at 24; untouched at 28.
    const v = view(0, 32, 4, [
      [0, 8, 1],
      [0, 8, 1],
      [8, 16, 2],
      [8, 16, 2],
      [8, 16, 2],
      [8, 16, 2],
      [24, 4, 3],
      [-1, 0, 0],
    ]);
    const segs = blockSegments(cellInfos(v), 16, v.addr);
    expect(segs).toEqual([
      {
        row: 0,
        col0: 0,
        col1: 8,
        blockStart: 0,
        blockSize: 8,
        openLeft: false,
        openRight: false,
        label: '8',
      },
      {
        row: 0,
        col0: 8,
        col1: 16,
        blockStart: 8,
        blockSize: 16,
        openLeft: false,
        openRight: true,
        label: '16',
      },
      {
        row: 1,
        col0: 0,
        col1: 8,
        blockStart: 8,
        blockSize: 16,
        openLeft: true,
        openRight: false,
        label: null,
      },
      {
        row: 1,
        col0: 8,
        col1: 12,
        blockStart: 24,
        blockSize: 4,
        openLeft: false,
        openRight: false,
        label: '4',
      },
    ]);
  });

  it('marks blocks that cross the window edges', () => {
    // Native cells (align 1): an 8-block at 1 seen through the window [4, 12).
    const units: [number, number, number][] = [];
    for (let a = 4; a < 12; a++) units.push(a <= 8 ? [1, 8, 3] : [a, 1, 4]);
    const v = view(4, 8, 1, units);
    const segs = blockSegments(cellInfos(v), 8, v.addr);
    expect(segs[0]).toEqual({
      row: 0,
      col0: 0,
      col1: 5,
      blockStart: 1,
      blockSize: 8,
      openLeft: true,
      openRight: false,
      label: '…8',
    });
    expect(segs.slice(1).map((s) => [s.col0, s.label])).toEqual([
      [5, '1'],
      [6, '1'],
      [7, '1'],
    ]);
    const tail = blockSegments(
      cellInfos(
        view(0, 4, 1, [
          [0, 1, 1],
          [1, 8, 2],
          [1, 8, 2],
          [1, 8, 2],
        ]),
      ),
      8,
      0,
    );
    expect(tail[1]).toMatchObject({ col0: 1, col1: 4, openRight: true, label: '8' });
  });
});
