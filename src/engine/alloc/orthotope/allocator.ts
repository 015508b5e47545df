// Mirrors orthotope 0.1.7 `Allocator` (`src/allocator.rs`): `allocate_with_cache`,
// `deallocate_with_cache` and `deallocate_with_size_checked` over one arena, one central pool, one large
// path and any number of thread caches (keyed by thread id, created on first mention, as a caller would
// keep one `ThreadCache` per thread). Operation flows and error precedence are 0.1.7's exactly:
//   allocate:  bind, ZeroSize, class choice, (refill from central | carve a span | OutOfMemory), pop, header.
//   free:      bind, misaligned -> CorruptHeader, header validation -> CorruptHeader, SizeMismatch (sized
//              frees only), then small: ForeignPointer / push / maybe one drain; large: registry lookup
//              (AlreadyFreedOrUnknownLarge, CorruptHeader on a record mismatch) / release to the pool.
// A failed call changes nothing but the cache's binding. State is cloneable (`clone`, `snapshot`/`restore`)
// for time travel; the arena bytes are copy-on-write, everything else is small arrays and maps.
import { Arena } from './arena/arena';
import { PagedArenaBytes, type ArenaBytes } from './arena/arenaBytes';
import { ArenaMemory, CorruptLinkFault, DEFAULT_ADDRESSING, NIL } from './arena/arenaMemory';
import type { Addressing, ArenaWriteObserver } from './arena/arenaMemory';
import { AllocatorState, type AllocatorSnapshot } from './allocatorState';
import { CentralPool } from './centralPool';
import { deriveClassTable, type AllocatorConfig, type ClassTable } from './config';
import { validateConfig } from './configValidation';
import { AllocCounters } from './counters';
import {
  corruptHeader,
  foreignPointer,
  outOfMemory,
  sizeMismatch,
  undefinedBehaviour,
  unknownLarge,
} from './errors';
import type { AllocError, FreeError, InitError, OpLocation } from './errors';
import { AllocEventLog, EVENT_OP, NO_CLASS } from './events';
import { validateHeader } from './arena/header';
import { LargePath } from './largePath';
import {
  recordAlloc,
  recordAllocError,
  recordCarve,
  recordDrain,
  recordFree,
  recordFreeError,
} from './outcomes';
import { recordRefill, type Sink } from './outcomes';
import {
  CLASS_PAYLOADS,
  HEADER_ALIGNMENT,
  HEADER_SIZE,
  LARGE_CLASS,
  alignUp,
  classForRequest,
} from './sizeClasses';
import { ThreadCache } from './threadCache';

/** A user pointer, as an offset from the arena base (the block start + 64). */
export type UserPtr = number & { readonly __userPtr: unique symbol };
export const asUserPtr = (offset: number): UserPtr => offset as UserPtr;

export interface AllocatorOptions {
  /** Backing store for the arena (default: a sparse copy-on-write store of `arenaSize` bytes). */
  readonly bytes?: ArenaBytes;
  readonly addressing?: Addressing;
  /** Event log to append to; `null` records nothing (default: a new log). */
  readonly events?: AllocEventLog | null;
  /** Called after every header or link write (mirroring the arena into another byte store). */
  readonly onWrite?: ArenaWriteObserver;
}

export type CreateResult =
  { readonly ok: true; readonly allocator: Allocator } | { readonly ok: false; readonly error: InitError };

/** `Allocator::new`: validates the config in orthotope's order, then maps the arena. */
export function createAllocator(config: AllocatorConfig, options: AllocatorOptions = {}): CreateResult {
  const error = validateConfig(config);
  if (error !== null) return { ok: false, error };
  const memory = new ArenaMemory(
    options.bytes ?? new PagedArenaBytes(config.arenaSize),
    options.addressing ?? DEFAULT_ADDRESSING,
  );
  if (memory.addressing.baseAddress % Math.max(config.alignment, HEADER_ALIGNMENT) !== 0) {
    throw new RangeError('the arena base address must be a multiple of the alignment');
  }
  memory.observer = options.onWrite ?? null;
  const events = options.events === undefined ? new AllocEventLog() : options.events;
  const state = new AllocatorState(
    memory,
    new Arena(config.arenaSize, config.alignment),
    new CentralPool(),
    new LargePath(),
    new Map(),
    new AllocCounters(),
    0,
  );
  return { ok: true, allocator: new Allocator(config, deriveClassTable(config), state, events) };
}

export class Allocator {
  /** Where outcomes are recorded: this state's counters and this allocator's event log. */
  private sink: Sink;

  constructor(
    readonly config: AllocatorConfig,
    readonly table: ClassTable,
    private s: AllocatorState,
    readonly events: AllocEventLog | null,
  ) {
    this.sink = { counters: s.counters, events };
  }

  get state(): AllocatorState {
    return this.s;
  }

  /** An independent allocator in the same state (no event log unless given; no write observer). */
  clone(events: AllocEventLog | null = null): Allocator {
    return new Allocator(this.config, this.table, this.s.clone(), events);
  }

  snapshot(): AllocatorSnapshot {
    return { state: this.s.clone(), eventCount: this.events?.length ?? 0 };
  }

  /**
   * Returns to a snapshot (which stays reusable) and drops events recorded after it. The write observer
   * stays attached but is not replayed: a mirror of the arena restores from its own checkpoint.
   */
  restore(snapshot: AllocatorSnapshot): void {
    this.adopt(snapshot.state.clone(), snapshot.eventCount);
  }

  /**
   * snapshot() for an arena whose bytes are checkpointed by their owner (a guest's memory: its own snapshot
   * restores them). Everything but the bytes is copied; the snapshot's state refers to the live byte store,
   * so it is only meaningful once the owner has restored the bytes too. Cloning that store instead would
   * copy the whole arena and detach it from the owner's memory.
   */
  snapshotWithoutBytes(): AllocatorSnapshot {
    return { state: this.s.clone(this.s.memory.bytes), eventCount: this.events?.length ?? 0 };
  }

  /** restore() for a snapshotWithoutBytes(): the allocator keeps working on its live byte store. */
  restoreWithoutBytes(snapshot: AllocatorSnapshot): void {
    this.adopt(snapshot.state.clone(this.s.memory.bytes), snapshot.eventCount);
  }

  private adopt(state: AllocatorState, eventCount: number): void {
    const observer = this.s.memory.observer;
    this.s = state;
    this.s.memory.observer = observer;
    this.sink = { counters: this.s.counters, events: this.events };
    this.events?.truncate(eventCount);
  }

  /** The cache for `thread`, created unbound on first mention (`ThreadCache::new(config)`). */
  cache(thread: number): ThreadCache {
    let cache = this.s.caches.get(thread);
    if (cache === undefined) {
      // Thread ids are u32 so that event rows can hold them.
      if (!Number.isInteger(thread) || thread < 0 || thread > 0xffff_ffff)
        throw new RangeError(`thread id must be a u32, got ${thread}`);
      cache = ThreadCache.create(thread, this.table);
      this.s.caches.set(thread, cache);
    }
    return cache;
  }

  /** Thread ids of all caches created so far, ascending. */
  threads(): number[] {
    return [...this.s.caches.keys()].sort((a, b) => a - b);
  }

  /** `allocate_with_cache`: a user pointer, or an error value. */
  allocate(thread: number, size: number): UserPtr | AllocError {
    if (!Number.isSafeInteger(size) || size < 0)
      throw new RangeError(`a request size is a usize, got ${size}`);
    const s = this.s;
    const sink = this.sink;
    const location = { thread, op: s.opCount++ };
    const cache = this.cache(thread);
    cache.bound = true;
    if (size === 0) {
      return recordAllocError(
        sink,
        { kind: 'ZeroSize', message: 'ZeroSize: a request of 0 bytes', location },
        NO_CLASS,
      );
    }
    const cls = classForRequest(size);
    if (cls < 0) return this.allocateLarge(sink, location, size);
    try {
      const k = cache.classes[cls];
      const block = this.table.blockSize[cls];
      if (k.totalLen === 0) {
        const moved = cache.refillFromCentral(s.memory, s.central, cls, this.table.refillCount[cls]);
        if (moved > 0) recordRefill(sink, thread, cls, moved, block);
        else {
          const span = s.arena.reserveBlockSpan(block, this.table.refillCount[cls]);
          if (span === null) return this.oom(location, cls, size, false);
          k.pushOwnedSlab(span.start, span.count);
          recordCarve(sink, thread, cls, span.start, span.count, span.count * block);
        }
      }
      const start = k.pop(s.memory);
      if (start === NIL) return this.oom(location, cls, size, false);
      s.memory.writeSmallHeader(start, cls, size);
      recordAlloc(sink, thread, cls, start + HEADER_SIZE, size, CLASS_PAYLOADS[cls], false);
      return (start + HEADER_SIZE) as UserPtr;
    } catch (fault) {
      if (!(fault instanceof CorruptLinkFault)) throw fault;
      return recordAllocError(
        sink,
        undefinedBehaviour(`${fault.message}; orthotope would follow it`, location),
        cls,
      );
    }
  }

  /** `allocate_large`: best fit from the pool, else a new arena block; the header is written last. */
  private allocateLarge(sink: Sink, location: OpLocation, size: number): UserPtr | AllocError {
    const s = this.s;
    const oom = (leaked: boolean) => this.oom(location, LARGE_CLASS, size, leaked);
    // Requests larger than the arena can neither fit a pool block nor be carved; answering before the
    // arithmetic keeps every number an exact integer while giving orthotope's result.
    if (size > this.config.arenaSize) return oom(false);
    const blockSize = alignUp(HEADER_SIZE + size, this.config.alignment);
    const pooled = s.large.takeBestFit(blockSize);
    const start = pooled !== null ? pooled.blockStart : s.arena.reserveSpan(blockSize);
    if (start < 0) return oom(false);
    if (pooled === null) recordCarve(sink, location.thread, LARGE_CLASS, start, 1, blockSize);
    const actual = pooled !== null ? pooled.blockSize : blockSize;
    const usable = actual - HEADER_SIZE;
    if (!s.memory.writeLargeHeader(start, size, usable)) {
      // orthotope takes the block first and only then fails to encode the u32 header: the block is lost.
      s.counters.largeLeakedBlocks++;
      s.counters.largeLeakedBytes += actual;
      return oom(true);
    }
    const ptr = start + HEADER_SIZE;
    s.large.recordLive(ptr, { blockStart: start, blockSize: actual, requested: size, usable });
    recordAlloc(sink, location.thread, LARGE_CLASS, ptr, size, usable, pooled !== null);
    return ptr as UserPtr;
  }

  private oom(location: OpLocation, cls: number, size: number, leaked: boolean): AllocError {
    return recordAllocError(this.sink, outOfMemory(size, this.s.arena.remaining, leaked, location), cls);
  }

  /** `deallocate_with_cache`: null on success, else the error. */
  deallocate(thread: number, ptr: UserPtr): FreeError | null {
    return this.free(thread, ptr, -1);
  }

  /** `deallocate_with_size_checked`: the size must equal the header's requested size. */
  deallocateWithSize(thread: number, ptr: UserPtr, size: number): FreeError | null {
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`a size is a usize, got ${size}`);
    return this.free(thread, ptr, size);
  }

  /** `deallocate_impl` after binding; `expected` < 0 for an unsized free. */
  private free(thread: number, ptr: number, expected: number): FreeError | null {
    const s = this.s;
    const sink = this.sink;
    const evOp = expected < 0 ? EVENT_OP.DEALLOCATE : EVENT_OP.DEALLOCATE_SIZED;
    const location = { thread, ptr, op: s.opCount++ };
    const cache = this.cache(thread);
    cache.bound = true;
    const start = ptr - HEADER_SIZE;
    // decode_header: the absolute user address must be >= 64 and 64 past a 64-aligned header address.
    if (s.memory.addressing.baseAddress + ptr < HEADER_SIZE || start % HEADER_ALIGNMENT !== 0) {
      return recordFreeError(sink, corruptHeader('misaligned', false, location), evOp, NO_CLASS, expected);
    }
    const header = s.memory.readHeader(start);
    if (header === null) {
      const error = undefinedBehaviour(
        `the header of pointer ${ptr} is in unmapped memory (a fault)`,
        location,
      );
      return recordFreeError(sink, error, evOp, NO_CLASS, expected);
    }
    const verdict = validateHeader(header);
    if (!verdict.ok) {
      const link = verdict.reason === 'magic' && this.looksFreed(start);
      return recordFreeError(sink, corruptHeader(verdict.reason, link, location), evOp, NO_CLASS, expected);
    }
    const { cls } = verdict;
    const { requested, usable } = header;
    let error: FreeError | null = null;
    if (expected >= 0 && expected !== requested) error = sizeMismatch(expected, requested, location);
    else if (cls === LARGE_CLASS) {
      const released = s.large.release(ptr, requested, usable);
      if (released === 'unknown') error = unknownLarge(location);
      else if (released === 'mismatch') error = corruptHeader('registryMismatch', false, location);
      else recordFree(sink, evOp, thread, cls, ptr, requested, usable);
    } else if (!s.arena.containsBlockStart(start)) error = foreignPointer(location);
    else {
      try {
        cache.classes[cls].push(s.memory, start);
        recordFree(sink, evOp, thread, cls, ptr, requested, usable);
        const t = this.table;
        const drained = cache.drainExcess(s.memory, s.central, cls, t.localLimit[cls], t.drainCount[cls]);
        if (drained > 0) recordDrain(sink, evOp, thread, cls, drained, t.blockSize[cls]);
      } catch (fault) {
        if (!(fault instanceof CorruptLinkFault)) throw fault;
        error = undefinedBehaviour(`${fault.message}; orthotope would follow it`, location);
      }
    }
    return error === null ? null : recordFreeError(sink, error, evOp, cls, expected);
  }

  /**
   * Why a magic check failed, for the user: true when `start` is a block some slab has handed out (so the
   * allocator wrote its header once) and its first bytes now read as a free-list link: the block sits on a
   * free list, so this free is a double free (or a free through a stale pointer). Zeros inside a payload
   * or in never-used fresh capacity do not count.
   */
  private looksFreed(start: number): boolean {
    if (!this.s.memory.holdsLink(start)) return false;
    for (const cache of this.s.caches.values()) {
      for (const k of cache.classes) {
        const slab = k.findSlab(start);
        if (slab >= 0) return (start - k.slabStart[slab]) / k.blockSize < k.slabFresh[slab];
      }
    }
    return false;
  }

  /** A copy of the 64 header bytes in front of `ptr` (zeros where the allocator never wrote). */
  headerBytes(ptr: UserPtr): Uint8Array {
    return this.s.memory.readHeaderBytes(ptr - HEADER_SIZE);
  }

  /**
   * Copies the header of `ptr` into a 64-aligned buffer outside the arena and returns the pointer just after
   * that copy (the trace's `free_forged`). Release it with `releaseForgedCopy` when done.
   */
  forgeCopy(ptr: UserPtr): UserPtr {
    return (this.s.memory.placeForeign(this.headerBytes(ptr)) + HEADER_SIZE) as UserPtr;
  }

  releaseForgedCopy(forged: UserPtr): void {
    this.s.memory.releaseForeign(forged - HEADER_SIZE);
  }
}
