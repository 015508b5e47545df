// A .alloc trace as a timeline machine: one step per directive (alloc, free, free_sized, free_forged,
// free_offset, stats), run by scripts/allocTraceRunner.ts's `runDirective` against the orthotope 0.1.7
// model. Timeline axis of .alloc runs: the timestamp IS the step index (directives applied so far), so
// seek(t) and seekStep(t) agree; there is no traced memory.
// State: the allocator's (Allocator.snapshot(): arena bytes copy-on-write, cursor, central pool, large
// path, caches, counters) plus the trace's ID bindings. The event log only holds the rows of the latest
// run() call unless `keepEvents` is set: views re-execute the window they show.
// Invariants: a malformed line ends the run after the directives before it, with the parse error; an
// allocator error (double free, OOM, ...) is a result, counted in the `errors` density, never a run error.

import { type Allocator, createAllocator, type UserPtr } from '../../alloc/orthotope/allocator';
import type { AllocatorSnapshot } from '../../alloc/orthotope/allocatorState';
import { formatErrorForLog } from '../../alloc/orthotope/errors';
import { AllocEventLog } from '../../alloc/orthotope/events';
import { NUM_CLASSES } from '../../alloc/orthotope/sizeClasses';
import { EngineError, toErrorInfo } from '../../errors';
import type { AllocTrace } from '../../scripts/allocTrace';
import { runDirective } from '../../scripts/allocTraceRunner';
import { hashAllocator } from './allocatorHash';
import { CountingArenaBytes } from './countingArenaBytes';
import type { Hasher } from './hasher';
import type { Machine, MachineEnd, MachineState } from './machine';

export interface AllocState extends MachineState {
  readonly allocator: AllocatorSnapshot;
  readonly bound: ReadonlyMap<string, UserPtr>;
  /** Arena pages written since the previous capture (each one a page copy the checkpoint keeps). */
  readonly pagesWritten: number;
}

export class AllocMachine implements Machine<AllocState> {
  readonly memory = null;
  readonly allocator: Allocator;
  readonly events = new AllocEventLog(256);
  step = 0;
  /** The log text of the last directive run (for the CLI). */
  lastOutput = '';
  /** Views set this to read the events of the steps they run; otherwise each run() starts a new log. */
  keepEvents = false;
  private bound = new Map<string, UserPtr>();
  private readonly bytes: CountingArenaBytes;

  /** Throws EngineError('allocator') when the trace's config is rejected (`init -> err ...`). */
  constructor(readonly trace: AllocTrace) {
    this.bytes = new CountingArenaBytes(trace.config.arenaSize);
    const created = createAllocator(trace.config, { events: this.events, bytes: this.bytes });
    if (!created.ok) throw new EngineError('allocator', `init -> err ${formatErrorForLog(created.error)}`);
    this.allocator = created.allocator;
  }

  get timestamp(): number {
    return this.step;
  }

  /** The 1-based line of directive `step` (the next to run), or 0 past the last. */
  lineAt(step: number): number {
    const d = this.trace.directives[step];
    return d === undefined ? 0 : d.line;
  }

  run(n: number): MachineEnd | null {
    const ds = this.trace.directives;
    if (!this.keepEvents) this.events.truncate(0);
    const end = Math.min(ds.length, this.step + n);
    for (let i = this.step; i < end; i++) {
      try {
        this.lastOutput = runDirective(this.allocator, this.bound, ds[i]);
      } catch (e) {
        const error = toErrorInfo(e);
        error.location.line = ds[i].line;
        return { status: 'error', error, partial: true };
      }
      this.step = i + 1;
    }
    if (this.step < ds.length) return null;
    const parse = this.trace.error;
    if (parse !== null) {
      const error = toErrorInfo(new EngineError('script', parse.message, { line: parse.location.line }));
      return { status: 'error', error, partial: false };
    }
    return { status: 'done' };
  }

  capture(): AllocState {
    const pagesWritten = this.bytes.pagesWrittenSinceClone;
    return {
      step: this.step,
      timestamp: this.step,
      allocator: this.allocator.snapshot(),
      bound: new Map(this.bound),
      pagesWritten,
    };
  }

  restore(state: AllocState): void {
    this.allocator.restore(state.allocator);
    this.bound = new Map(state.bound);
    this.step = state.step;
  }

  /** An estimate: page copies made since the previous capture, the page table and the small structures. */
  stateBytes(state: AllocState): number {
    const s = state.allocator.state;
    let bytes = 4096 * state.pagesWritten + 8 * Math.ceil(this.trace.config.arenaSize / 4096) + 256;
    for (const cache of s.caches.values())
      for (const k of cache.classes) bytes += 96 + 40 * k.slabCount + 8 * k.available.length;
    bytes += 64 * s.large.live.size + 16 * s.large.freeBlocks + 64 * state.bound.size;
    return bytes;
  }

  counters(out: Float64Array): void {
    const k = this.allocator.state.counters;
    let allocs = k.largeAllocs;
    let frees = k.largeFrees;
    for (let c = 0; c < NUM_CLASSES; c++) {
      allocs += k.allocs[c];
      frees += k.frees[c];
    }
    let errors = 0;
    for (const v of Object.values(k.errors)) errors += v;
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
    out[3] = allocs;
    out[4] = frees;
    out[5] = errors;
  }

  hash(h: Hasher): void {
    h.str('alloc');
    h.num(this.step);
    hashAllocator(this.allocator, h);
    const ids = [...this.bound.keys()].sort();
    h.u32(ids.length);
    for (const id of ids) {
      h.str(id);
      h.num(this.bound.get(id) as number);
    }
  }

  stepAtTimestamp(t: number): number {
    return Math.max(0, Math.min(Math.floor(t), this.trace.directives.length));
  }
}
