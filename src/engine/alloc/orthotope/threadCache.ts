// Mirrors orthotope 0.1.7 `ThreadCache` (`src/thread_cache.rs`): a caller-owned cache with one
// `ClassCache` per size class, plus the refill-from-central and drain-to-central steps it performs.
// Invariants: a cache is bound on its first allocate/deallocate call (even one that fails with ZeroSize or
// CorruptHeader); caches live inside one model allocator, so the cross-allocator rebind panic of the Rust
// code cannot arise; allocation never drains and a free drains at most one batch.
import type { ArenaMemory } from './arena/arenaMemory';
import type { CentralPool } from './centralPool';
import { ClassCache } from './classCache';
import type { ClassTable } from './config';
import { NUM_CLASSES, type ClassIndex } from './sizeClasses';

export class ThreadCache {
  bound = false;

  constructor(
    readonly thread: number,
    readonly classes: ClassCache[],
  ) {}

  static create(thread: number, table: ClassTable): ThreadCache {
    return new ThreadCache(
      thread,
      Array.from({ length: NUM_CLASSES }, (_, c) => new ClassCache(table.blockSize[c])),
    );
  }

  clone(): ThreadCache {
    const c = new ThreadCache(
      this.thread,
      this.classes.map((k) => k.clone()),
    );
    c.bound = this.bound;
    return c;
  }

  /** `refill_from_central`: up to refill_count blocks from central's head, prepended to shared; the number moved. */
  refillFromCentral(mem: ArenaMemory, central: CentralPool, cls: ClassIndex, refillCount: number): number {
    const batch = central.takeBatch(mem, cls, refillCount);
    this.classes[cls].pushSharedBatch(mem, batch);
    return batch.len;
  }

  /** `drain_excess_to_central`: if over the local limit, one batch of up to drain_count goes to central. */
  drainExcess(
    mem: ArenaMemory,
    central: CentralPool,
    cls: ClassIndex,
    localLimit: number,
    drainCount: number,
  ): number {
    const k = this.classes[cls];
    if (k.totalLen <= localLimit) return 0;
    const batch = k.popBatch(mem, drainCount);
    central.returnBatch(mem, cls, batch);
    return batch.len;
  }

  /** Σ totalLen over classes (`total_local_blocks`). */
  totalBlocks(): number {
    let n = 0;
    for (const k of this.classes) n += k.totalLen;
    return n;
  }
}
