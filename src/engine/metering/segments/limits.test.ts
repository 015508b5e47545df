// should_segment on constructed heights, and MeteredCtx's cut at the checkpoint (segment_ctx.rs semantics).
import { describe, expect, it } from 'vitest';
import { AirInventory } from '../airs/airs';
import {
  defaultLimits,
  nextPowerOfTwo,
  nextPowerOfTwoOrZero,
  type SegmentShape,
  shouldSegment,
} from './limits';
import { MeteredCtx } from './meteredCtx';

const shape = (n: number, widths = 10, interactions = 1, constant: number[] = []): SegmentShape => ({
  widths: new Array(n).fill(widths),
  interactions: new Array(n).fill(interactions),
  isConstant: Array.from({ length: n }, (_, i) => constant.includes(i)),
});

describe('shouldSegment', () => {
  const limits = { maxTraceHeight: 1024, maxCells: 100_000, maxInteractions: 50_000 };

  it('never cuts a segment with no instruction', () => {
    expect(shouldSegment(0, [1e9, 1e9], shape(2), limits)).toBeNull();
  });

  it('cuts when a padded height exceeds max_trace_height (padding decides: 1024 rows pass, 1025 do not)', () => {
    expect(shouldSegment(5, [1024, 3], shape(2), limits)).toBeNull();
    expect(shouldSegment(5, [3, 1025], shape(2), limits)).toEqual({ kind: 'height', air: 1, padded: 2048 });
  });

  it('a non-power-of-two limit (the report CI: 1,048,476) cuts at the first height above 2^19', () => {
    const l = { ...defaultLimits(), maxTraceHeight: 1_048_476 };
    expect(shouldSegment(1, [524_288], shape(1), l)).toBeNull();
    expect(shouldSegment(1, [524_289], shape(1), l)).toEqual({ kind: 'height', air: 0, padded: 1_048_576 });
  });

  it('ignores constant AIRs for the height limit but counts their cells and interactions', () => {
    expect(shouldSegment(1, [4096, 1], shape(2, 1, 1, [0]), limits)).toBeNull();
    expect(shouldSegment(1, [4096, 1], shape(2, 30, 1, [0]), limits)).toEqual({
      kind: 'cells',
      cells: 4096 * 30 + 30,
    });
  });

  it('cells are padded heights times total width; interactions are (height + 1) times interactions', () => {
    // 600 rows pad to 1024: 1024 * 100 = 102,400 > 100,000 cells.
    expect(shouldSegment(1, [600], shape(1, 100), limits)).toEqual({ kind: 'cells', cells: 102_400 });
    expect(shouldSegment(1, [512], shape(1, 100), limits)).toBeNull();
    // (999 + 1) * 50 = 50,000 is not above; (1000 + 1) * 50 is.
    expect(shouldSegment(1, [999], shape(1, 1, 50), limits)).toBeNull();
    expect(shouldSegment(1, [1000], shape(1, 1, 50), limits)).toEqual({
      kind: 'interactions',
      interactions: 50_050,
    });
  });

  it('an empty AIR still pads to 1 in the cell count (u32::next_power_of_two(0) = 1)', () => {
    expect(nextPowerOfTwo(0)).toBe(1);
    expect(nextPowerOfTwoOrZero(0)).toBe(0);
    expect(shouldSegment(1, [0], shape(1, 100_001), limits)).toEqual({ kind: 'cells', cells: 100_001 });
  });
});

describe('MeteredCtx', () => {
  const inv = new AirInventory();
  const alu = inv.id('base_alu');
  const make = () => new MeteredCtx(inv, { ...defaultLimits(), maxTraceHeight: 1024 }, 100, 500);

  it('starts with constant heights and the register page', () => {
    const ctx = make();
    expect(ctx.heights[inv.programId]).toBe(500);
    expect(ctx.heights[inv.id('connector')]).toBe(2);
    expect(ctx.heights[inv.id('var_range')]).toBe(262_144);
    // One page (64 leaves): boundary 64, Merkle 2 * 86, Poseidon2 2 * 64 + 2 * 86; AS1 align 4 -> AccessAdapterAir<8> 256.
    expect(ctx.heights[inv.boundaryId]).toBe(64);
    expect(ctx.heights[inv.merkleId]).toBe(172);
    expect(ctx.heights[inv.poseidon2Id]).toBe(300);
    expect(ctx.heights[inv.adapterId(8)]).toBe(256);
  });

  it('cuts at the previous checkpoint with its heights, and keeps the rows since the checkpoint', () => {
    const ctx = make();
    for (let k = 0; k < 10; k++) {
      ctx.addRows(alu, 100);
      expect(ctx.check()).toBeNull();
    }
    // 1000 rows so far; the next window makes 1100 -> padded 2048 > 1024: cut at instret 1000.
    ctx.addRows(alu, 100);
    const cut = ctx.check();
    expect(cut).not.toBeNull();
    expect([cut?.instretStart, cut?.numInsns]).toEqual([0, 1000]);
    expect(cut?.traceHeights[alu]).toBe(1000);
    expect(ctx.heights[alu]).toBe(100);
    // Memory AIRs are re-seeded: the register page again (no other page touched since the checkpoint).
    expect(ctx.heights[inv.boundaryId]).toBe(64);
    const last = ctx.terminate(37);
    expect([last.instretStart, last.numInsns]).toEqual([1000, 137]);
  });

  it('without a checkpoint in the segment, cuts at the current check', () => {
    const ctx = make();
    ctx.addRows(alu, 5000);
    const cut = ctx.check();
    expect([cut?.instretStart, cut?.numInsns]).toEqual([0, 100]);
    expect(ctx.heights[alu]).toBe(0);
  });

  it('pages touched since the checkpoint are counted again in the new segment (OpenVM re-applies them)', () => {
    const ctx = make();
    ctx.addRows(alu, 1000);
    expect(ctx.check()).toBeNull();
    ctx.onMemoryOperation(2, 0x1000, 4);
    ctx.addRows(alu, 100);
    const cut = ctx.check();
    expect(cut?.numInsns).toBe(100);
    // New segment: the AS2 page and the register page.
    expect(ctx.heights[inv.boundaryId]).toBe(128);
    // Adapters: the window's lazy update (256) survives the subtraction, then 256 per page again.
    expect(ctx.heights[inv.adapterId(8)]).toBe(256 + 2 * 256);
  });
});
