// Mirrors orthotope 0.1.7 `src/large_object.rs` (`LargeObjectAllocator`): the reuse pool for freed large
// blocks (a BTreeMap from block size to a Vec used as a stack) and the live registry (a HashMap from user
// pointer to its record).
// Invariants: lookup is best fit (the smallest stored size >= the needed block size), LIFO within one size;
// no splitting and no coalescing; a reused block keeps its full size and returns to its own bucket; freed
// large blocks never go back to the arena or to small classes. `sizes` is the sorted key list of `pool`.
import { HEADER_SIZE } from './sizeClasses';

/** Live-registry entry (`LargeAllocationRecord`). Records are never mutated, so clones can share them. */
export interface LargeRecord {
  readonly blockStart: number;
  readonly blockSize: number;
  readonly requested: number;
  readonly usable: number;
}

export class LargePath {
  constructor(
    private readonly pool: Map<number, number[]> = new Map(),
    private readonly sizes: number[] = [],
    readonly live: Map<number, LargeRecord> = new Map(),
    public freeBlocks = 0,
    public freeBytes = 0,
  ) {}

  clone(): LargePath {
    const pool = new Map<number, number[]>();
    for (const [size, starts] of this.pool) pool.set(size, starts.slice());
    return new LargePath(pool, this.sizes.slice(), new Map(this.live), this.freeBlocks, this.freeBytes);
  }

  private lowerBound(size: number): number {
    let lo = 0;
    let hi = this.sizes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sizes[mid] < size) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** `take_best_fit_block`: the most recently freed block of the smallest size >= `minimum`, or null. */
  takeBestFit(minimum: number): { blockStart: number; blockSize: number } | null {
    const i = this.lowerBound(minimum);
    if (i === this.sizes.length) return null;
    const size = this.sizes[i];
    const bucket = this.pool.get(size) as number[];
    const blockStart = bucket.pop() as number;
    if (bucket.length === 0) {
      this.pool.delete(size);
      this.sizes.splice(i, 1);
    }
    this.freeBlocks--;
    this.freeBytes -= size;
    return { blockStart, blockSize: size };
  }

  /** `insert_free_block`: pushes onto the stack of its exact size. */
  insertFree(blockStart: number, blockSize: number): void {
    let bucket = this.pool.get(blockSize);
    if (bucket === undefined) {
      bucket = [];
      this.pool.set(blockSize, bucket);
      this.sizes.splice(this.lowerBound(blockSize), 0, blockSize);
    }
    bucket.push(blockStart);
    this.freeBlocks++;
    this.freeBytes += blockSize;
  }

  /** `record_live_allocation` (registering a pointer twice would panic in Rust; the allocator never does). */
  recordLive(userPtr: number, record: LargeRecord): void {
    this.live.set(userPtr, record);
  }

  /**
   * `validate_and_release_live_allocation`: 'unknown' when no record (AlreadyFreedOrUnknownLarge),
   * 'mismatch' when the header's sizes disagree with the record (CorruptHeader; the record stays live).
   */
  release(userPtr: number, requested: number, usable: number): LargeRecord | 'unknown' | 'mismatch' {
    const record = this.live.get(userPtr);
    if (record === undefined) return 'unknown';
    if (record.requested !== requested || record.usable !== usable) return 'mismatch';
    this.live.delete(userPtr);
    this.insertFree(record.blockStart, record.blockSize);
    return record;
  }

  /** Pool contents as [block size, block starts bottom..top] in ascending size order (inspection). */
  poolBuckets(): Array<[number, readonly number[]]> {
    return this.sizes.map((size) => [size, (this.pool.get(size) as number[]).slice()]);
  }

  /** Σ live block sizes (`large_live_bytes`), Σ requested, and the slack block - 64 - requested. */
  liveTotals(): { blocks: number; blockBytes: number; requestedBytes: number; slackBytes: number } {
    let blockBytes = 0;
    let requestedBytes = 0;
    for (const r of this.live.values()) {
      blockBytes += r.blockSize;
      requestedBytes += r.requested;
    }
    return {
      blocks: this.live.size,
      blockBytes,
      requestedBytes,
      slackBytes: blockBytes - HEADER_SIZE * this.live.size - requestedBytes,
    };
  }
}
