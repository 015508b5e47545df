// Allocator interposition, observe mode, for a recorded guest run: the calls guest/allocObserver.ts reports
// (`__rust_alloc`, `__rust_dealloc`, `__rust_realloc`, `malloc`, `free`, ...: arguments at entry, result and
// times at the matching return), kept as columns and checkpointable, so the timeline can restore any moment
// and replay it. The hooks read registers untraced and never redirect, so the run's accesses and timestamps
// are exactly those of an unobserved run (the interpreter's hooks only add work at hooked pcs).
// Invariants: a return is matched to its call by return address AND stack pointer (innermost first);
// `open` lists the calls in progress, innermost last; a return hook is installed exactly at the return
// addresses of open calls; rows [0, count) are the calls entered so far, in entry order.

import type { Interpreter } from '../guest/executor';
import { allocatorEntryPoints, type AllocFunction } from '../guest/allocObserver';
import type { Hasher } from './hasher';

const RA = 1;
const SP = 2;
const A0 = 10;

interface OpenCall {
  readonly index: number;
  readonly ra: number;
  readonly sp: number;
}

export interface AllocCallsSnapshot {
  readonly count: number;
  readonly open: readonly OpenCall[];
  readonly allocations: number;
  readonly frees: number;
}

function grow<T extends Float64Array | Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T {
  const b = make(a.length * 2);
  b.set(a);
  return b;
}

export class GuestAllocCalls {
  /** Distinct function labels (`__rust_alloc|__rust_alloc_zeroed`, ...); `fn` indexes this list. */
  readonly labels: string[] = [];
  count = 0;
  fn = new Uint8Array(64);
  size = new Float64Array(64);
  align = new Uint32Array(64);
  ptr = new Uint32Array(64);
  /** Returned pointer, -1 while the call is open (dealloc/free: 0 once returned). */
  result = new Float64Array(64);
  callerPc = new Uint32Array(64);
  entryStep = new Float64Array(64);
  entryTimestamp = new Uint32Array(64);
  /** -1 while open. */
  exitStep = new Float64Array(64);
  exitTimestamp = new Uint32Array(64);
  depth = new Uint32Array(64);
  /** Top-level calls to alloc kinds / free kinds (the timeline's allocation and free densities). */
  allocations = 0;
  frees = 0;
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

  /** True when the program defines at least one allocator entry point. */
  get hooked(): boolean {
    return this.labels.length > 0;
  }

  private reg(r: number): number {
    return this.machine.memory.peekWord(1, 4 * r);
  }

  private reserve(): number {
    if (this.count === this.fn.length) {
      this.fn = grow(this.fn, (n) => new Uint8Array(n));
      this.size = grow(this.size, (n) => new Float64Array(n));
      this.align = grow(this.align, (n) => new Uint32Array(n));
      this.ptr = grow(this.ptr, (n) => new Uint32Array(n));
      this.result = grow(this.result, (n) => new Float64Array(n));
      this.callerPc = grow(this.callerPc, (n) => new Uint32Array(n));
      this.entryStep = grow(this.entryStep, (n) => new Float64Array(n));
      this.entryTimestamp = grow(this.entryTimestamp, (n) => new Uint32Array(n));
      this.exitStep = grow(this.exitStep, (n) => new Float64Array(n));
      this.exitTimestamp = grow(this.exitTimestamp, (n) => new Uint32Array(n));
      this.depth = grow(this.depth, (n) => new Uint32Array(n));
    }
    return this.count++;
  }

  /** Argument decoding as guest/allocObserver.ts does it. */
  private enter(names: AllocFunction[], label: number): void {
    const m = this.machine;
    const [a0, a1, a2, a3] = [this.reg(A0), this.reg(A0 + 1), this.reg(A0 + 2), this.reg(A0 + 3)];
    const kind = names[0];
    let size = 0;
    let align = 0;
    let ptr = 0;
    if (kind === '__rust_alloc' || kind === '__rust_alloc_zeroed') [size, align] = [a0, a1];
    else if (kind === '__rust_dealloc') [ptr, size, align] = [a0, a1, a2];
    else if (kind === '__rust_realloc') [ptr, align, size] = [a0, a2, a3];
    else if (kind === 'malloc') size = a0;
    else if (kind === 'calloc') size = Math.imul(a0, a1) >>> 0;
    else if (kind === 'realloc') [ptr, size] = [a0, a1];
    else ptr = a0;
    const i = this.reserve();
    this.fn[i] = label;
    this.size[i] = size;
    this.align[i] = align;
    this.ptr[i] = ptr;
    this.result[i] = -1;
    this.callerPc[i] = (this.reg(RA) - 4) >>> 0;
    this.entryStep[i] = m.instret;
    this.entryTimestamp[i] = m.memory.timestamp;
    this.exitStep[i] = -1;
    this.exitTimestamp[i] = 0;
    this.depth[i] = this.open.length;
    const freeing = kind === '__rust_dealloc' || kind === 'free';
    if (this.open.length === 0) {
      if (freeing) this.frees++;
      else this.allocations++;
    }
    this.open.push({ index: i, ra: this.reg(RA), sp: this.reg(SP) });
    this.installReturnHook(this.reg(RA));
  }

  private installReturnHook(ra: number): void {
    if (this.returnHooks.has(ra)) return;
    const handler = (m: Interpreter): boolean => {
      const sp = this.reg(SP);
      for (let k = this.open.length - 1; k >= 0; k--) {
        const call = this.open[k];
        if (call.ra !== m.pc || call.sp !== sp) continue;
        const i = call.index;
        const label = this.labels[this.fn[i]];
        this.result[i] = label.includes('dealloc') || label === 'free' ? 0 : this.reg(A0);
        this.exitStep[i] = m.instret;
        this.exitTimestamp[i] = m.memory.timestamp;
        this.open.splice(k, 1);
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

  snapshot(): AllocCallsSnapshot {
    return { count: this.count, open: this.open.slice(), allocations: this.allocations, frees: this.frees };
  }

  restore(s: AllocCallsSnapshot): void {
    for (const [pc, handler] of this.returnHooks) this.machine.removeHook(pc, handler);
    this.returnHooks.clear();
    this.count = s.count;
    this.allocations = s.allocations;
    this.frees = s.frees;
    this.open = s.open.slice();
    for (const call of this.open) {
      this.result[call.index] = -1;
      this.exitStep[call.index] = -1;
      this.exitTimestamp[call.index] = 0;
      this.installReturnHook(call.ra);
    }
  }

  hash(h: Hasher): void {
    h.u32(this.count);
    h.num(this.allocations);
    h.num(this.frees);
    for (let i = 0; i < this.count; i++) {
      h.u32(this.fn[i]);
      h.float(this.size[i]);
      h.u32(this.ptr[i]);
      h.float(this.result[i]);
      h.float(this.exitStep[i]);
    }
    h.u32(this.open.length);
    for (const c of this.open) {
      h.u32(c.index);
      h.u32(c.ra);
      h.u32(c.sp);
    }
  }

  /** Bytes of the columns in use (for the memory figures). */
  get byteLength(): number {
    return this.fn.length * 70;
  }
}
