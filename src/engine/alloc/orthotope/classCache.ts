// Mirrors orthotope 0.1.7 `LocalClassCache` and `LocalSlab` (`src/thread_cache.rs`): one thread cache's
// state for one size class.
// Invariants:
// - slabs are this cache's own arena spans for the class, in creation (= ascending address) order; each has
//   `fresh` (next_fresh: index of the first never-handed-out block) and its own LIFO list of reclaimed blocks;
// - `available` is a stack of slab indexes holding each non-empty slab at most once and no empty slab;
// - `shared` is a LIFO of blocks that belong to none of this cache's slabs (from central, or carved by others);
// - totalLen = Σ fresh remaining + Σ slab lists + shared: untouched fresh capacity counts as cached.
// The recent-slab hint of the Rust code only speeds up the slab lookup; it is kept here for the same reason.
// Slabs are stored as parallel arrays (struct of arrays) so cloning a cache is a handful of slices.
import { NIL, type ArenaMemory } from './arena/arenaMemory';
import { EMPTY_BATCH, detachPrefix, popNode, pushNode, spliceBatch, type Batch } from './arena/freeList';

export class ClassCache {
  slabStart: number[] = [];
  slabCapacity: number[] = [];
  slabFresh: number[] = [];
  slabFreeHead: number[] = [];
  slabFreeLen: number[] = [];
  available: number[] = [];
  sharedHead = NIL;
  sharedLen = 0;
  totalLen = 0;
  private recent = -1;

  constructor(readonly blockSize: number) {}

  clone(): ClassCache {
    const c = new ClassCache(this.blockSize);
    c.slabStart = this.slabStart.slice();
    c.slabCapacity = this.slabCapacity.slice();
    c.slabFresh = this.slabFresh.slice();
    c.slabFreeHead = this.slabFreeHead.slice();
    c.slabFreeLen = this.slabFreeLen.slice();
    c.available = this.available.slice();
    c.sharedHead = this.sharedHead;
    c.sharedLen = this.sharedLen;
    c.totalLen = this.totalLen;
    return c;
  }

  get slabCount(): number {
    return this.slabStart.length;
  }

  private slabHasBlocks(s: number): boolean {
    return this.slabFresh[s] < this.slabCapacity[s] || this.slabFreeHead[s] !== NIL;
  }

  /** `push_owned_slab`: a freshly carved span becomes a new slab on top of the available stack. */
  pushOwnedSlab(start: number, capacity: number): void {
    const index = this.slabStart.length;
    this.slabStart.push(start);
    this.slabCapacity.push(capacity);
    this.slabFresh.push(0);
    this.slabFreeHead.push(NIL);
    this.slabFreeLen.push(0);
    this.available.push(index);
    this.recent = index;
    this.totalLen += capacity;
  }

  private slabContains(s: number, block: number): boolean {
    const start = this.slabStart[s];
    return (
      block >= start &&
      block < start + this.slabCapacity[s] * this.blockSize &&
      (block - start) % this.blockSize === 0
    );
  }

  /** `find_slab`: the slab containing `block` (binary search over ascending starts), or -1. */
  findSlab(block: number): number {
    if (this.recent >= 0 && this.slabContains(this.recent, block)) return this.recent;
    let lo = 0;
    let hi = this.slabStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.slabStart[mid] <= block) lo = mid + 1;
      else hi = mid;
    }
    const s = lo - 1;
    return s >= 0 && this.slabContains(s, block) ? s : -1;
  }

  /** `pop_block`: top slab's reclaimed blocks (LIFO), then its fresh blocks upwards; then shared. */
  pop(mem: ArenaMemory): number {
    const avail = this.available;
    while (avail.length > 0) {
      const s = avail[avail.length - 1];
      const block = this.slabTake(mem, s);
      if (block === NIL) {
        avail.pop();
        continue;
      }
      this.recent = s;
      this.totalLen--;
      if (!this.slabHasBlocks(s)) avail.pop();
      return block;
    }
    if (this.sharedHead === NIL) return NIL;
    const block = this.sharedHead;
    this.sharedHead = popNode(mem, block);
    this.sharedLen--;
    this.totalLen--;
    return block;
  }

  /** `push_block`: into the owning slab's list (re-opening the slab on top of the stack), else shared. */
  push(mem: ArenaMemory, block: number): void {
    const s = this.findSlab(block);
    if (s >= 0) {
      this.recent = s;
      const wasEmpty = !this.slabHasBlocks(s);
      this.slabFreeHead[s] = pushNode(mem, this.slabFreeHead[s], block);
      this.slabFreeLen[s]++;
      if (wasEmpty) this.available.push(s);
    } else {
      this.sharedHead = pushNode(mem, this.sharedHead, block);
      this.sharedLen++;
    }
    this.totalLen++;
  }

  /** `push_shared_batch`: a batch from central goes in front of shared, in its order. */
  pushSharedBatch(mem: ArenaMemory, batch: Batch): void {
    this.sharedHead = spliceBatch(mem, this.sharedHead, batch);
    this.sharedLen += batch.len;
    this.totalLen += batch.len;
  }

  /**
   * `pop_batch(max)` for a drain: up to `max` from the head of shared (possibly fewer) if shared is non-empty;
   * otherwise from the top available slab only, reclaimed blocks first then fresh ones, the batch being the
   * reverse of the take order.
   */
  popBatch(mem: ArenaMemory, max: number): Batch {
    if (max === 0) return EMPTY_BATCH;
    if (this.sharedLen !== 0) {
      const { batch, rest } = detachPrefix(mem, this.sharedHead, Math.min(max, this.sharedLen));
      this.sharedHead = rest;
      this.sharedLen -= batch.len;
      this.totalLen -= batch.len;
      return batch;
    }
    const avail = this.available;
    while (avail.length > 0) {
      const s = avail[avail.length - 1];
      if (!this.slabHasBlocks(s)) {
        avail.pop();
        continue;
      }
      const batch = this.slabPopBatch(mem, s, max);
      this.totalLen -= batch.len;
      if (!this.slabHasBlocks(s)) avail.pop();
      return batch;
    }
    return EMPTY_BATCH;
  }

  /** `LocalSlab::pop_block`: slab s's most recently reclaimed block, else its next fresh one; NIL when it has none. */
  private slabTake(mem: ArenaMemory, s: number): number {
    if (this.slabFreeHead[s] !== NIL) {
      const block = this.slabFreeHead[s];
      this.slabFreeHead[s] = popNode(mem, block);
      this.slabFreeLen[s]--;
      return block;
    }
    if (this.slabFresh[s] < this.slabCapacity[s])
      return this.slabStart[s] + this.slabFresh[s]++ * this.blockSize;
    return NIL;
  }

  /** `LocalSlab::pop_batch`: each taken block is pushed on a temporary list, which is then detached whole. */
  private slabPopBatch(mem: ArenaMemory, s: number, max: number): Batch {
    let head = NIL;
    let tail = NIL;
    let taken = 0;
    while (taken < max) {
      const block = this.slabTake(mem, s);
      if (block === NIL) break;
      head = pushNode(mem, head, block);
      if (tail === NIL) tail = block;
      taken++;
    }
    // `list.pop_batch(taken)` detaches everything and clears the tail's link (already NIL: same bytes).
    if (taken > 0) mem.writeLink(tail, NIL);
    return taken === 0 ? EMPTY_BATCH : { head, tail, len: taken };
  }

  /** Σ reclaimed blocks in this cache's slab lists. */
  reclaimedCount(): number {
    let n = 0;
    for (let s = 0; s < this.slabFreeLen.length; s++) n += this.slabFreeLen[s];
    return n;
  }

  /** Σ never-handed-out blocks left in this cache's slabs. */
  freshCount(): number {
    let n = 0;
    for (let s = 0; s < this.slabFresh.length; s++) n += this.slabCapacity[s] - this.slabFresh[s];
    return n;
  }
}
