// The allocator panel's data at the current position. .alloc runs: orthotope 0.1.7's own stats
// (Allocator::stats, per-thread cache stats) and the fragmentation inspector's report. Guest runs with
// allocator interposition 'observe': the guest allocator's calls so far, its live blocks (pointer, size)
// and totals, derived from top-level calls only (a malloc inside realloc belongs to the realloc).
// Invariant: plain data (objects, arrays, typed arrays), computed on demand, never cached across seeks.

import type { Allocator } from '../../alloc/orthotope/allocator';
import { type FragmentationReport } from '../../alloc/views/fragmentation';
import { inspectAllocator } from '../../alloc/views/inspector';
import {
  allocatorStats,
  type AllocatorStats,
  threadCacheStats,
  type ThreadCacheStats,
} from '../../alloc/views/stats';
import { allocKind, LiveHeap } from '../../guest/alloc/allocCalls';
import type { GuestAllocCalls } from '../machines/guestAllocCalls';

export interface OrthotopeView {
  kind: 'orthotope';
  operations: number;
  stats: AllocatorStats;
  caches: ThreadCacheStats[];
  fragmentation: FragmentationReport;
}

export interface ObservedHeapView {
  kind: 'observed';
  /** Calls entered so far (all depths) and their function labels. */
  calls: number;
  labels: string[];
  allocations: number;
  frees: number;
  /** Calls still in progress at this position. */
  open: number;
  liveBytes: number;
  peakLiveBytes: number;
  bytesRequested: number;
  /** Live blocks, ascending by pointer. */
  livePointer: Uint32Array;
  liveSize: Float64Array;
}

export type AllocatorView = OrthotopeView | ObservedHeapView;

export function orthotopeView(allocator: Allocator): OrthotopeView {
  return {
    kind: 'orthotope',
    operations: allocator.state.opCount,
    stats: allocatorStats(allocator),
    caches: allocator.threads().map((t) => threadCacheStats(allocator, t)),
    fragmentation: inspectAllocator(allocator),
  };
}

export function observedHeapView(c: GuestAllocCalls): ObservedHeapView {
  const heap = new LiveHeap();
  let open = 0;
  for (let i = 0; i < c.count; i++) {
    const exit = c.exitOf(i);
    if (exit < 0) open++;
    if (c.depth[i] > 0) continue;
    heap.call(
      allocKind(c.labels[c.fn[i]]),
      { size: c.size[i], align: c.align[i], ptr: c.ptr[i] },
      exit < 0 ? null : c.result[exit],
    );
  }
  const { live, liveBytes, peakLiveBytes: peak, bytesRequested: requested } = heap;
  const pointers = [...live.keys()].sort((a, b) => a - b);
  return {
    kind: 'observed',
    calls: c.count,
    labels: c.labels.slice(),
    allocations: c.allocations,
    frees: c.frees,
    open,
    liveBytes,
    peakLiveBytes: peak,
    bytesRequested: requested,
    livePointer: Uint32Array.from(pointers),
    liveSize: Float64Array.from(pointers, (p) => live.get(p) as number),
  };
}
