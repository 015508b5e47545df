// A guest ELF run (guest/guestRun.ts: OpenVM v1.7 preflight on TracingMemory) as a timeline machine: one
// step per executed instruction (instret). Captured state: the whole TracingMemory (registers live in AS1,
// so they come with it), pc, instret, the machine status and exit code, console output, the hint and input
// streams with the VM's StdRng position, and (with allocator interposition) the observed allocator calls
// or, when orthotope serves them, the interposer's cursor and counters and the model's state (its arena
// bytes are AS2 pages, captured with the memory).
// Invariants: finalize is not a step (the run's last step is TERMINATE or the failing instruction's
// predecessor); a failed instruction leaves partial effects, so its end is reported `partial` and the
// timeline restores the last whole step; breakpoint hooks installed by the timeline never redirect.

import type { VmConfig } from '../../guest/config/vmConfig';
import type { AllocatorState } from '../../alloc/orthotope/allocatorState';
import { EngineError, toErrorInfo } from '../../errors';
import { AllocInterposer, type InterposerSnapshot } from '../../guest/alloc/allocInterposer';
import type { Interpreter, MachineStatus } from '../../guest/isa/executor';
import type { GuestProgram } from '../../guest/program/guestProgram';
import { GuestRun } from '../../guest/guestRun';
import type { HintStreamsSnapshot } from '../../guest/io/hintStreams';
import type { GuestInput } from '../../guest/io/input';
import type { MemoryMode } from '../../memory/config';
import {
  captureMemory,
  forEachSnapshotPage,
  type MemorySnapshot,
  restoreMemory,
  snapshotTableBytes,
} from '../../memory/memorySnapshot';
import type { TracingMemory } from '../../memory/tracingMemory';
import { hashAllocator } from './allocatorHash';
import { type AllocCallsSnapshot, GuestAllocCalls } from './guestAllocCalls';
import type { Hasher } from './hasher';
import type { Machine, MachineEnd, MachineState } from './machine';
import { hashMemory } from './memoryHash';
import { startSegmentMemory } from '../../memory/segmentStart';
import { type SegmentBound, SegmentCursor } from './segmentCursor';

export interface GuestState extends MachineState {
  readonly memory: MemorySnapshot;
  readonly pc: number;
  readonly status: MachineStatus;
  readonly exitCode: number | null;
  readonly console: string;
  readonly streams: HintStreamsSnapshot;
  readonly calls: AllocCallsSnapshot | null;
  readonly interposer: InterposerSnapshot | null;
  /** The segment the memory holds (segmented runs; 0 otherwise). */
  readonly segment: number;
}

export interface GuestMachineOptions {
  mode: MemoryMode;
  /** The guest's openvm.toml settings (guest/config/vmConfig.ts). */
  vmConfig?: VmConfig;
  input?: GuestInput;
  /** Observe the guest's allocator entry points (allocation and free densities, the heap view). */
  observeAllocator: boolean;
  /** Serve the guest's allocator entry points with the orthotope model (guest/alloc/allocInterposer.ts) instead. */
  orthotope?: boolean;
  /**
   * Persistent mode: the segments OpenVM's metered pass cuts the run into (metering/segmentPlan.ts). Each one
   * runs on a fresh TracingMemory over the image the previous one left (segmentCursor.ts). Absent or one
   * segment: one TracingMemory for the whole run.
   */
  segments?: readonly SegmentBound[];
}

/**
 * Own bytes of an allocator state in a checkpoint (the AllocMachine.stateBytes estimate without the arena
 * pages, which a guest checkpoint shares as memory pages).
 */
function allocatorStateBytes(s: AllocatorState): number {
  let bytes = 256;
  for (const cache of s.caches.values())
    for (const k of cache.classes) bytes += 96 + 40 * k.slabCount + 8 * k.available.length;
  return bytes + 64 * s.large.live.size + 16 * s.large.freeBlocks;
}

export class GuestMachine implements Machine<GuestState> {
  readonly run_: GuestRun;
  readonly interpreter: Interpreter;
  readonly memory: TracingMemory;
  readonly calls: GuestAllocCalls | null;
  readonly interposer: AllocInterposer | null;
  /** Segmented runs: where the run is in its segments (null: one segment). */
  readonly segments: SegmentCursor | null;

  constructor(
    readonly program: GuestProgram,
    options: GuestMachineOptions,
  ) {
    this.run_ = new GuestRun(program, {
      mode: options.mode,
      vmConfig: options.vmConfig,
      input: options.input,
      keepRecords: false,
    });
    this.interpreter = this.run_.machine;
    this.memory = this.run_.memory;
    // Throws EngineError('allocator') when there is no room for the arena above the heap start.
    this.interposer = options.orthotope === true ? new AllocInterposer(this.interpreter) : null;
    // Observing a served call would see an entry with no return (the call never runs): one or the other.
    if (options.observeAllocator && this.interposer !== null)
      throw new EngineError('request', 'allocator interposition is either observe or orthotope, not both');
    this.calls = options.observeAllocator ? new GuestAllocCalls(this.interpreter) : null;
    const bounds = options.segments;
    if (bounds !== undefined && bounds.length > 1 && this.run_.mode !== 'persistent')
      throw new EngineError('request', 'segments need continuations (persistent mode)');
    this.segments = bounds !== undefined && bounds.length > 1 ? new SegmentCursor(bounds) : null;
  }

  get step(): number {
    return this.interpreter.instret;
  }

  /** The global timestamp (segmentCursor.ts): the segment's own timestamp shifted by the segments before. */
  get timestamp(): number {
    const c = this.segments;
    return c === null ? this.memory.timestamp : c.bases[c.segment] + this.memory.timestamp - 1;
  }

  /** The step at which the current segment's memory began (0: the first segment, or one-segment runs). */
  get segmentStart(): number {
    const c = this.segments;
    return c === null ? 0 : c.starts[c.segment];
  }

  /** Global timestamp - the current segment's TracingMemory timestamp (0 for one-segment runs). */
  get timestampOffset(): number {
    const c = this.segments;
    return c === null ? 0 : c.bases[c.segment] - 1;
  }

  get mode(): MemoryMode {
    return this.run_.mode;
  }

  private end(): MachineEnd | null {
    const m = this.interpreter;
    if (m.status === 'terminated') return { status: 'done' };
    if (m.status === 'failed') {
      return { status: 'error', error: toErrorInfo(m.error), partial: true };
    }
    return null;
  }

  run(n: number): MachineEnd | null {
    const ended = this.end();
    if (ended !== null || n <= 0) return ended;
    const c = this.segments;
    if (c === null) {
      this.interpreter.run(n);
      return this.end();
    }
    // Segmented: stop at each cut; the hand-over happens when the next segment's first instruction runs.
    const m = this.interpreter;
    let left = n;
    while (left > 0 && m.status !== 'terminated' && m.status !== 'failed') {
      if (m.instret === c.nextStart()) this.nextSegment(c);
      const before = m.instret;
      m.run(Math.min(left, c.nextStart() - before));
      if (m.instret === before) break;
      left -= m.instret - before;
    }
    return this.end();
  }

  /**
   * The hand-over at a cut: segment s has run its instructions; OpenVM finalizes it and preflights s+1 on a
   * fresh TracingMemory::from_image (memory/segmentStart.ts). The metered pass said where s ends; a
   * different timestamp here would mean the two disagree about the run.
   */
  private nextSegment(c: SegmentCursor): void {
    const s = c.segment;
    if (!c.learnEnd(s, this.memory.timestamp))
      throw new EngineError(
        'internal',
        `segment ${s} ends at timestamp ${this.memory.timestamp}, the metered pass said ${c.ends[s]}`,
      );
    c.splitBase[s + 1] = c.splitBase[s] + this.memory.records.splits;
    c.mergeBase[s + 1] = c.mergeBase[s] + this.memory.records.merges;
    startSegmentMemory(this.memory);
    c.segment = s + 1;
  }

  capture(): GuestState {
    const m = this.interpreter;
    return {
      step: m.instret,
      timestamp: this.memory.timestamp,
      memory: captureMemory(this.memory),
      pc: m.pc,
      status: m.status,
      exitCode: m.exitCode,
      console: m.console,
      streams: this.run_.streams.snapshot(),
      calls: this.calls === null ? null : this.calls.snapshot(),
      interposer: this.interposer === null ? null : this.interposer.snapshot(),
      segment: this.segments === null ? 0 : this.segments.segment,
    };
  }

  restore(state: GuestState): void {
    restoreMemory(this.memory, state.memory);
    const m = this.interpreter;
    m.pc = state.pc;
    m.instret = state.step;
    m.status = state.status;
    m.exitCode = state.exitCode;
    m.error = null;
    m.console = state.console;
    this.run_.streams.restore(state.streams);
    if (this.calls !== null && state.calls !== null) this.calls.restore(state.calls);
    if (this.interposer !== null && state.interposer !== null) this.interposer.restore(state.interposer);
    if (this.segments !== null) this.segments.segment = state.segment;
  }

  stateBytes(state: GuestState, visitShared: (page: object, bytes: number) => void): number {
    forEachSnapshotPage(state.memory, visitShared);
    const open = state.calls === null ? 0 : 24 * state.calls.open.length;
    const model = state.interposer === null ? 0 : 64 + allocatorStateBytes(state.interposer.allocator.state);
    return snapshotTableBytes(state.memory) + 2 * state.console.length + 160 + open + model;
  }

  counters(out: Float64Array): void {
    const m = this.memory;
    out[0] = m.accesses;
    const c = this.segments;
    out[1] = m.records.splits + (c === null ? 0 : c.splitBase[c.segment]);
    out[2] = m.records.merges + (c === null ? 0 : c.mergeBase[c.segment]);
    const calls = this.calls ?? this.interposer;
    out[3] = calls === null ? 0 : calls.allocations;
    out[4] = calls === null ? 0 : calls.frees;
    out[5] = 0;
  }

  hash(h: Hasher): void {
    const m = this.interpreter;
    h.str('guest');
    // Segment 0 hashes as a one-segment run does (state hashes of one-segment runs are unchanged).
    if (this.segments !== null && this.segments.segment > 0) h.num(this.segments.segment);
    h.num(m.instret);
    h.u32(m.pc);
    h.str(m.status === 'ready' ? 'paused' : m.status);
    h.float(m.exitCode ?? -1);
    h.str(m.console);
    const s = this.run_.streams.snapshot();
    h.u32(s.input.length - s.inputHead);
    for (let i = s.inputHead; i < s.input.length; i++) h.words(s.input[i]);
    h.words(s.hint, s.hintPos, s.hint.length);
    h.num(s.rng.counter);
    h.u32(s.rng.index);
    if (this.calls !== null) this.calls.hash(h);
    if (this.interposer !== null) this.hashInterposer(this.interposer, h);
    hashMemory(this.memory, h);
  }

  private hashInterposer(p: AllocInterposer, h: Hasher): void {
    h.str('orthotope');
    h.u32(p.count);
    h.num(p.allocations);
    h.num(p.frees);
    h.num(p.arena.writes);
    for (const c of p.calls) {
      h.str(c.function);
      h.float(c.size);
      h.float(c.align);
      h.u32(c.ptr);
      h.float(c.result ?? -1);
      h.float(c.entryInstret);
      h.float(c.exitTimestamp ?? -1);
    }
    // The arena bytes are AS2 memory, hashed with it.
    hashAllocator(p.allocator, h, false);
  }
}
