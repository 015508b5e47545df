// Mirrors orthotope 0.1.7 `src/stats.rs` with `Allocator::stats` and `ThreadCache::stats`: the numbers
// orthotope itself reports, with its definitions.
//   arenaCapacity           arena_size
//   arenaRemaining          arena_size - next (the bump cursor; freed memory never raises it)
//   smallCentral[c]         blocks = central list length, bytes = blocks * class block size
//   largeLiveAllocations    live large records
//   largeLiveBytes          Σ block sizes of live large records (a reused block counts its full size)
//   largeFreeBlocks/Bytes   count and Σ block sizes in the large reuse pool
//   cache.isBound           the cache has been used with the allocator (even by a failed call)
//   cache.local[c]          blocks = total_len (fresh slab capacity + slab lists + shared), bytes = blocks * block
import type { Allocator } from '../orthotope/allocator';
import { CLASS_NAMES, NUM_CLASSES } from '../orthotope/sizeClasses';

export interface SizeClassStats {
  readonly cls: number;
  readonly name: string;
  readonly blocks: number;
  readonly bytes: number;
}

export interface AllocatorStats {
  readonly arenaCapacity: number;
  readonly arenaRemaining: number;
  readonly smallCentral: readonly SizeClassStats[];
  readonly largeLiveAllocations: number;
  readonly largeLiveBytes: number;
  readonly largeFreeBlocks: number;
  readonly largeFreeBytes: number;
}

export interface ThreadCacheStats {
  readonly thread: number;
  readonly isBound: boolean;
  readonly local: readonly SizeClassStats[];
}

function classStats(blocks: readonly number[], blockSize: readonly number[]): SizeClassStats[] {
  return Array.from({ length: NUM_CLASSES }, (_, c) => ({
    cls: c,
    name: CLASS_NAMES[c],
    blocks: blocks[c],
    bytes: blocks[c] * blockSize[c],
  }));
}

/** `Allocator::stats()`. */
export function allocatorStats(allocator: Allocator): AllocatorStats {
  const s = allocator.state;
  const live = s.large.liveTotals();
  return {
    arenaCapacity: s.arena.capacity,
    arenaRemaining: s.arena.remaining,
    smallCentral: classStats(s.central.blockCounts(), allocator.table.blockSize),
    largeLiveAllocations: live.blocks,
    largeLiveBytes: live.blockBytes,
    largeFreeBlocks: s.large.freeBlocks,
    largeFreeBytes: s.large.freeBytes,
  };
}

/** `ThreadCache::stats()` for the cache of `thread` (an unknown thread reads as a new, unbound cache). */
export function threadCacheStats(allocator: Allocator, thread: number): ThreadCacheStats {
  const cache = allocator.state.caches.get(thread);
  return {
    thread,
    isBound: cache?.bound ?? false,
    local: classStats(
      cache?.classes.map((k) => k.totalLen) ?? new Array<number>(NUM_CLASSES).fill(0),
      allocator.table.blockSize,
    ),
  };
}

/** `total_small_central_blocks()` / `total_local_blocks()` and their byte twins. */
export function totals(stats: readonly SizeClassStats[]): { blocks: number; bytes: number } {
  let blocks = 0;
  let bytes = 0;
  for (const s of stats) {
    blocks += s.blocks;
    bytes += s.bytes;
  }
  return { blocks, bytes };
}
