// The allocator panel's metrics over time: one small sample per step, from the O(1) counters the allocator
// keeps (counters.ts) plus the live large registry, so the timeline can take one per operation without
// walking the heap. Same definitions as fragmentation.ts.
import type { Allocator } from '../orthotope/allocator';
import { CLASS_PAYLOADS, NUM_CLASSES } from '../orthotope/sizeClasses';

/** One sample of the panel's metrics-over-time chart: O(classes), no heap walk, safe to take per step. */
export interface AllocatorMetrics {
  /** Live requested bytes, small and large. */
  readonly liveBytes: number;
  /** Arena bytes below the bump cursor. */
  readonly carvedBytes: number;
  /** Small classes' internal fragmentation (live usable - live requested) plus large blocks' slack. */
  readonly internalFragBytes: number;
}

export function allocatorMetrics(allocator: Allocator): AllocatorMetrics {
  const s = allocator.state;
  const k = s.counters;
  const large = s.large.liveTotals();
  let live = large.requestedBytes;
  let internal = large.slackBytes;
  for (let cls = 0; cls < NUM_CLASSES; cls++) {
    live += k.liveRequestedBytes[cls];
    internal += k.liveBlocks[cls] * CLASS_PAYLOADS[cls] - k.liveRequestedBytes[cls];
  }
  return {
    liveBytes: live,
    carvedBytes: s.arena.carvedSmallBytes + s.arena.carvedLargeBytes,
    internalFragBytes: internal,
  };
}
