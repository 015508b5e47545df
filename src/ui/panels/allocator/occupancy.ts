// The size-class occupancy chart's data: which rows to show and the stacked segments of each bar, as
// fractions of the bar's full length. Pure, so the chart's arithmetic is unit-tested. Two scales:
// 'share' (every bar is its class's carved blocks, so classes of very different block sizes compare),
// and 'bytes' (bar length is carved bytes on one scale shared by all classes).
import type { AllocatorClassView, AllocatorView } from '../../../engine/alloc/views/allocatorView';

export const SEGMENTS = ['live', 'reclaimed', 'shared', 'central', 'fresh'] as const;
export type SegmentKind = (typeof SEGMENTS)[number];
export type OccupancyScale = 'share' | 'bytes';

export const SEGMENT_LABELS: Record<SegmentKind, string> = {
  live: 'live',
  reclaimed: 'cached (reclaimed)',
  shared: 'cached (shared)',
  central: 'central',
  fresh: 'fresh',
};

export function segmentBlocks(c: AllocatorClassView): Record<SegmentKind, number> {
  return {
    live: c.live,
    reclaimed: c.cachedReclaimed,
    shared: c.cachedShared,
    central: c.central,
    fresh: c.fresh,
  };
}

/** Classes that ever carved a block, plus the class of the last error; every class when `all`. */
export function visibleClasses(view: AllocatorView, all: boolean): AllocatorClassView[] {
  if (all) return view.classes.slice();
  return view.classes.filter((c) => c.carvedBlocks > 0 || view.lastError?.cls === c.cls);
}

export interface Segment {
  readonly kind: SegmentKind;
  readonly blocks: number;
  /** [from, to) as fractions of the chart's full bar length. */
  readonly from: number;
  readonly to: number;
}

/** The stacked segments of one class (empty segments left out). `maxCarvedBytes` is for the bytes scale. */
export function stackSegments(
  c: AllocatorClassView,
  scale: OccupancyScale,
  maxCarvedBytes: number,
): Segment[] {
  const blocks = segmentBlocks(c);
  const total = c.carvedBlocks;
  if (total === 0) return [];
  const length = scale === 'share' ? 1 : maxCarvedBytes === 0 ? 0 : c.carvedBytes / maxCarvedBytes;
  const out: Segment[] = [];
  let at = 0;
  for (const kind of SEGMENTS) {
    const n = blocks[kind];
    if (n === 0) continue;
    const from = (at / total) * length;
    at += n;
    out.push({ kind, blocks: n, from, to: (at / total) * length });
  }
  return out;
}

/** Internal fragmentation of a class as a fraction of its live usable bytes (0 when nothing is live). */
export function internalFraction(c: AllocatorClassView): number {
  return c.usableBytes === 0 ? 0 : c.internalBytes / c.usableBytes;
}
