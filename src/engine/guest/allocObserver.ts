// Allocator interposition, observe mode: breakpoints on the guest's own allocator entry points
// (`__rust_alloc`, `__rust_alloc_zeroed`, `__rust_dealloc`, `__rust_realloc`, or C `malloc`, `calloc`,
// `realloc`, `free`) record every call — arguments at entry, the returned pointer at the return address,
// the caller pc (ra - 4), and the instruction count and timestamp at both ends — without changing the run:
// the hooks read registers untraced and never redirect, so accesses and timestamps are exactly those of an
// unmodified run. Symbols folded to one address by the linker (Rust's alloc and alloc_zeroed) are reported
// as one kind `alloc|alloc_zeroed`. Invariant: a return is matched to its call by the return address AND
// the stack pointer, so recursion and re-entry do not mix calls up.

import type { Interpreter } from './executor';
import type { GuestProgram } from './guestProgram';

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

export interface AllocCall {
  /** The function(s) at the hooked address, e.g. `__rust_alloc|__rust_alloc_zeroed`. */
  function: string;
  /** Requested size (realloc: the new size; calloc: count x size). */
  size: number;
  /** Requested alignment (Rust functions; C functions: 0). */
  align: number;
  /** Pointer argument (dealloc, realloc, free), else 0. */
  ptr: number;
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

const REG = { ra: 1, sp: 2, a0: 10, a1: 11, a2: 12, a3: 13 } as const;

function reg(machine: Interpreter, r: number): number {
  return machine.memory.peekWord(1, 4 * r);
}

/** Which allocator functions the program defines, grouped by address. */
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

export class AllocObserver {
  readonly calls: AllocCall[] = [];
  private open = 0;

  constructor(private readonly machine: Interpreter) {
    for (const [address, names] of allocatorEntryPoints(machine.program)) {
      machine.addHook(address, () => {
        this.enter(names);
        return false;
      });
    }
  }

  get hooked(): boolean {
    return allocatorEntryPoints(this.machine.program).size > 0;
  }

  private enter(names: AllocFunction[]): void {
    const m = this.machine;
    const [a0, a1, a2, a3] = [reg(m, REG.a0), reg(m, REG.a1), reg(m, REG.a2), reg(m, REG.a3)];
    const kind = names[0];
    const call: AllocCall = {
      function: names.join('|'),
      size: 0,
      align: 0,
      ptr: 0,
      result: null,
      callerPc: (reg(m, REG.ra) - 4) >>> 0,
      entryInstret: m.instret,
      entryTimestamp: m.memory.timestamp,
      exitInstret: null,
      exitTimestamp: null,
      depth: this.open,
    };
    if (kind === '__rust_alloc' || kind === '__rust_alloc_zeroed') [call.size, call.align] = [a0, a1];
    else if (kind === '__rust_dealloc') [call.ptr, call.size, call.align] = [a0, a1, a2];
    else if (kind === '__rust_realloc') [call.ptr, call.align, call.size] = [a0, a2, a3];
    else if (kind === 'malloc') call.size = a0;
    else if (kind === 'calloc') call.size = Math.imul(a0, a1) >>> 0;
    else if (kind === 'realloc') [call.ptr, call.size] = [a0, a1];
    else call.ptr = a0;
    this.calls.push(call);
    this.open++;
    const returnsValue = !(kind === '__rust_dealloc' || kind === 'free');
    const ra = reg(m, REG.ra);
    const sp = reg(m, REG.sp);
    const onReturn = (machine: Interpreter): boolean => {
      if (machine.pc !== ra || reg(machine, REG.sp) !== sp) return false;
      call.result = returnsValue ? reg(machine, REG.a0) : 0;
      call.exitInstret = machine.instret;
      call.exitTimestamp = machine.memory.timestamp;
      this.open--;
      machine.removeHook(ra, onReturn);
      return false;
    };
    m.addHook(ra, onReturn);
  }

  /** Totals for the summary (see summarizeAllocCalls). */
  summary(): AllocCallSummary {
    return summarizeAllocCalls(this.calls);
  }
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
  const live = new Map<number, number>();
  let liveBytes = 0;
  let peakLiveBytes = 0;
  let bytesRequested = 0;
  let unfinished = 0;
  for (const c of list) {
    calls[c.function] = (calls[c.function] ?? 0) + 1;
    if (c.exitInstret === null) unfinished++;
    if (c.depth > 0) continue; // nested calls are part of their outer call
    const freed = c.function.includes('dealloc') || c.function === 'free' || c.function.includes('realloc');
    if (freed && live.has(c.ptr)) {
      liveBytes -= live.get(c.ptr) as number;
      live.delete(c.ptr);
    }
    if (c.result !== null && c.result !== 0 && !c.function.includes('dealloc') && c.function !== 'free') {
      bytesRequested += c.size;
      live.set(c.result, c.size);
      liveBytes += c.size;
      peakLiveBytes = Math.max(peakLiveBytes, liveBytes);
    }
  }
  return { calls, bytesRequested, liveBytes, peakLiveBytes, unfinished };
}
