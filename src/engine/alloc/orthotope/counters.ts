// Running tallies the allocator keeps beside orthotope's own state, for the fragmentation inspector and
// the timeline: orthotope 0.1.7 has no such counters, and none of them changes what it does.
// Invariants: every field is updated in O(1) by the operation that changes it, so reading them never walks
// the heap; per-class arrays have NUM_CLASSES entries; clone() copies everything.
import { NUM_CLASSES } from './sizeClasses';

const perClass = () => new Array<number>(NUM_CLASSES).fill(0);

export class AllocCounters {
  /** Blocks carved from the arena into slabs, and the number of slabs (spans), per class. */
  carvedBlocks = perClass();
  carvedSpans = perClass();
  /** Small blocks currently handed out, and the sum of their header requested sizes, per class. */
  liveBlocks = perClass();
  liveRequestedBytes = perClass();
  /** Successful small allocations and frees, per class. */
  allocs = perClass();
  frees = perClass();
  /** Refills from central that moved at least one block (cache fills), and the blocks they moved. */
  refills = perClass();
  refilledBlocks = perClass();
  /** Drains to central (one batch each), and the blocks they moved. */
  drains = perClass();
  drainedBlocks = perClass();
  /** Large path: blocks carved from the arena, allocations served from the pool, successful frees. */
  largeCarved = 0;
  largeReused = 0;
  largeAllocs = 0;
  largeFrees = 0;
  /** Large blocks taken and then lost because the u32 header fields could not hold the sizes. */
  largeLeakedBlocks = 0;
  largeLeakedBytes = 0;
  /** Failed calls by error kind. */
  errors: Record<string, number> = {};

  clone(): AllocCounters {
    const c = new AllocCounters();
    c.carvedBlocks = this.carvedBlocks.slice();
    c.carvedSpans = this.carvedSpans.slice();
    c.liveBlocks = this.liveBlocks.slice();
    c.liveRequestedBytes = this.liveRequestedBytes.slice();
    c.allocs = this.allocs.slice();
    c.frees = this.frees.slice();
    c.refills = this.refills.slice();
    c.refilledBlocks = this.refilledBlocks.slice();
    c.drains = this.drains.slice();
    c.drainedBlocks = this.drainedBlocks.slice();
    c.largeCarved = this.largeCarved;
    c.largeReused = this.largeReused;
    c.largeAllocs = this.largeAllocs;
    c.largeFrees = this.largeFrees;
    c.largeLeakedBlocks = this.largeLeakedBlocks;
    c.largeLeakedBytes = this.largeLeakedBytes;
    c.errors = { ...this.errors };
    return c;
  }

  countError(kind: string): void {
    this.errors[kind] = (this.errors[kind] ?? 0) + 1;
  }
}
