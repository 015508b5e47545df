// Records what each allocator call did: the O(1) counters of the fragmentation inspector and one event
// row per step (see events.ts for the column meanings). Keeping this apart from allocator.ts leaves the
// orthotope control flow there readable line by line against allocator.rs.
// Invariant: exactly one primary row (alloc, free or error) per allocate/deallocate call.
import type { AllocCounters } from './counters';
import { CORRUPT_REASONS, ERROR_CODES, type AllocError, type FreeError } from './errors';
import { EVENT_KIND, EVENT_OP, type AllocEventLog } from './events';
import { LARGE_CLASS } from './sizeClasses';

export type Sink = { readonly counters: AllocCounters; readonly events: AllocEventLog | null };

export function recordRefill(k: Sink, thread: number, cls: number, moved: number, blockSize: number): void {
  k.counters.refills[cls]++;
  k.counters.refilledBlocks[cls] += moved;
  k.events?.push(EVENT_KIND.REFILL, EVENT_OP.ALLOCATE, thread, cls, 0, moved * blockSize, moved, 0);
}

export function recordCarve(
  k: Sink,
  thread: number,
  cls: number,
  start: number,
  count: number,
  bytes: number,
): void {
  if (cls === LARGE_CLASS) k.counters.largeCarved++;
  else {
    k.counters.carvedBlocks[cls] += count;
    k.counters.carvedSpans[cls]++;
  }
  k.events?.push(EVENT_KIND.CARVE, EVENT_OP.ALLOCATE, thread, cls, start, bytes, count, 0);
}

export function recordAlloc(
  k: Sink,
  thread: number,
  cls: number,
  ptr: number,
  size: number,
  usable: number,
  reused: boolean,
): void {
  if (cls === LARGE_CLASS) {
    k.counters.largeAllocs++;
    if (reused) k.counters.largeReused++;
  } else {
    k.counters.allocs[cls]++;
    k.counters.liveBlocks[cls]++;
    k.counters.liveRequestedBytes[cls] += size;
  }
  k.events?.push(EVENT_KIND.ALLOC, EVENT_OP.ALLOCATE, thread, cls, ptr, size, usable, reused ? 1 : 0);
}

export function recordFree(
  k: Sink,
  evOp: number,
  thread: number,
  cls: number,
  ptr: number,
  requested: number,
  usable: number,
): void {
  if (cls === LARGE_CLASS) k.counters.largeFrees++;
  else {
    k.counters.frees[cls]++;
    k.counters.liveBlocks[cls]--;
    k.counters.liveRequestedBytes[cls] -= requested;
  }
  k.events?.push(EVENT_KIND.FREE, evOp, thread, cls, ptr, requested, usable, 0);
}

export function recordDrain(
  k: Sink,
  evOp: number,
  thread: number,
  cls: number,
  drained: number,
  blockSize: number,
): void {
  k.counters.drains[cls]++;
  k.counters.drainedBlocks[cls] += drained;
  k.events?.push(EVENT_KIND.DRAIN, evOp, thread, cls, 0, drained * blockSize, drained, 0);
}

/** Error row of a failed allocate: OutOfMemory keeps `remaining` in the offset column. */
export function recordAllocError(k: Sink, error: AllocError, cls: number): AllocError {
  k.counters.countError(error.kind);
  const oom = error.kind === 'OutOfMemory';
  const [remaining, requested] = oom ? [error.remaining, error.requested] : [0, 0];
  k.events?.push(
    EVENT_KIND.ERROR,
    EVENT_OP.ALLOCATE,
    error.location.thread,
    cls,
    remaining,
    requested,
    0,
    ERROR_CODES[error.kind],
  );
  return error;
}

/** Error row of a failed free: SizeMismatch keeps `recorded`, CorruptHeader its reason, in the count column. */
export function recordFreeError(
  k: Sink,
  error: FreeError,
  evOp: number,
  cls: number,
  size: number,
): FreeError {
  k.counters.countError(error.kind);
  const detail =
    error.kind === 'CorruptHeader'
      ? CORRUPT_REASONS.indexOf(error.reason) + 1
      : error.kind === 'SizeMismatch'
        ? error.recorded
        : 0;
  const l = error.location;
  k.events?.push(
    EVENT_KIND.ERROR,
    evOp,
    l.thread,
    cls,
    l.ptr ?? 0,
    Math.max(0, size),
    detail,
    ERROR_CODES[error.kind],
  );
  return error;
}
