// Gathers the census the fragmentation inspector needs from an allocator's state (orthotope 0.1.7 has no
// such view): per class and per cache the cached, fresh and central blocks; per slab its fill. Class and
// cache numbers are O(classes + slabs); the slab census walks every free list once (O(free blocks)), so
// the UI asks for it on demand, never per operation.
// Invariant checked by tests: per slab, live + fresh + reclaimed + freeElsewhere = capacity.
import type { Allocator } from '../orthotope/allocator';
import { NIL } from '../orthotope/arena/arenaMemory';
import { fragmentationReport, type ClassCensus, type FragmentationReport } from './fragmentation';
import { listNodes } from '../orthotope/arena/freeList';
import { CLASS_PAYLOADS, NUM_CLASSES } from '../orthotope/sizeClasses';

/** One cache's holdings for one class. */
export interface CacheClassCensus {
  readonly thread: number;
  readonly cls: number;
  /** total_len, as `ThreadCache::stats` reports it. */
  readonly blocks: number;
  readonly reclaimed: number;
  readonly shared: number;
  readonly fresh: number;
  readonly slabs: number;
}

/** One slab (an arena span carved by one cache for one class) and where its blocks are. */
export interface SlabCensus {
  readonly thread: number;
  readonly cls: number;
  readonly start: number;
  readonly blockSize: number;
  readonly capacity: number;
  /** Never handed out (and never drained). */
  readonly fresh: number;
  /** In this slab's own reclaimed list. */
  readonly reclaimed: number;
  /** Free, but in another list: some cache's shared list or the central pool. */
  readonly freeElsewhere: number;
  /** Handed out and not freed: capacity - fresh - reclaimed - freeElsewhere. */
  readonly live: number;
}

export function cacheCensus(allocator: Allocator): CacheClassCensus[] {
  const out: CacheClassCensus[] = [];
  for (const thread of allocator.threads()) {
    const cache = allocator.cache(thread);
    cache.classes.forEach((k, cls) => {
      out.push({
        thread,
        cls,
        blocks: k.totalLen,
        reclaimed: k.reclaimedCount(),
        shared: k.sharedLen,
        fresh: k.freshCount(),
        slabs: k.slabCount,
      });
    });
  }
  return out;
}

export function classCensus(allocator: Allocator): ClassCensus[] {
  const s = allocator.state;
  const k = s.counters;
  const caches = cacheCensus(allocator);
  return Array.from({ length: NUM_CLASSES }, (_, cls) => {
    let cachedReclaimed = 0;
    let cachedShared = 0;
    let cachedFresh = 0;
    for (const c of caches) {
      if (c.cls !== cls) continue;
      cachedReclaimed += c.reclaimed;
      cachedShared += c.shared;
      cachedFresh += c.fresh;
    }
    return {
      cls,
      payload: CLASS_PAYLOADS[cls],
      blockSize: allocator.table.blockSize[cls],
      carvedBlocks: k.carvedBlocks[cls],
      carvedSpans: k.carvedSpans[cls],
      liveBlocks: k.liveBlocks[cls],
      liveRequestedBytes: k.liveRequestedBytes[cls],
      cachedReclaimed,
      cachedShared,
      cachedFresh,
      centralBlocks: s.central.lens[cls],
      allocs: k.allocs[cls],
      frees: k.frees[cls],
      refills: k.refills[cls],
      refilledBlocks: k.refilledBlocks[cls],
      drains: k.drains[cls],
      drainedBlocks: k.drainedBlocks[cls],
    };
  });
}

/** The full fragmentation report (see fragmentation.ts for every metric's definition). */
export function inspectAllocator(allocator: Allocator): FragmentationReport {
  const s = allocator.state;
  const live = s.large.liveTotals();
  return fragmentationReport(
    classCensus(allocator),
    {
      capacity: s.arena.capacity,
      remaining: s.arena.remaining,
      carvedSmallBytes: s.arena.carvedSmallBytes,
      carvedLargeBytes: s.arena.carvedLargeBytes,
    },
    {
      liveBlocks: live.blocks,
      liveBlockBytes: live.blockBytes,
      liveRequestedBytes: live.requestedBytes,
      poolBlocks: s.large.freeBlocks,
      poolBytes: s.large.freeBytes,
      carvedBlocks: s.counters.largeCarved,
      reusedBlocks: s.counters.largeReused,
      leakedBlocks: s.counters.largeLeakedBlocks,
      leakedBytes: s.counters.largeLeakedBytes,
    },
  );
}

/** Every slab of every cache with its fill, in ascending address order per class. */
export function slabCensus(allocator: Allocator): SlabCensus[] {
  const s = allocator.state;
  const out: SlabCensus[] = [];
  for (let cls = 0; cls < NUM_CLASSES; cls++) {
    const slabs: Array<{
      thread: number;
      start: number;
      capacity: number;
      fresh: number;
      reclaimed: number;
      elsewhere: number;
    }> = [];
    for (const thread of allocator.threads()) {
      const k = allocator.cache(thread).classes[cls];
      for (let i = 0; i < k.slabCount; i++) {
        slabs.push({
          thread,
          start: k.slabStart[i],
          capacity: k.slabCapacity[i],
          fresh: k.slabCapacity[i] - k.slabFresh[i],
          reclaimed: k.slabFreeLen[i],
          elsewhere: 0,
        });
      }
    }
    slabs.sort((a, b) => a.start - b.start);
    const blockSize = allocator.table.blockSize[cls];
    const owner = (block: number) => {
      let lo = 0;
      let hi = slabs.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (slabs[mid].start <= block) lo = mid + 1;
        else hi = mid;
      }
      const slab = slabs[lo - 1];
      return slab !== undefined && block < slab.start + slab.capacity * blockSize ? slab : undefined;
    };
    const heads = [
      s.central.heads[cls],
      ...allocator.threads().map((t) => allocator.cache(t).classes[cls].sharedHead),
    ];
    for (const head of heads) {
      if (head === NIL) continue;
      for (const block of listNodes(s.memory, head)) {
        const slab = owner(block);
        if (slab !== undefined) slab.elsewhere++;
      }
    }
    for (const x of slabs) {
      out.push({
        thread: x.thread,
        cls,
        start: x.start,
        blockSize,
        capacity: x.capacity,
        fresh: x.fresh,
        reclaimed: x.reclaimed,
        freeElsewhere: x.elsewhere,
        live: x.capacity - x.fresh - x.reclaimed - x.elsewhere,
      });
    }
  }
  return out;
}
