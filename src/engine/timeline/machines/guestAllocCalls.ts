// Allocator interposition, observe mode, for a recorded guest run: the calls guest/alloc/allocObserver.ts reports
// (`__rust_alloc`, `__rust_dealloc`, `__rust_realloc`, `malloc`, `free`, ...: arguments at entry, result and
// times at the matching return), kept as columns and checkpointable, so the timeline can restore any moment
// and replay it. The hooks read registers untraced and never redirect, so the run's accesses and timestamps
// are exactly those of an unobserved run.
// The columns are a HISTORY, append-only up to the furthest point ever run: entry rows (one per call, in
// entry order) and exit rows (one per return, in return order). A state is two cursors into them (calls
// entered, calls returned) plus the calls in progress, so restoring any checkpoint — earlier or later than
// the live state — sets cursors; replaying below the furthest point meets rows already written, which
// determinism makes identical (they are checked, not rewritten).
// Invariants: a return is matched to its call by return address AND stack pointer (innermost first);
// `open` lists the calls in progress, innermost last; return hooks are installed exactly at their return
// addresses; call i is finished at the current state iff exitRow[i] >= 0 and exitRow[i] < exits.

import { EngineError } from '../../errors';
import type { Interpreter } from '../../guest/isa/executor';
import {
  ALLOC_REGS,
  allocatorEntryPoints,
  allocKind,
  isFree,
  readAllocArgs,
  readRegister,
  type AllocFunction,
} from '../../guest/alloc/allocCalls';
import type { Hasher } from './hasher';

const { ra: RA, sp: SP, a0: A0 } = ALLOC_REGS;

interface OpenCall {
  readonly index: number;
  readonly ra: number;
  readonly sp: number;
}

export interface AllocCallsSnapshot {
  readonly count: number;
  readonly exits: number;
  readonly open: readonly OpenCall[];
  readonly allocations: number;
  readonly frees: number;
}

function grow<T extends Float64Array | Uint32Array | Uint8Array | Int32Array>(
  a: T,
  need: number,
  make: (n: number) => T,
): T {
  if (need <= a.length) return a;
  const b = make(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export class GuestAllocCalls {
  /** Distinct function labels (`__rust_alloc|__rust_alloc_zeroed`, ...); `fn` indexes this list. */
  readonly labels: string[] = [];
  /** Cursors: calls entered and returns seen at the current state. */
  count = 0;
  exits = 0;
  /** Top-level calls to alloc kinds / free kinds so far (the timeline's densities). */
  allocations = 0;
  frees = 0;
  // Entry rows (history).
  entryRows = 0;
  fn = new Uint8Array(64);
  size = new Float64Array(64);
  align = new Uint32Array(64);
  ptr = new Uint32Array(64);
  callerPc = new Uint32Array(64);
  entryStep = new Float64Array(64);
  entryTimestamp = new Uint32Array(64);
  depth = new Uint32Array(64);
  /** Index of the call's exit row, -1 until it returned (in the history). */
  exitRow = new Int32Array(64);
  // Exit rows (history).
  exitRows = 0;
  exitCall = new Uint32Array(64);
  /** Returned pointer (dealloc/free: 0). */
  result = new Float64Array(64);
  exitStep = new Float64Array(64);
  exitTimestamp = new Uint32Array(64);
  private open: OpenCall[] = [];
  private readonly returnHooks = new Map<number, (m: Interpreter) => boolean>();

  constructor(private readonly machine: Interpreter) {
    for (const [address, names] of allocatorEntryPoints(machine.program)) {
      let label = this.labels.indexOf(names.join('|'));
      if (label < 0) label = this.labels.push(names.join('|')) - 1;
      machine.addHook(address, () => {
        this.enter(names, label);
        return false;
      });
    }
  }

  private reg(r: number): number {
    return readRegister(this.machine.memory, r);
  }

  private diverged(what: string): never {
    throw new EngineError(
      'internal',
      `replay diverged from the recording (${what} of allocator call ${this.count})`,
    );
  }

  /** Argument decoding: guest/alloc/allocCalls.ts, as in observe and orthotope modes. */
  private enter(names: AllocFunction[], label: number): void {
    const m = this.machine;
    const kind = names[0];
    const { size, align, ptr } = readAllocArgs(m.memory, kind);
    const i = this.count++;
    if (i < this.entryRows) {
      if (this.entryStep[i] !== m.instret || this.fn[i] !== label || this.size[i] !== size)
        this.diverged('entry');
    } else {
      const n = i + 1;
      this.fn = grow(this.fn, n, (k) => new Uint8Array(k));
      this.size = grow(this.size, n, (k) => new Float64Array(k));
      this.align = grow(this.align, n, (k) => new Uint32Array(k));
      this.ptr = grow(this.ptr, n, (k) => new Uint32Array(k));
      this.callerPc = grow(this.callerPc, n, (k) => new Uint32Array(k));
      this.entryStep = grow(this.entryStep, n, (k) => new Float64Array(k));
      this.entryTimestamp = grow(this.entryTimestamp, n, (k) => new Uint32Array(k));
      this.depth = grow(this.depth, n, (k) => new Uint32Array(k));
      this.exitRow = grow(this.exitRow, n, (k) => new Int32Array(k));
      [this.fn[i], this.size[i], this.align[i], this.ptr[i]] = [label, size, align, ptr];
      this.callerPc[i] = (this.reg(RA) - 4) >>> 0;
      this.entryStep[i] = m.instret;
      this.entryTimestamp[i] = m.memory.timestamp;
      this.depth[i] = this.open.length;
      this.exitRow[i] = -1;
      this.entryRows = n;
    }
    if (this.open.length === 0) {
      if (isFree(kind)) this.frees++;
      else this.allocations++;
    }
    this.open.push({ index: i, ra: this.reg(RA), sp: this.reg(SP) });
    this.installReturnHook(this.reg(RA));
  }

  private leave(call: OpenCall): void {
    const m = this.machine;
    const e = this.exits++;
    if (e < this.exitRows) {
      if (this.exitCall[e] !== call.index || this.exitStep[e] !== m.instret) this.diverged('return');
      return;
    }
    const n = e + 1;
    this.exitCall = grow(this.exitCall, n, (k) => new Uint32Array(k));
    this.result = grow(this.result, n, (k) => new Float64Array(k));
    this.exitStep = grow(this.exitStep, n, (k) => new Float64Array(k));
    this.exitTimestamp = grow(this.exitTimestamp, n, (k) => new Uint32Array(k));
    this.exitCall[e] = call.index;
    this.result[e] = isFree(allocKind(this.labels[this.fn[call.index]])) ? 0 : this.reg(A0);
    this.exitStep[e] = m.instret;
    this.exitTimestamp[e] = m.memory.timestamp;
    this.exitRow[call.index] = e;
    this.exitRows = n;
  }

  private installReturnHook(ra: number): void {
    if (this.returnHooks.has(ra)) return;
    const handler = (m: Interpreter): boolean => {
      const sp = this.reg(SP);
      for (let k = this.open.length - 1; k >= 0; k--) {
        const call = this.open[k];
        if (call.ra !== m.pc || call.sp !== sp) continue;
        this.open.splice(k, 1);
        this.leave(call);
        break;
      }
      if (!this.open.some((c) => c.ra === m.pc)) {
        this.returnHooks.delete(m.pc);
        m.removeHook(m.pc, handler);
      }
      return false;
    };
    this.returnHooks.set(ra, handler);
    this.machine.addHook(ra, handler);
  }

  /** The exit row of call i at the current state, or -1 while it has not returned. */
  exitOf(i: number): number {
    const e = this.exitRow[i];
    return e >= 0 && e < this.exits ? e : -1;
  }

  snapshot(): AllocCallsSnapshot {
    return {
      count: this.count,
      exits: this.exits,
      open: this.open.slice(),
      allocations: this.allocations,
      frees: this.frees,
    };
  }

  restore(s: AllocCallsSnapshot): void {
    for (const [pc, handler] of this.returnHooks) this.machine.removeHook(pc, handler);
    this.returnHooks.clear();
    this.count = s.count;
    this.exits = s.exits;
    this.allocations = s.allocations;
    this.frees = s.frees;
    this.open = s.open.slice();
    for (const call of this.open) this.installReturnHook(call.ra);
  }

  hash(h: Hasher): void {
    h.u32(this.count);
    h.u32(this.exits);
    h.num(this.allocations);
    h.num(this.frees);
    for (let i = 0; i < this.count; i++) {
      h.u32(this.fn[i]);
      h.float(this.size[i]);
      h.u32(this.ptr[i]);
      h.float(this.entryStep[i]);
      const e = this.exitOf(i);
      h.float(e < 0 ? -1 : this.result[e]);
      h.float(e < 0 ? -1 : this.exitStep[e]);
    }
    h.u32(this.open.length);
    for (const c of this.open) {
      h.u32(c.index);
      h.u32(c.ra);
      h.u32(c.sp);
    }
  }

  /** Bytes of the history columns (for the memory figures). */
  get byteLength(): number {
    return this.fn.length * 46 + this.exitCall.length * 24;
  }
}
