// What every number of the allocator panel means, in one place, so tooltips and the legend agree with
// the engine's definitions (src/engine/alloc/views/fragmentation.ts and stats.ts).

export const EXPLAIN = {
  live: 'Live: blocks handed out by allocate and not freed yet.',
  reclaimed:
    'Cached, reclaimed: freed blocks back in the free list of the slab they were carved in (the owning thread cache reuses them first).',
  shared:
    "Cached, shared: free blocks in a thread cache's shared list — refilled from the central pool, or freed by a thread that does not own their slab.",
  central:
    'Central: free blocks in the central pool, drained there by a thread cache that held more than its local limit; any cache can refill from it.',
  fresh:
    'Fresh: slab capacity carved from the arena but never handed out yet (orthotope counts it as cached).',
  carved:
    'Carved: blocks carved from the arena into slabs for this class (never decreases: the arena is a bump allocator).',
  internal:
    'Internal fragmentation: payload bytes of live blocks that the requests do not use (live × payload − Σ requested sizes).',
  requested: 'Requested: the sum of the sizes asked for by the live allocations of this class.',
  usable: 'Usable: live blocks × the class payload.',
  overhead: 'Overhead: the 64-byte header (plus alignment padding) in front of every live block.',
  idle: 'Idle: carved but not live (reclaimed + shared + central + fresh) × block size.',
  utilization: 'Utilization: requested bytes / carved bytes of the class.',
  refills:
    'Refills: times a thread cache found a class empty and took a batch from the central pool (blocks moved in brackets).',
  drains:
    'Drains: times a free pushed a cache over its local limit and a batch went to the central pool (blocks moved in brackets).',
  capacity: 'Arena capacity: the size of the one arena mapped at start (arena_size).',
  carvedBytes:
    'Carved: arena bytes below the bump cursor — small-class slabs plus large blocks. Freeing never lowers it.',
  remaining: 'Remaining: arena_size − cursor, what can still be carved (stats.arena remaining).',
  liveBytes: 'Live requested bytes: the sum of the sizes of all live allocations, small and large.',
  idleSmall: 'Idle small bytes: carved for small classes but not live (in caches, central or fresh).',
  utilizationTotal: 'Arena utilization: live requested bytes / carved arena bytes.',
  largeLive:
    'Large live: blocks of requests above 16 MiB that are allocated (stats.large live_allocations, live_bytes counts whole blocks).',
  largePool:
    'Large pool: freed large blocks kept for reuse by later large requests (best fit, never split, never returned to the arena).',
  largeSlack: 'Large slack: block − 64-byte header − requested, summed over live large blocks.',
  largeLeaked:
    'Leaked: large blocks taken from the arena and lost because their sizes did not fit the u32 header fields.',
  largeWaste: 'Large waste: slack + pool bytes + leaked bytes.',
  errors:
    'Errors: failed allocator calls (each returns an error value and changes nothing but the cache binding).',
  ops: 'Operations: allocate and free calls so far, failed ones included.',
  cacheBlocks:
    'Blocks a thread cache holds for the class (ThreadCache::stats total_len: reclaimed + shared + fresh).',
  bound: 'Bound: the cache has been used with the allocator (even by a failed call).',
} as const;

export type Metric = keyof typeof EXPLAIN;
