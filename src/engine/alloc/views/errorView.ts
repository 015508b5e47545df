// The inspector's view of an allocator error: the error value's kind and message (errors.ts) plus a cause
// sentence saying *why* orthotope 0.1.7 answered that way, which the UI shows beside the error.
// The allocator keeps no "last error": the caller passes the value it got back from the call, or the view
// decodes the newest ERROR row of the event log (events.ts column meanings). A decoded CorruptHeader knows
// its reason but not whether the magic held a free-list link (the log does not store it), so that is
// re-judged on the current state, exactly as the allocator judged it; `source` tells the two apart.
import type { Allocator } from '../orthotope/allocator';
import {
  CORRUPT_REASONS,
  ERROR_CODES,
  corruptHeader,
  foreignPointer,
  formatErrorForLog,
  outOfMemory,
  sizeMismatch,
  undefinedBehaviour,
  unknownLarge,
  type AllocatorError,
  type CorruptReason,
  type OpLocation,
} from '../orthotope/errors';
import { EVENT_KIND, EVENT_OP, NO_CLASS, type AllocEventLog } from '../orthotope/events';
import { CLASS_NAMES, HEADER_SIZE, LARGE_CLASS, classForRequest } from '../orthotope/sizeClasses';

export interface AllocatorErrorView {
  readonly kind: AllocatorError['kind'];
  /** errors.ts's message for the value (it names the failed check). */
  readonly message: string;
  /** Why orthotope 0.1.7 answers this way, for a reader who has not read its source. */
  readonly cause: string;
  /** The log format's rendering (`CorruptHeader`, `OutOfMemory requested=… remaining=…`). */
  readonly log: string;
  /** 0-based allocator operation number. */
  readonly op: number;
  readonly thread: number;
  /** The freed user pointer (arena offset), for frees; null for allocations. */
  readonly ptr: number | null;
  /** The class of the block involved (0..11, 255 large), or null when it was never known. */
  readonly cls: number | null;
  readonly className: string | null;
  readonly reason: CorruptReason | null;
  readonly looksLikeFreeListLink: boolean;
  /** 'value': the caller's error value; 'events': decoded from the event log (the link re-judged now). */
  readonly source: 'value' | 'events';
}

const CAUSES: Record<AllocatorError['kind'], string> = {
  ZeroSize: 'orthotope rejects a 0-byte request before choosing a size class.',
  OutOfMemory:
    'The bump cursor cannot fit the request: freed small blocks stay with their class and freed large blocks stay in the large pool, so freeing never gives bytes back to the arena.',
  CorruptHeader:
    'Every free decodes the 64-byte header in front of the pointer; a header that fails validation is reported as CorruptHeader.',
  SizeMismatch:
    'deallocate_with_size_checked compares the size given with the requested size stored in the header before any ownership check.',
  ForeignPointer:
    'The header is valid, but the block does not start inside this arena on its alignment: the pointer is a copy, or comes from another allocator.',
  AlreadyFreedOrUnknownLarge:
    'Large blocks are tracked in a live registry; this pointer has no live record (it was freed already, or never allocated here).',
  UndefinedBehaviour:
    'orthotope 0.1.7 would read unmapped memory or follow a corrupted free-list link here; the model stops the call instead.',
};

/** The cause sentence of one error value. */
export function errorCause(error: AllocatorError): string {
  if (error.kind === 'CorruptHeader' && error.looksLikeFreeListLink) {
    return 'A freed small block keeps the free-list link in its first 8 bytes, over the header magic. Freeing it again reads that link where the magic should be: a double free (or a stale pointer), which 0.1.7 can only report as CorruptHeader.';
  }
  if (error.kind === 'OutOfMemory' && error.leakedBlock) {
    return 'The large block was taken from the arena first; its sizes then did not fit the u32 header fields, so the block is lost (leaked) and the call fails.';
  }
  return CAUSES[error.kind];
}

export function errorView(
  error: AllocatorError,
  cls: number | null,
  source: 'value' | 'events',
): AllocatorErrorView {
  const known = cls === null || cls === NO_CLASS ? null : cls;
  return {
    kind: error.kind,
    message: error.message,
    cause: errorCause(error),
    log: formatErrorForLog(error),
    op: error.location.op,
    thread: error.location.thread,
    ptr: error.location.ptr ?? null,
    cls: known,
    className: known === null ? null : known === LARGE_CLASS ? 'large' : CLASS_NAMES[known],
    reason: error.kind === 'CorruptHeader' ? error.reason : null,
    looksLikeFreeListLink: error.kind === 'CorruptHeader' && error.looksLikeFreeListLink,
    source,
  };
}

/** The class a caller's error value refers to, read from what the allocator knows now. */
export function errorClass(allocator: Allocator, error: AllocatorError): number | null {
  if (error.kind === 'OutOfMemory') {
    const cls = classForRequest(error.requested);
    return cls < 0 ? LARGE_CLASS : cls;
  }
  const ptr = error.location.ptr;
  if (ptr === undefined) return null;
  if (allocator.state.large.live.has(ptr)) return LARGE_CLASS;
  const slab = owningSlab(allocator, ptr - HEADER_SIZE);
  return slab === null ? null : slab.cls;
}

function owningSlab(allocator: Allocator, start: number): { cls: number; freshIndex: boolean } | null {
  for (const cache of allocator.state.caches.values()) {
    for (let cls = 0; cls < cache.classes.length; cls++) {
      const k = cache.classes[cls];
      const slab = k.findSlab(start);
      if (slab >= 0)
        return { cls, freshIndex: (start - k.slabStart[slab]) / k.blockSize < k.slabFresh[slab] };
    }
  }
  return null;
}

/** Allocator.looksFreed, re-judged on the current state (handed out by a slab, first bytes a link). */
function looksFreedNow(allocator: Allocator, start: number): boolean {
  if (start < 0 || !allocator.state.memory.holdsLink(start)) return false;
  return owningSlab(allocator, start)?.freshIndex ?? false;
}

const KIND_BY_CODE = new Map<number, AllocatorError['kind']>(
  Object.entries(ERROR_CODES).map(([kind, code]) => [code, kind as AllocatorError['kind']]),
);

/**
 * The newest ERROR row of `events` as an error view, or null. The log must end at the allocator's current
 * state (the usual case: the log of the run that produced this state, possibly truncated at the front).
 */
export function lastErrorFromEvents(allocator: Allocator, events: AllocEventLog): AllocatorErrorView | null {
  let row = -1;
  let laterOps = 0;
  for (let i = events.length - 1; i >= 0; i--) {
    if (events.kind[i] === EVENT_KIND.ERROR) {
      row = i;
      break;
    }
    if (events.isPrimary(i)) laterOps++;
  }
  if (row < 0) return null;
  const kind = KIND_BY_CODE.get(events.code[row]);
  if (kind === undefined) return null;
  const isFree = events.op[row] !== EVENT_OP.ALLOCATE;
  const location: OpLocation = {
    thread: events.thread[row],
    op: allocator.state.opCount - 1 - laterOps,
    ...(isFree ? { ptr: events.offset[row] } : {}),
  };
  const size = events.size[row];
  const count = events.count[row];
  // A large carve row right before an OutOfMemory row is the block that was taken and then leaked
  // (allocator.ts records the carve before writing the header; a plain OOM never carves).
  const leaked = row > 0 && events.kind[row - 1] === EVENT_KIND.CARVE && events.cls[row - 1] === LARGE_CLASS;
  const error = decode(allocator, kind, location, { size, count, remaining: events.offset[row], leaked });
  // Rows of errors found before the header was decoded carry NO_CLASS; the block may still be known.
  const cls = events.cls[row] === NO_CLASS ? errorClass(allocator, error) : events.cls[row];
  return errorView(error, cls, 'events');
}

function decode(
  allocator: Allocator,
  kind: AllocatorError['kind'],
  location: OpLocation,
  row: { size: number; count: number; remaining: number; leaked: boolean },
): AllocatorError {
  const { size, count } = row;
  switch (kind) {
    case 'ZeroSize':
      return { kind, message: 'ZeroSize: a request of 0 bytes', location };
    case 'OutOfMemory':
      return outOfMemory(size, row.remaining, row.leaked, location);
    case 'CorruptHeader': {
      const reason = CORRUPT_REASONS[count - 1] ?? 'magic';
      const link = reason === 'magic' && looksFreedNow(allocator, (location.ptr ?? 0) - HEADER_SIZE);
      return corruptHeader(reason, link, location);
    }
    case 'SizeMismatch':
      return sizeMismatch(size, count, location);
    case 'ForeignPointer':
      return foreignPointer(location);
    case 'AlreadyFreedOrUnknownLarge':
      return unknownLarge(location);
    case 'UndefinedBehaviour':
      return undefinedBehaviour('the call read unmapped memory or a corrupted free-list link', location);
  }
}
