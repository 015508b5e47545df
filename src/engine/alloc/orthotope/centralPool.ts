// Mirrors orthotope 0.1.7 `src/central_pool.rs` (`CentralPool`): one intrusive LIFO list per class and its
// length, nothing else (no slab tracking, no cap; the mutexes have no observable effect single-threaded).
// Invariants: `take_batch` detaches the first min(max, len) nodes keeping their order; `return_batch`
// splices a whole batch in front of the head keeping its order, so central is a LIFO of batches.
import { NIL, type ArenaMemory } from './arena/arenaMemory';
import { EMPTY_BATCH, detachPrefix, spliceBatch, type Batch } from './arena/freeList';
import { NUM_CLASSES, type ClassIndex } from './sizeClasses';

export class CentralPool {
  constructor(
    readonly heads: number[] = new Array<number>(NUM_CLASSES).fill(NIL),
    readonly lens: number[] = new Array<number>(NUM_CLASSES).fill(0),
  ) {}

  clone(): CentralPool {
    return new CentralPool(this.heads.slice(), this.lens.slice());
  }

  takeBatch(mem: ArenaMemory, cls: ClassIndex, max: number): Batch {
    const n = Math.min(max, this.lens[cls]);
    if (n === 0) return EMPTY_BATCH;
    const { batch, rest } = detachPrefix(mem, this.heads[cls], n);
    this.heads[cls] = rest;
    this.lens[cls] -= n;
    return batch;
  }

  returnBatch(mem: ArenaMemory, cls: ClassIndex, batch: Batch): void {
    this.heads[cls] = spliceBatch(mem, this.heads[cls], batch);
    this.lens[cls] += batch.len;
  }

  /** `block_counts()`: the list length per class. */
  blockCounts(): number[] {
    return this.lens.slice();
  }
}
