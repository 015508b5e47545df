// The guest's allocator calls, in one place for every mode that sees them: observe (allocObserver.ts), the
// time-travel columns of an observed run (timeline/machines/guestAllocCalls.ts), orthotope interposition
// (allocInterposer.ts) and the heap accounting of their summaries and views. It says which functions are
// allocator entry points, which registers carry their arguments (the RISC-V ilp32 calling convention:
// a0..a3 in x10..x13, the result in a0, the return address in ra = x1, sp = x2), how each function's
// arguments decode into (size, align, ptr), which calls free a pointer, which zero their block, and how a
// sequence of calls makes a live heap.
//
// calloc's size: the guest's own calloc (examples/guests/runtime/malloc.c, the C runtime our C guests link)
// is `malloc(count * size)` with a 32-bit size_t, so the product WRAPS modulo 2^32 — calloc(0x10000,
// 0x10001) allocates and zeroes 0x10000 bytes; there is no overflow check (ISO C would return NULL, but
// that is not what the guest runs). Both modes use that size: observe reports what the guest's calloc
// allocates, and orthotope serves the same request. Rust never reaches this case: `__rust_alloc_zeroed`
// takes a byte size that `Layout::array` has already checked, so it decodes like `__rust_alloc`.
// Cost: O(1) per call; entry points are looked up once per program.

import type { GuestProgram } from '../program/guestProgram';

export type AllocFunction =
  | '__rust_alloc'
  | '__rust_alloc_zeroed'
  | '__rust_dealloc'
  | '__rust_realloc'
  | 'malloc'
  | 'calloc'
  | 'realloc'
  | 'free';

export const ALLOC_FUNCTIONS: readonly AllocFunction[] = [
  '__rust_alloc',
  '__rust_alloc_zeroed',
  '__rust_dealloc',
  '__rust_realloc',
  'malloc',
  'calloc',
  'realloc',
  'free',
];

/** Register numbers of the calling convention the allocator functions follow. */
export const ALLOC_REGS = { ra: 1, sp: 2, a0: 10, a1: 11, a2: 12, a3: 13 } as const;

/** A call's arguments: requested size (realloc: the new size), alignment (C functions: 0), pointer argument. */
export interface AllocArgs {
  size: number;
  align: number;
  ptr: number;
}

/** calloc(count, size) as the guest's 32-bit C runtime computes it: the product modulo 2^32. */
export function callocSize(count: number, size: number): number {
  return Math.imul(count, size) >>> 0;
}

/** The arguments of a call to `kind`, from a0..a3. */
export function decodeAllocArgs(
  kind: AllocFunction,
  a0: number,
  a1: number,
  a2: number,
  a3: number,
): AllocArgs {
  switch (kind) {
    case '__rust_alloc':
    case '__rust_alloc_zeroed':
      return { size: a0, align: a1, ptr: 0 };
    case '__rust_dealloc':
      return { size: a1, align: a2, ptr: a0 };
    case '__rust_realloc': // (ptr, old_size, align, new_size)
      return { size: a3, align: a2, ptr: a0 };
    case 'malloc':
      return { size: a0, align: 0, ptr: 0 };
    case 'calloc':
      return { size: callocSize(a0, a1), align: 0, ptr: 0 };
    case 'realloc':
      return { size: a1, align: 0, ptr: a0 };
    case 'free':
      return { size: 0, align: 0, ptr: a0 };
  }
}

/** Guest memory as far as reading registers goes (TracingMemory). */
export interface RegisterReader {
  peekWord(as: number, ptr: number): number;
}

/** Register `r`, read untraced (registers are the words of AS1). */
export function readRegister(memory: RegisterReader, r: number): number {
  return memory.peekWord(1, 4 * r);
}

/** Reads a0..a3 untraced and decodes them. */
export function readAllocArgs(memory: RegisterReader, kind: AllocFunction): AllocArgs {
  const r = (n: number) => readRegister(memory, n);
  return decodeAllocArgs(kind, r(ALLOC_REGS.a0), r(ALLOC_REGS.a1), r(ALLOC_REGS.a2), r(ALLOC_REGS.a3));
}

/** The function a label stands for: `__rust_alloc|__rust_alloc_zeroed` (one folded address) → its first. */
export function allocKind(label: string): AllocFunction {
  const bar = label.indexOf('|');
  return (bar < 0 ? label : label.slice(0, bar)) as AllocFunction;
}

/** A free: `__rust_dealloc` or `free` — returns nothing, counts as a free in the densities. */
export function isFree(kind: AllocFunction): boolean {
  return kind === '__rust_dealloc' || kind === 'free';
}

/** Releases its pointer argument: a free, or a realloc (which moves the block). */
export function releasesPointer(kind: AllocFunction): boolean {
  return isFree(kind) || kind === 'realloc' || kind === '__rust_realloc';
}

/** Zeroes the block: calloc, `__rust_alloc_zeroed`, or an address where alloc and alloc_zeroed were folded
 *  (the two cannot be told apart there, so zeroing is the safe reading). */
export function zeroesBlock(names: readonly AllocFunction[]): boolean {
  return names[0] === 'calloc' || names.includes('__rust_alloc_zeroed');
}

/** Which allocator functions the program defines, grouped by address (folded symbols share one). */
export function allocatorEntryPoints(program: GuestProgram): Map<number, AllocFunction[]> {
  const byAddress = new Map<number, AllocFunction[]>();
  for (const name of ALLOC_FUNCTIONS) {
    const sym = program.symbols.get(name);
    if (sym === undefined) continue;
    const list = byAddress.get(sym.address) ?? [];
    list.push(name);
    byAddress.set(sym.address, list);
  }
  return byAddress;
}

/**
 * The live heap of a sequence of top-level calls (nested calls, e.g. malloc inside realloc, are part of
 * their outer call and must not be fed): bytes requested, live and peak live bytes, live blocks.
 */
export class LiveHeap {
  readonly live = new Map<number, number>();
  liveBytes = 0;
  peakLiveBytes = 0;
  bytesRequested = 0;

  /** One call: `result` is the returned pointer (0 or null when none). */
  call(kind: AllocFunction, args: AllocArgs, result: number | null): void {
    const old = releasesPointer(kind) ? this.live.get(args.ptr) : undefined;
    if (old !== undefined) {
      this.liveBytes -= old;
      this.live.delete(args.ptr);
    }
    if (result !== null && result !== 0 && !isFree(kind)) {
      this.bytesRequested += args.size;
      this.live.set(result, args.size);
      this.liveBytes += args.size;
      this.peakLiveBytes = Math.max(this.peakLiveBytes, this.liveBytes);
    }
  }
}

/** One allocator call as observe and orthotope modes record it. */
export interface AllocCall extends AllocArgs {
  /** The function(s) at the hooked address, e.g. `__rust_alloc|__rust_alloc_zeroed`. */
  function: string;
  /** Returned pointer (alloc kinds), null until the call returned, 0 for dealloc/free. */
  result: number | null;
  callerPc: number;
  entryInstret: number;
  entryTimestamp: number;
  exitInstret: number | null;
  exitTimestamp: number | null;
  /** Allocator calls already open when this one started (e.g. malloc inside realloc). */
  depth: number;
}

export interface AllocCallSummary {
  calls: Record<string, number>;
  bytesRequested: number;
  liveBytes: number;
  peakLiveBytes: number;
  unfinished: number;
}

/** Calls per function, bytes requested, live and peak heap bytes (top-level calls only), unfinished calls. */
export function summarizeAllocCalls(list: readonly AllocCall[]): AllocCallSummary {
  const calls: Record<string, number> = {};
  const heap = new LiveHeap();
  let unfinished = 0;
  for (const c of list) {
    calls[c.function] = (calls[c.function] ?? 0) + 1;
    if (c.exitInstret === null) unfinished++;
    if (c.depth === 0) heap.call(allocKind(c.function), c, c.result);
  }
  const { bytesRequested, liveBytes, peakLiveBytes } = heap;
  return { calls, bytesRequested, liveBytes, peakLiveBytes, unfinished };
}
