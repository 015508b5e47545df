// OpenVM v1.7 TracingMemory (crates/vm/src/system/memory/online.rs), bit for bit: read/write with
// prev_access_time = calculate_splits_and_merges + split_by_meta + handle_uninitialized_memory +
// set_meta_block, the access-adapter records in OpenVM's append order, increment_timestamp(_by) and
// finalize (finalize.ts).
// Invariants kept: every touched ALIGN unit belongs to exactly one block (start entry: timestamp + size
// code, offset 0; other entries: offset k back to the start); blocks are powers of two <= 32 cells and only
// ALIGN-aligned; the timestamp starts at 1 (0 is the initial image) and stays < 2^29.
// Time travel: pages are copy-on-write (spaceStore.ts) and memorySnapshot.ts captures/restores the whole
// state; the hot path writes metadata only through the writable page twins, so a checkpoint is never
// written through.

import { EngineError } from '../errors';
import { blockSizeCode, LOG_BLOCK_SIZE_SHIFT, metadataBlockSize, TIMESTAMP_MASK } from './accessMetadata';
import { type MemoryConfig, MAX_TIMESTAMP } from './config';
import { finalizeMemory, type TouchedMemory } from './finalize';
import { RecordLog } from './recordLog';
import { PAGE_BITS, PAGE_MASK, SpaceStore } from './spaceStore';

/** OpenVM's INITIAL_TIMESTAMP: the time of the initial memory image. */
export const INITIAL_TIMESTAMP = 0;

export type AccessHook = (as: number, ptr: number, size: number, isWrite: boolean, t: number, tPrev: number) => void;

const ZEROS = new Uint32Array(32);

export class TracingMemory {
  readonly config: MemoryConfig;
  readonly initialBlockSize: number;
  readonly records: RecordLog;
  readonly spaces: (SpaceStore | undefined)[];
  timestamp = INITIAL_TIMESTAMP + 1;
  /** Traced accesses (read/write calls) so far: the timeline's access density. */
  accesses = 0;
  /** Scratch: after read() the values read, after write() the values before the write. */
  readonly values = new Uint32Array(32);
  /** t_prev of the last readWord/writeWord. */
  lastTPrev = 0;
  /** Called after every traced access (null = off; checked once per access). */
  onAccess: AccessHook | null = null;

  // Scratch state (no allocation on the hot path).
  private blockStartUnit = 0;
  private blockWord = 0;
  private readonly splitUnits = new Uint32Array(32);
  private readonly splitSizes = new Uint32Array(32);
  private readonly pieceTimestamps = new Uint32Array(32);
  private readonly recordData = new Uint32Array(32);

  constructor(config: MemoryConfig, initialBlockSize: number, records: RecordLog = new RecordLog()) {
    this.config = config;
    this.initialBlockSize = initialBlockSize;
    this.records = records;
    this.spaces = config.addressSpaces.map((c) => (c.hostCells > 0 ? new SpaceStore(c) : undefined));
  }

  // ---------- untraced access (initial image, untraced reads of OpenVM's adapters, views) ----------

  space(as: number): SpaceStore {
    const s = this.spaces[as];
    if (s === undefined) throw new EngineError('bad-access', `address space ${as} has no storage`);
    return s;
  }

  getCell(as: number, ptr: number): number {
    return this.space(as).getCell(ptr);
  }

  setCell(as: number, ptr: number, value: number): void {
    const s = this.space(as);
    if (ptr < 0 || ptr >= s.hostCells) throw new EngineError('out-of-bounds', `cell ${ptr} out of range for address space ${as}`);
    s.setCell(ptr, value);
  }

  /** Untraced little-endian u32 of 4 byte cells at a 4-aligned ptr. */
  peekWord(as: number, ptr: number): number {
    const s = this.space(as);
    const w = s.wordPages[ptr >>> PAGE_BITS];
    return w === undefined ? 0 : w[(ptr & PAGE_MASK) >>> 2];
  }

  pokeWord(as: number, ptr: number, value: number): void {
    const s = this.space(as);
    if (ptr + 4 > s.hostCells) throw new EngineError('out-of-bounds', `cells ${ptr}..${ptr + 4} out of range for address space ${as}`);
    s.wordPage(ptr >>> PAGE_BITS)[(ptr & PAGE_MASK) >>> 2] = value;
  }

  // ---------- traced access ----------

  private check(as: number, ptr: number, size: number): SpaceStore {
    const s = this.spaces[as];
    if (s === undefined) throw new EngineError('bad-access', `address space ${as} has no storage`, { timestamp: this.timestamp });
    if ((ptr & (s.align - 1)) !== 0) {
      // TracingMemory::assert_alignment: "pointer={ptr} not aligned to {ALIGN}"
      throw new EngineError('misaligned', `pointer=${ptr} not aligned to ${s.align} in address space ${as}`, { timestamp: this.timestamp });
    }
    if (size < s.align || size > 32 || (size & (size - 1)) !== 0) {
      throw new EngineError('bad-access', `access size ${size} is not a power of two in ${s.align}..32 (address space ${as})`, { timestamp: this.timestamp });
    }
    if (ptr < 0 || ptr + size > s.hostCells) {
      throw new EngineError('out-of-bounds', `cells ${ptr}..${ptr + size} out of range for address space ${as} (${s.hostCells} host cells)`, { timestamp: this.timestamp });
    }
    if (this.timestamp > MAX_TIMESTAMP) {
      throw new EngineError('timestamp-overflow', `access at timestamp ${this.timestamp} >= 2^29`, { timestamp: this.timestamp });
    }
    return s;
  }

  /** TracingMemory::read. Returns t_prev; the values read are in `this.values`. */
  read(as: number, ptr: number, size: number): number {
    const s = this.check(as, ptr, size);
    s.readCells(ptr, size, this.values);
    const tPrev = this.prevAccessTime(s, as, ptr, size, this.values);
    if (this.onAccess !== null) this.onAccess(as, ptr, size, false, this.timestamp, tPrev);
    this.timestamp++;
    this.accesses++;
    return tPrev;
  }

  /** TracingMemory::write. Returns t_prev; the values before the write are in `this.values`. */
  write(as: number, ptr: number, size: number, newValues: ArrayLike<number>): number {
    const s = this.check(as, ptr, size);
    s.readCells(ptr, size, this.values);
    const tPrev = this.prevAccessTime(s, as, ptr, size, this.values); // records see PRE-write memory
    s.writeCells(ptr, size, newValues);
    if (this.onAccess !== null) this.onAccess(as, ptr, size, true, this.timestamp, tPrev);
    this.timestamp++;
    this.accesses++;
    return tPrev;
  }

  /** A 4-cell read of a byte space (every RV32 register/memory access): returns the LE word. */
  readWord(as: number, ptr: number): number {
    const s = this.check(as, ptr, 4);
    const w = s.wordPages[ptr >>> PAGE_BITS];
    const word = w === undefined ? 0 : w[(ptr & PAGE_MASK) >>> 2];
    const tPrev = this.fastPrev(s, ptr) ?? this.slowPrevWord(s, as, ptr, word);
    this.lastTPrev = tPrev;
    if (this.onAccess !== null) this.onAccess(as, ptr, 4, false, this.timestamp, tPrev);
    this.timestamp++;
    this.accesses++;
    return word;
  }

  /** A 4-cell write of a byte space: returns the previous LE word; t_prev in lastTPrev. */
  writeWord(as: number, ptr: number, value: number): number {
    const s = this.check(as, ptr, 4);
    const w = s.wordPage(ptr >>> PAGE_BITS);
    const wi = (ptr & PAGE_MASK) >>> 2;
    const old = w[wi];
    const tPrev = this.fastPrev(s, ptr) ?? this.slowPrevWord(s, as, ptr, old);
    w[wi] = value;
    this.lastTPrev = tPrev;
    if (this.onAccess !== null) this.onAccess(as, ptr, 4, true, this.timestamp, tPrev);
    this.timestamp++;
    this.accesses++;
    return old;
  }

  /** The exact-repeat fast path of calculate_splits_and_merges for a 4-cell access in an ALIGN-4 space. */
  private fastPrev(s: SpaceStore, ptr: number): number | undefined {
    if (s.align !== 4) return undefined;
    const unit = ptr >>> 2;
    // The writable twin: a page shared with a checkpoint takes the slow path, whose setMeta copies it.
    const page = s.metaPagesW[unit >>> PAGE_BITS];
    if (page === undefined) return undefined;
    const i = unit & PAGE_MASK;
    const word = page[i];
    // Block of size 4 (code 3) starting exactly here: offset 0 is implied by a non-zero size code.
    if (word >>> LOG_BLOCK_SIZE_SHIFT !== 3) return undefined;
    page[i] = (this.timestamp | (3 << LOG_BLOCK_SIZE_SHIFT)) >>> 0; // set_meta_block
    return word & TIMESTAMP_MASK;
  }

  private slowPrevWord(s: SpaceStore, as: number, ptr: number, word: number): number {
    const v = this.values;
    v[0] = word & 0xff;
    v[1] = (word >>> 8) & 0xff;
    v[2] = (word >>> 16) & 0xff;
    v[3] = word >>> 24;
    return this.prevAccessTime(s, as, ptr, 4, v);
  }

  /** TracingMemory::finalize(is_persistent): the touched-memory equipartition and its extra records. */
  finalize(persistent: boolean): TouchedMemory {
    return finalizeMemory(this, persistent);
  }

  incrementTimestamp(): void {
    this.timestamp += 1;
  }

  incrementTimestampBy(amount: number): void {
    this.timestamp += amount;
  }

  // ---------- the algorithm ----------

  /** get_block_metadata: sets blockStartUnit / blockWord for the block containing `unit`. */
  private blockAt(s: SpaceStore, unit: number): void {
    const offset = s.metaOffset(unit);
    const start = offset === 0 ? unit : unit - offset;
    this.blockStartUnit = start;
    this.blockWord = s.metaWord(start);
  }

  /** prev_access_time: returns t_prev and leaves the metadata describing the new block. */
  private prevAccessTime(s: SpaceStore, as: number, ptr: number, size: number, oldValues: Uint32Array): number {
    const unit = ptr >>> s.alignShift;
    const page = unit >>> PAGE_BITS;
    // Only a page this store may write in place (the slow path copies a page shared with a checkpoint).
    const meta = s.metaPagesW[page];
    if (meta !== undefined) {
      const tPrev = this.prevAccessTimeInPage(s, as, ptr, size, oldValues, meta, s.offsetPagesW[page] as Uint8Array, unit & PAGE_MASK);
      if (tPrev >= 0) return tPrev;
    }
    return this.prevAccessTimePaged(s, as, ptr, size, oldValues);
  }

  /**
   * prev_access_time when every block it reads or writes lies in one writable metadata page (almost
   * always: blocks are <= 32 units, pages 4096 units or the whole space): the same four steps as prevAccessTimePaged, on the page's
   * arrays directly instead of a page lookup per entry. i is the access's first unit within the page.
   * Returns -1, having changed nothing, when a block crosses the page: step (1) checks that before any
   * write, and the other steps only touch the access's units, the blocks found in (1) and the IBS-aligned
   * initial block (never across a page).
   */
  private prevAccessTimeInPage(s: SpaceStore, as: number, ptr: number, size: number, oldValues: Uint32Array, meta: Uint32Array, offs: Uint8Array, i: number): number {
    const shift = s.alignShift;
    const units = size >>> shift;
    const end = i + units;
    if (end > meta.length) return -1;
    const code = blockSizeCode(size);
    const splitUnits = this.splitUnits;
    const splitSizes = this.splitSizes;
    const pieceTimestamps = this.pieceTimestamps;
    let result: number;
    if (offs[i] === 0 && meta[i] >>> LOG_BLOCK_SIZE_SHIFT === code) {
      // Repeated access to the same block with the same size: no adapters.
      result = meta[i] & TIMESTAMP_MASK;
    } else {
      // (1) calculate_splits_and_merges: every block larger than ALIGN that intersects the access.
      let splitCount = 0;
      let u = i;
      while (u < end) {
        const start = u - offs[u];
        if (start < 0) return -1;
        const word = meta[start];
        const c = word >>> LOG_BLOCK_SIZE_SHIFT;
        if (c === 0) {
          u++;
          continue;
        }
        const blockSize = 1 << (c - 1);
        const next = start + (blockSize >>> shift);
        if (next > meta.length) return -1;
        if (next - start > 1) {
          splitUnits[splitCount] = start;
          splitSizes[splitCount] = blockSize;
          splitCount++;
        }
        u = next; // may jump past the access
      }
      // (2) split_by_meta of each one down to ALIGN, at its own timestamp.
      const base = (ptr >>> shift) - i; // the page's first unit
      const alignWord = blockSizeCode(s.align) << LOG_BLOCK_SIZE_SHIFT;
      for (let k = 0; k < splitCount; k++) {
        const start = splitUnits[k];
        const ts = meta[start] & TIMESTAMP_MASK;
        const blockUnits = splitSizes[k] >>> shift;
        const word = (ts | alignWord) >>> 0;
        for (let j = start; j < start + blockUnits; j++) {
          meta[j] = word;
          offs[j] = 0;
        }
        this.addSplitRecord(s, as, (base + start) * s.align, ts, splitSizes[k], s.align);
      }
      // (3) the merge walk: per-unit timestamps, first touches initialised on the way.
      let maxTs = INITIAL_TIMESTAMP;
      for (let k = 0; k < units; k++) {
        const word = meta[i + k - offs[i + k]];
        let ts: number;
        if (word >>> LOG_BLOCK_SIZE_SHIFT !== 0) ts = word & TIMESTAMP_MASK;
        else {
          this.handleUninitializedMemory(s, as, base + i + k); // writes this very page (IBS-aligned group)
          ts = INITIAL_TIMESTAMP;
        }
        pieceTimestamps[k] = ts;
        if (ts > maxTs) maxTs = ts;
      }
      if (units !== 1) {
        this.records.addMerge(maxTs, as, ptr, size, s.align, s.config.typeSize, oldValues, pieceTimestamps);
      }
      result = maxTs;
    }
    // (4) set_meta_block with the current (pre-increment) timestamp.
    meta[i] = (this.timestamp | (code << LOG_BLOCK_SIZE_SHIFT)) >>> 0;
    offs[i] = 0;
    for (let k = 1; k < units; k++) {
      meta[i + k] = 0;
      offs[i + k] = k;
    }
    return result;
  }

  /** prev_access_time through page lookups: any access, including blocks that cross a metadata page. */
  private prevAccessTimePaged(s: SpaceStore, as: number, ptr: number, size: number, oldValues: Uint32Array): number {
    const shift = s.alignShift;
    const align = s.align;
    const unit = ptr >>> shift;
    const units = size >>> shift;
    const code = blockSizeCode(size);
    let result: number;
    this.blockAt(s, unit);
    if (this.blockStartUnit === unit && this.blockWord >>> LOG_BLOCK_SIZE_SHIFT === code) {
      // Repeated access to the same block with the same size: no adapters.
      result = this.blockWord & TIMESTAMP_MASK;
    } else {
      // (1) calculate_splits_and_merges: every block larger than ALIGN that intersects the access.
      let splitCount = 0;
      const end = unit + units;
      let u = unit;
      while (u < end) {
        this.blockAt(s, u);
        const blockSize = metadataBlockSize(this.blockWord);
        if (blockSize === 0) {
          u++;
          continue;
        }
        if (blockSize > align) {
          this.splitUnits[splitCount] = this.blockStartUnit;
          this.splitSizes[splitCount] = blockSize;
          splitCount++;
        }
        u = this.blockStartUnit + (blockSize >>> shift); // may jump past the access
      }
      // (2) split each one all the way down to ALIGN, at its own timestamp.
      for (let k = 0; k < splitCount; k++) {
        const startUnit = this.splitUnits[k];
        this.blockAt(s, startUnit);
        this.splitByMeta(s, as, startUnit, this.blockWord & TIMESTAMP_MASK, this.splitSizes[k]);
      }
      // (3) the merge walk: per-unit timestamps, first touches initialised on the way.
      let maxTs = INITIAL_TIMESTAMP;
      for (let k = 0; k < units; k++) {
        this.blockAt(s, unit + k);
        let ts: number;
        if (this.blockWord >>> LOG_BLOCK_SIZE_SHIFT !== 0) ts = this.blockWord & TIMESTAMP_MASK;
        else {
          this.handleUninitializedMemory(s, as, unit + k);
          ts = INITIAL_TIMESTAMP;
        }
        this.pieceTimestamps[k] = ts;
        if (ts > maxTs) maxTs = ts;
      }
      if (size !== align) {
        this.records.addMerge(maxTs, as, ptr, size, align, s.config.typeSize, oldValues, this.pieceTimestamps);
      }
      result = maxTs;
    }
    // (4) set_meta_block with the current (pre-increment) timestamp.
    s.setMeta(unit, (this.timestamp | (code << LOG_BLOCK_SIZE_SHIFT)) >>> 0, 0);
    for (let k = 1; k < units; k++) s.setMeta(unit + k, 0, k);
    return result;
  }

  /** split_by_meta: the block becomes ALIGN-sized blocks with its timestamp; one split record. */
  private splitByMeta(s: SpaceStore, as: number, startUnit: number, ts: number, blockSize: number): void {
    const align = s.align;
    if (blockSize === align) return;
    const word = (ts | (blockSizeCode(align) << LOG_BLOCK_SIZE_SHIFT)) >>> 0;
    const units = blockSize / align;
    for (let k = 0; k < units; k++) s.setMeta(startUnit + k, word, 0);
    this.addSplitRecord(s, as, startUnit * align, ts, blockSize, align);
  }

  /** add_split_record: data = the block's memory contents now. */
  addSplitRecord(s: SpaceStore, as: number, ptr: number, ts: number, blockSize: number, lowest: number): void {
    if (blockSize === lowest) return;
    if (this.records.keep) s.readCells(ptr, blockSize, this.recordData);
    this.records.addSplit(ts, as, ptr, blockSize, lowest, s.config.typeSize, this.recordData);
  }

  /** handle_uninitialized_memory. */
  private handleUninitializedMemory(s: SpaceStore, as: number, unit: number): void {
    const align = s.align;
    if (this.initialBlockSize >= align) {
      // Split the initial block (IBS cells, IBS-aligned) at INITIAL_TIMESTAMP: marks the whole block.
      const startUnit = unit & ~(this.initialBlockSize / align - 1);
      this.splitByMeta(s, as, startUnit, INITIAL_TIMESTAMP, this.initialBlockSize);
    } else {
      // Volatile (IBS 1) with ALIGN 4: a merge from 1-cell blocks carrying OpenVM's constant zero buffer,
      // not the real memory (an ELF image or `init` is ignored here); no metadata change.
      this.records.addMerge(INITIAL_TIMESTAMP, as, unit * align, align, this.initialBlockSize, s.config.typeSize, ZEROS, ZEROS);
    }
  }
}
