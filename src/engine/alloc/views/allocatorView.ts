// The allocator panel's view of one orthotope 0.1.7 allocator state: plain, structured-clone-safe data
// (numbers, strings, arrays, typed arrays) so the worker can post it as is. It gathers what the other
// modules define: the fragmentation census (fragmentation.ts / inspector.ts, with every metric's
// definition), orthotope's own stats (stats.ts, the numbers the CLI's `stats` block prints), the arena
// layout (arenaLayout.ts, capped and bucketed) and the last error with its cause (errorView.ts).
// Cost: O(classes × caches + slabs + large blocks + map buckets); the per-slab census walks every free
// list, so it is only gathered on request (`slabs: true`).
// Invariant (tested): per class, live + cachedReclaimed + cachedShared + central + fresh = carvedBlocks.
import type { ClassOpCounters } from './fragmentation';
import type { Allocator } from '../orthotope/allocator';
import { arenaLayout, type ArenaLayout, type ArenaLayoutOptions } from './arenaLayout';
import type { AllocatorConfig } from '../orthotope/config';
import type { AllocatorError } from '../orthotope/errors';
import { errorClass, errorView, lastErrorFromEvents, type AllocatorErrorView } from './errorView';
import type { AllocEventLog } from '../orthotope/events';
import { cacheCensus, inspectAllocator, slabCensus, type SlabCensus } from './inspector';
import { NUM_CLASSES } from '../orthotope/sizeClasses';
import { allocatorStats, threadCacheStats, type AllocatorStats, type ThreadCacheStats } from './stats';

/** One size class (block counts, then bytes; see fragmentation.ts for the definitions). */
export interface AllocatorClassView extends ClassOpCounters {
  readonly cls: number;
  readonly name: string;
  readonly payload: number;
  readonly blockSize: number;
  readonly refillCount: number;
  readonly localLimit: number;
  readonly drainCount: number;
  /** Blocks handed out and not freed. */
  readonly live: number;
  /** Free blocks back in their owning slab's list, over all caches. */
  readonly cachedReclaimed: number;
  /** Free blocks in caches' shared lists (refilled from central, or carved by another cache). */
  readonly cachedShared: number;
  /** Free blocks in the central pool. */
  readonly central: number;
  /** Never-handed-out slab capacity (orthotope counts it as cached). */
  readonly fresh: number;
  readonly carvedBlocks: number;
  readonly carvedSpans: number;
  readonly carvedBytes: number;
  /** Σ requested sizes of the live blocks. */
  readonly requestedBytes: number;
  /** live × payload. */
  readonly usableBytes: number;
  /** usable - requested: internal fragmentation. */
  readonly internalBytes: number;
  /** live × (block - payload): headers and alignment padding. */
  readonly overheadBytes: number;
  /** Carved but not live (reclaimed + shared + central + fresh) × block. */
  readonly idleBytes: number;
  /** requested / carved bytes (0 when nothing is carved). */
  readonly utilization: number;
}

/** One thread cache; per-class arrays have NUM_CLASSES entries (index = class). */
export interface ThreadCacheView {
  readonly thread: number;
  readonly bound: boolean;
  /** Σ total_len over classes, and in bytes (what `stats.cache_total` prints). */
  readonly blocks: number;
  readonly bytes: number;
  readonly perClass: {
    readonly blocks: readonly number[];
    readonly reclaimed: readonly number[];
    readonly shared: readonly number[];
    readonly fresh: readonly number[];
    readonly slabs: readonly number[];
  };
}

export interface AllocatorView {
  readonly config: AllocatorConfig;
  /** Allocator calls so far (allocate and free calls, failed ones included). */
  readonly opCount: number;
  readonly classes: readonly AllocatorClassView[];
  readonly threads: readonly ThreadCacheView[];
  /** Every slab with its fill, when asked for (`slabs: true`); null otherwise. */
  readonly slabs: readonly SlabCensus[] | null;
  readonly arena: ArenaLayout & {
    readonly capacity: number;
    /** The bump cursor: every byte below it is carved. */
    readonly cursor: number;
    readonly remaining: number;
    readonly carvedBytes: number;
    readonly carvedSmallBytes: number;
    readonly carvedLargeBytes: number;
    readonly carvedFraction: number;
  };
  readonly large: {
    readonly liveBlocks: number;
    readonly liveBlockBytes: number;
    readonly liveRequestedBytes: number;
    /** Σ (block - 64 - requested) over live large blocks. */
    readonly slackBytes: number;
    readonly poolBlocks: number;
    readonly poolBytes: number;
    /** The reuse pool by block size (ascending), at most `maxSpans` sizes. */
    readonly pool: ReadonlyArray<{ readonly blockSize: number; readonly blocks: number }>;
    readonly leakedBlocks: number;
    readonly leakedBytes: number;
    /** slack + pool + leaked. */
    readonly wasteBytes: number;
    readonly carvedBlocks: number;
    readonly reusedBlocks: number;
    readonly allocs: number;
    readonly frees: number;
  };
  readonly totals: {
    /** Live requested bytes, small and large. */
    readonly liveRequestedBytes: number;
    /** Σ class internal fragmentation (small classes). */
    readonly internalBytes: number;
    readonly idleSmallBytes: number;
    /** live requested / carved bytes. */
    readonly arenaUtilization: number;
    readonly refills: number;
    readonly refilledBlocks: number;
    readonly drains: number;
    readonly drainedBlocks: number;
    readonly errors: number;
  };
  /** Failed calls by error kind. */
  readonly errorsByKind: Readonly<Record<string, number>>;
  /** orthotope's own `Allocator::stats()` and `ThreadCache::stats()` (the CLI's stats block). */
  readonly orthotope: { readonly stats: AllocatorStats; readonly caches: readonly ThreadCacheStats[] };
  readonly lastError: AllocatorErrorView | null;
}

export interface AllocatorViewOptions extends ArenaLayoutOptions {
  /** Gather the per-slab census (walks every free list). Default false. */
  readonly slabs?: boolean;
  /**
   * The newest error value the caller got back from the allocator (null: none). When left out, the
   * newest ERROR row of `events` is decoded instead.
   */
  readonly lastError?: AllocatorError | null;
  /** The event log to search for the last error (default: the allocator's own). */
  readonly events?: AllocEventLog | null;
}

export function allocatorView(allocator: Allocator, options: AllocatorViewOptions = {}): AllocatorView {
  const s = allocator.state;
  const k = s.counters;
  const t = allocator.table;
  const report = inspectAllocator(allocator);
  const classes: AllocatorClassView[] = report.classes.map((c) => ({
    cls: c.cls,
    name: c.name,
    payload: c.payload,
    blockSize: c.blockSize,
    refillCount: t.refillCount[c.cls],
    localLimit: t.localLimit[c.cls],
    drainCount: t.drainCount[c.cls],
    live: c.liveBlocks,
    cachedReclaimed: c.cachedReclaimed,
    cachedShared: c.cachedShared,
    central: c.centralBlocks,
    fresh: c.cachedFresh,
    carvedBlocks: c.carvedBlocks,
    carvedSpans: c.carvedSpans,
    carvedBytes: c.carvedBlocks * c.blockSize,
    requestedBytes: c.liveRequestedBytes,
    usableBytes: c.liveUsableBytes,
    internalBytes: c.internalBytes,
    overheadBytes: c.overheadBytes,
    idleBytes: c.idleBytes,
    utilization: c.utilization,
    allocs: c.allocs,
    frees: c.frees,
    refills: c.refills,
    refilledBlocks: c.refilledBlocks,
    drains: c.drains,
    drainedBlocks: c.drainedBlocks,
  }));
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const errors = { ...k.errors };
  const maxSpans = options.maxSpans ?? 256;
  const pool = s.large
    .poolBuckets()
    .slice(0, maxSpans)
    .map(([blockSize, starts]) => ({ blockSize, blocks: starts.length }));
  return {
    config: { ...allocator.config },
    opCount: s.opCount,
    classes,
    threads: threadViews(allocator),
    slabs: options.slabs === true ? slabCensus(allocator) : null,
    arena: {
      ...arenaLayout(allocator, options),
      capacity: report.arena.capacity,
      cursor: s.arena.cursor,
      remaining: report.arena.remaining,
      carvedBytes: report.arena.carvedBytes,
      carvedSmallBytes: report.arena.carvedSmallBytes,
      carvedLargeBytes: report.arena.carvedLargeBytes,
      carvedFraction: report.arena.carvedFraction,
    },
    large: {
      liveBlocks: report.large.liveBlocks,
      liveBlockBytes: report.large.liveBlockBytes,
      liveRequestedBytes: report.large.liveRequestedBytes,
      slackBytes: report.large.slackBytes,
      poolBlocks: report.large.poolBlocks,
      poolBytes: report.large.poolBytes,
      pool,
      leakedBlocks: report.large.leakedBlocks,
      leakedBytes: report.large.leakedBytes,
      wasteBytes: report.large.wasteBytes,
      carvedBlocks: report.large.carvedBlocks,
      reusedBlocks: report.large.reusedBlocks,
      allocs: k.largeAllocs,
      frees: k.largeFrees,
    },
    totals: {
      ...report.totals,
      refills: sum(k.refills),
      refilledBlocks: sum(k.refilledBlocks),
      drains: sum(k.drains),
      drainedBlocks: sum(k.drainedBlocks),
      errors: sum(Object.values(errors)),
    },
    errorsByKind: errors,
    orthotope: {
      stats: allocatorStats(allocator),
      caches: allocator.threads().map((thread) => threadCacheStats(allocator, thread)),
    },
    lastError: lastError(allocator, options),
  };
}

function threadViews(allocator: Allocator): ThreadCacheView[] {
  const census = cacheCensus(allocator);
  return allocator.threads().map((thread) => {
    const rows = census.filter((c) => c.thread === thread);
    const column = (pick: (c: (typeof rows)[number]) => number) => {
      const out = new Array<number>(NUM_CLASSES).fill(0);
      for (const c of rows) out[c.cls] = pick(c);
      return out;
    };
    const blocks = column((c) => c.blocks);
    let bytes = 0;
    for (let cls = 0; cls < NUM_CLASSES; cls++) bytes += blocks[cls] * allocator.table.blockSize[cls];
    return {
      thread,
      bound: allocator.state.caches.get(thread)?.bound ?? false,
      blocks: blocks.reduce((a, b) => a + b, 0),
      bytes,
      perClass: {
        blocks,
        reclaimed: column((c) => c.reclaimed),
        shared: column((c) => c.shared),
        fresh: column((c) => c.fresh),
        slabs: column((c) => c.slabs),
      },
    };
  });
}

function lastError(allocator: Allocator, options: AllocatorViewOptions): AllocatorErrorView | null {
  if (options.lastError !== undefined) {
    const e = options.lastError;
    return e === null ? null : errorView(e, errorClass(allocator, e), 'value');
  }
  const events = options.events === undefined ? allocator.events : options.events;
  return events === null ? null : lastErrorFromEvents(allocator, events);
}
