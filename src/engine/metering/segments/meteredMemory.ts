// OpenVM v1.7.0 MemoryCtx (crates/vm/src/arch/execution_mode/metered/memory_ctx.rs): the metered estimate
// of the memory AIRs' heights. Pages of 2^PAGE_BITS Merkle leaves (CHUNK = 8 cells each); a page first
// touched in a segment adds, at the next lazy update (apply_height_updates, :318-363):
//   boundary  += 64 leaves          Poseidon2 += 2 * 64 + 2 * 86      Merkle += 2 * 86
//   AccessAdapterAir<N> for N in (align, CHUNK]: += (pages << (PAGE_BITS + 1)) << (3 - log N + 1)
// with 86 = (2^6 - 1) + (29 - 6) nodes (a page's subtree plus its path to the root). Register accesses
// (AS1) are not tracked per access; the register page is added at every segment start (:155-163).
// Access-size adapter estimates (update_adapter_heights, :218-258) are per access.
// Invariants: `pageBits` holds the pages of the current segment; `sinceCheckpoint` the pages touched (with
// repeats collapsed) since the last check; heights are plain numbers (OpenVM's u32 would wrap far beyond any run here).

export const PAGE_BITS = 6;
const CHUNK_BITS = 3;
const ADDRESS_HEIGHT = 29 - CHUNK_BITS; // pointer_max_bits - log2(CHUNK)
const MERKLE_HEIGHT = 3 + ADDRESS_HEIGHT; // addr_space_height + address_height
const NODES_PER_PAGE = (1 << PAGE_BITS) - 1 + (MERKLE_HEIGHT - PAGE_BITS);
const REGISTER_BYTES = 32 * 4;

export interface MemoryAirIds {
  boundaryId: number;
  merkleId: number;
  poseidon2Id: number;
  adapterOffset: number;
}

/** log2(min_block_size) per address space: 0 (immediates), 2 for AS1..3 (bytes), 0 for native spaces. */
export const MIN_BLOCK_SIZE_BITS = [0, 2, 2, 2, 0, 0, 0, 0, 0];

export class MeteredMemory {
  private readonly pageBits = new Uint32Array(1 << (MERKLE_HEIGHT - PAGE_BITS - 5));
  readonly addrSpaceAccessCount = new Float64Array(9);
  private sinceCheckpoint = new Uint32Array(4096);
  private sinceCheckpointLen = 0;
  /** Pages already in sinceCheckpoint (repeats change nothing where the list is read: initializeSegment). */
  private readonly windowBits = new Uint32Array(1 << (MERKLE_HEIGHT - PAGE_BITS - 5));

  constructor(private readonly ids: MemoryAirIds) {}

  /** update_adapter_heights_batch: `num` accesses of 2^sizeBits cells in `as`. */
  updateAdapterHeights(heights: Float64Array, as: number, sizeBits: number, num: number): void {
    const alignBits = MIN_BLOCK_SIZE_BITS[as];
    for (let bits = sizeBits; bits > alignBits; bits--)
      heights[this.ids.adapterOffset + bits - 1] += num * 2 ** (sizeBits - bits + 1);
  }

  /** update_boundary_merkle_heights (memory_ctx.rs:169-215). */
  updateBoundaryMerkle(as: number, ptr: number, size: number): void {
    if ((ptr & 7) + size <= 8) {
      // One chunk, one page (every RV32 access): page = label_to_index(as, ptr / 8) >> PAGE_BITS.
      this.touchPage(as, (as - 1) * 2 ** (ADDRESS_HEIGHT - PAGE_BITS) + (ptr >>> (CHUNK_BITS + PAGE_BITS)));
      return;
    }
    const numBlocks = (size + 7) >>> CHUNK_BITS;
    const startBlock = (as - 1) * 2 ** ADDRESS_HEIGHT + (ptr >>> CHUNK_BITS);
    const endBlock = startBlock + numBlocks;
    const startPage = Math.floor(startBlock / 64);
    const endPage = Math.floor((endBlock - 1) / 64) + 1;
    for (let page = startPage; page < endPage; page++) this.touchPage(as, page);
  }

  private touchPage(as: number, page: number): void {
    const w = page >>> 5;
    const mask = 1 << (page & 31);
    if ((this.windowBits[w] & mask) === 0) {
      this.windowBits[w] |= mask;
      if (this.sinceCheckpointLen === this.sinceCheckpoint.length) {
        const grown = new Uint32Array(this.sinceCheckpoint.length * 2);
        grown.set(this.sinceCheckpoint);
        this.sinceCheckpoint = grown;
      }
      this.sinceCheckpoint[this.sinceCheckpointLen++] = page;
    }
    if ((this.pageBits[w] & mask) === 0) {
      this.pageBits[w] |= mask;
      this.addrSpaceAccessCount[as]++;
    }
  }

  private insert(page: number): boolean {
    const w = page >>> 5;
    const mask = 1 << (page & 31);
    const was = this.pageBits[w] & mask;
    this.pageBits[w] |= mask;
    return was === 0;
  }

  /** add_register_merkle_heights (continuations are always on here). */
  addRegisterMerkleHeights(): void {
    this.updateBoundaryMerkle(1, 0, REGISTER_BYTES);
  }

  /** apply_height_updates (memory_ctx.rs:318-363). */
  applyHeightUpdates(heights: Float64Array, counts: ArrayLike<number>): void {
    let pages = 0;
    for (let i = 0; i < counts.length; i++) pages += counts[i];
    const leaves = pages * 2 ** PAGE_BITS;
    heights[this.ids.boundaryId] += leaves;
    heights[this.ids.poseidon2Id] += leaves * 2;
    heights[this.ids.poseidon2Id] += NODES_PER_PAGE * pages * 2;
    heights[this.ids.merkleId] += NODES_PER_PAGE * pages * 2;
    for (let as = 0; as < counts.length; as++) {
      if (counts[as] > 0)
        this.updateAdapterHeights(heights, as, CHUNK_BITS, counts[as] * 2 ** (PAGE_BITS + 1));
    }
  }

  /** lazy_update_boundary_heights: applies the pages counted since the last update. */
  lazyUpdate(heights: Float64Array): void {
    this.applyHeightUpdates(heights, this.addrSpaceAccessCount);
    this.addrSpaceAccessCount.fill(0);
  }

  /** initialize_segment (memory_ctx.rs:262-308): the new segment starts with the pages touched since the checkpoint. */
  initializeSegment(heights: Float64Array): void {
    this.pageBits.fill(0);
    heights[this.ids.boundaryId] = 0;
    heights[this.ids.merkleId] = 0;
    heights[this.ids.poseidon2Id] = 0;
    const counts = new Float64Array(9);
    for (let i = 0; i < this.sinceCheckpointLen; i++) {
      const page = this.sinceCheckpoint[i];
      if (this.insert(page)) counts[Math.floor((page * 64) / 2 ** ADDRESS_HEIGHT) + 1]++;
    }
    this.applyHeightUpdates(heights, counts);
    this.addRegisterMerkleHeights();
    this.lazyUpdate(heights);
  }

  /** update_checkpoint. */
  updateCheckpoint(): void {
    for (let i = 0; i < this.sinceCheckpointLen; i++) this.windowBits[this.sinceCheckpoint[i] >>> 5] = 0;
    this.sinceCheckpointLen = 0;
  }
}
