// Probes: what a run-until search watches for while the timeline executes. A probe attaches to the
// machine (TracingMemory's onAccess hook, or interpreter breakpoint hooks that never redirect), notes a
// hit without stopping anything, and the search then seeks to the hit's step (the overshoot is replayed
// away). Mode 'first' keeps the earliest hit (forward runs), 'last' the latest (reverse runs).
// Invariant: an installed probe changes nothing the machine computes; uninstall() always detaches it.

import type { Interpreter } from '../../guest/isa/executor';
import type { TracingMemory } from '../../memory/tracingMemory';

/** Where a probe fired: a step (breakpoints: the state before the instruction) or an access. */
export interface ProbeHit {
  kind: 'breakpoint' | 'access';
  /** Breakpoints: the step about to execute the instruction. */
  step?: number;
  pc?: number;
  /** Accesses: the access's timestamp and what it touched. */
  timestamp?: number;
  addressSpace?: number;
  pointer?: number;
  size?: number;
  write?: boolean;
}

export interface Probe {
  install(mode: 'first' | 'last'): void;
  uninstall(): void;
  readonly hit: ProbeHit | null;
}

/** A watched range: cells [addr, addr + len) of one address space: any access, only writes or only reads. */
export interface WatchRange {
  addressSpace: number;
  addr: number;
  len: number;
  writesOnly: boolean;
  /** Only reads (gdb's rwatch); never together with writesOnly. */
  readsOnly?: boolean;
}

/** True when the access (as, ptr, size, isWrite) is one the range watches. */
export function watches(r: WatchRange, as: number, ptr: number, size: number, isWrite: boolean): boolean {
  return (
    as === r.addressSpace &&
    ptr < r.addr + r.len &&
    ptr + size > r.addr &&
    !(r.writesOnly && !isWrite) &&
    !(r.readsOnly === true && isWrite)
  );
}

/** Accesses overlapping any of the watched ranges (TracingMemory's single onAccess hook). */
export class AccessProbe implements Probe {
  hit: ProbeHit | null = null;

  /** `offset`: global - segment-local timestamp (segmented runs; the hook reports the local one). */
  constructor(
    private readonly memory: TracingMemory,
    readonly ranges: readonly WatchRange[],
    private readonly offset: () => number = () => 0,
  ) {}

  install(mode: 'first' | 'last'): void {
    this.hit = null;
    const ranges = this.ranges;
    this.memory.onAccess = (as, ptr, size, isWrite, t) => {
      if (mode === 'first' && this.hit !== null) return;
      for (const r of ranges) {
        if (!watches(r, as, ptr, size, isWrite)) continue;
        const timestamp = t + this.offset();
        this.hit = { kind: 'access', timestamp, addressSpace: as, pointer: ptr, size, write: isWrite };
        return;
      }
    };
  }

  uninstall(): void {
    this.memory.onAccess = null;
  }
}

/**
 * Guest breakpoints: the instruction at one of `pcs` is about to execute (optionally only when the stack
 * pointer equals `sp`: the return of a call being stepped over).
 */
export class PcProbe implements Probe {
  hit: ProbeHit | null = null;
  private readonly handlers = new Map<number, (m: Interpreter) => boolean>();

  constructor(
    private readonly machine: Interpreter,
    readonly pcs: readonly number[],
    readonly sp: number | null = null,
  ) {}

  install(mode: 'first' | 'last'): void {
    this.hit = null;
    for (const pc of new Set(this.pcs)) {
      const handler = (m: Interpreter): boolean => {
        if (this.sp !== null && m.memory.peekWord(1, 8) !== this.sp) return false;
        if (mode === 'first' && this.hit !== null) return false;
        this.hit = { kind: 'breakpoint', step: m.instret, pc: m.pc };
        return false;
      };
      this.handlers.set(pc, handler);
      this.machine.addHook(pc, handler);
    }
  }

  uninstall(): void {
    for (const [pc, handler] of this.handlers) this.machine.removeHook(pc, handler);
    this.handlers.clear();
  }
}

/** Several probes as one; the hit is the earliest ('first') or latest ('last') of theirs. */
export class AnyProbe implements Probe {
  private mode: 'first' | 'last' = 'first';

  constructor(private readonly probes: readonly Probe[]) {}

  install(mode: 'first' | 'last'): void {
    this.mode = mode;
    for (const p of this.probes) p.install(mode);
  }

  uninstall(): void {
    for (const p of this.probes) p.uninstall();
  }

  /** Hits are ordered by `order` (a step for breakpoints, a timestamp-derived step for accesses). */
  pick(order: (hit: ProbeHit) => number): ProbeHit | null {
    let best: ProbeHit | null = null;
    let bestKey = 0;
    for (const p of this.probes) {
      if (p.hit === null) continue;
      const key = order(p.hit);
      if (best === null || (this.mode === 'first' ? key < bestKey : key > bestKey)) {
        best = p.hit;
        bestKey = key;
      }
    }
    return best;
  }

  get hit(): ProbeHit | null {
    for (const p of this.probes) if (p.hit !== null) return p.hit;
    return null;
  }
}
