// The recording's segment in the progress bar: the segment holding the state after `step` instructions, as
// the engine's SegmentCursor.segmentOfStep names it (a segment's end state belongs to it).
import { describe, expect, it } from 'vitest';
import { SegmentCursor } from '../../engine/timeline/machines/segmentCursor';
import { segmentOfStep } from './segmentOfStep';

describe('segmentOfStep', () => {
  it('agrees with SegmentCursor.segmentOfStep at and around every cut', () => {
    const bounds = [0, 873_000, 1_746_000, 2_000_000].map((instretStart, k, all) => ({
      instretStart,
      numInsns: (all[k + 1] ?? 2_100_000) - instretStart,
      endTimestamp: NaN,
    }));
    const cursor = new SegmentCursor(bounds);
    const starts = bounds.map((b) => ({ startStep: b.instretStart }));
    for (const b of bounds)
      for (const step of [b.instretStart - 1, b.instretStart, b.instretStart + 1, b.instretStart + 500])
        if (step >= 0) expect(segmentOfStep(starts, step), `step ${step}`).toBe(cursor.segmentOfStep(step));
    expect(segmentOfStep([{ startStep: 0 }], 10)).toBe(0);
  });
});
