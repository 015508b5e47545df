// Fragmentation metrics for the inspector: a pure kernel from a census of raw counts (gathered by
// inspector.ts from the allocator's state) to derived numbers. orthotope 0.1.7 reports none of these; they
// are defined here so the UI can say exactly what it shows. All byte counts are exact integers.
//
// Per class c (block = class block size under the config alignment, payload = class payload):
//   carvedBlocks        blocks ever carved from the arena into slabs for c (never decreases)
//   liveBlocks          blocks handed out and not yet freed
//   liveRequestedBytes  Σ header requested sizes of the live blocks
//   liveUsableBytes     liveBlocks * payload
//   internalBytes       liveUsableBytes - liveRequestedBytes: payload slack inside live blocks (internal fragmentation)
//   overheadBytes       liveBlocks * (block - payload): the 64-byte headers plus alignment padding of live blocks
//   cachedReclaimed     blocks freed back into their owning slab's list, summed over caches
//   cachedShared        blocks in caches' shared lists (from central, or carved by another cache)
//   cachedFresh         never-handed-out slab capacity still in caches (orthotope counts it as cached)
//   centralBlocks       blocks in the central pool's list for c
//   idleBlocks          cachedReclaimed + cachedShared + cachedFresh + centralBlocks: carved, not live
//   idleBytes           idleBlocks * block: arena bytes held by c but not in use
//   utilization         liveRequestedBytes / (carvedBlocks * block), 0 when nothing is carved
//   unaccountedBlocks   carvedBlocks - liveBlocks - idleBlocks; always 0 (every block is in exactly one place)
// Arena: carvedBytes = small spans + large blocks = capacity - remaining.
// Large: slackBytes = Σ(live block - 64 - requested); wasteBytes = slackBytes + pool bytes (reusable only by
//   large requests) + leaked bytes (blocks lost to the u32 header limit).
import { CLASS_NAMES, NUM_CLASSES } from '../orthotope/sizeClasses';

/** Operation counters of one size class (allocations, frees, cache refills and drains, in blocks too). */
export interface ClassOpCounters {
  readonly allocs: number;
  readonly frees: number;
  readonly refills: number;
  readonly refilledBlocks: number;
  readonly drains: number;
  readonly drainedBlocks: number;
}

export interface ClassCensus extends ClassOpCounters {
  readonly cls: number;
  readonly payload: number;
  readonly blockSize: number;
  readonly carvedBlocks: number;
  readonly carvedSpans: number;
  readonly liveBlocks: number;
  readonly liveRequestedBytes: number;
  readonly cachedReclaimed: number;
  readonly cachedShared: number;
  readonly cachedFresh: number;
  readonly centralBlocks: number;
}

export interface ArenaCensus {
  readonly capacity: number;
  readonly remaining: number;
  readonly carvedSmallBytes: number;
  readonly carvedLargeBytes: number;
}

export interface LargeCensus {
  readonly liveBlocks: number;
  readonly liveBlockBytes: number;
  readonly liveRequestedBytes: number;
  readonly poolBlocks: number;
  readonly poolBytes: number;
  readonly carvedBlocks: number;
  readonly reusedBlocks: number;
  readonly leakedBlocks: number;
  readonly leakedBytes: number;
}

export interface ClassFragmentation extends ClassCensus {
  readonly name: string;
  readonly liveUsableBytes: number;
  readonly internalBytes: number;
  readonly overheadBytes: number;
  readonly idleBlocks: number;
  readonly idleBytes: number;
  readonly utilization: number;
  readonly unaccountedBlocks: number;
}

export interface FragmentationReport {
  readonly classes: readonly ClassFragmentation[];
  readonly arena: ArenaCensus & { readonly carvedBytes: number; readonly carvedFraction: number };
  readonly large: LargeCensus & { readonly slackBytes: number; readonly wasteBytes: number };
  readonly totals: {
    readonly liveRequestedBytes: number;
    readonly internalBytes: number;
    readonly idleSmallBytes: number;
    /** liveRequested (small + large) / carved arena bytes: how much of the carved arena holds user data. */
    readonly arenaUtilization: number;
  };
}

export function classFragmentation(c: ClassCensus): ClassFragmentation {
  const liveUsableBytes = c.liveBlocks * c.payload;
  const idleBlocks = c.cachedReclaimed + c.cachedShared + c.cachedFresh + c.centralBlocks;
  const carvedBytes = c.carvedBlocks * c.blockSize;
  return {
    ...c,
    name: CLASS_NAMES[c.cls],
    liveUsableBytes,
    internalBytes: liveUsableBytes - c.liveRequestedBytes,
    overheadBytes: c.liveBlocks * (c.blockSize - c.payload),
    idleBlocks,
    idleBytes: idleBlocks * c.blockSize,
    utilization: carvedBytes === 0 ? 0 : c.liveRequestedBytes / carvedBytes,
    unaccountedBlocks: c.carvedBlocks - c.liveBlocks - idleBlocks,
  };
}

export function fragmentationReport(
  classes: readonly ClassCensus[],
  arena: ArenaCensus,
  large: LargeCensus,
): FragmentationReport {
  if (classes.length !== NUM_CLASSES)
    throw new RangeError(`expected ${NUM_CLASSES} classes, got ${classes.length}`);
  const perClass = classes.map(classFragmentation);
  const slackBytes = large.liveBlockBytes - 64 * large.liveBlocks - large.liveRequestedBytes;
  const carvedBytes = arena.carvedSmallBytes + arena.carvedLargeBytes;
  let liveRequestedBytes = large.liveRequestedBytes;
  let internalBytes = 0;
  let idleSmallBytes = 0;
  for (const c of perClass) {
    liveRequestedBytes += c.liveRequestedBytes;
    internalBytes += c.internalBytes;
    idleSmallBytes += c.idleBytes;
  }
  return {
    classes: perClass,
    arena: { ...arena, carvedBytes, carvedFraction: arena.capacity === 0 ? 0 : carvedBytes / arena.capacity },
    large: { ...large, slackBytes, wasteBytes: slackBytes + large.poolBytes + large.leakedBytes },
    totals: {
      liveRequestedBytes,
      internalBytes,
      idleSmallBytes,
      arenaUtilization: carvedBytes === 0 ? 0 : liveRequestedBytes / carvedBytes,
    },
  };
}
