// One object that owns a run and travels in its time: a guest ELF (with input), a .mtrace script or a .alloc
// trace, recorded as it advances (timeline/recording/timeline.ts: checkpoints + deterministic replay) so that any
// step or timestamp can be revisited, in either direction, bit for bit.
// Timeline axis: guest and .mtrace runs use TracingMemory's timestamp (a guest instruction covers several
// timestamps; seek(t) lands on the last step whose state has timestamp <= t, i.e. just before the step that
// performs the access at t); .alloc runs use the directive index as their timestamp (timestamp = step).
// Synchronous and deterministic, no DOM or Node APIs; every result is plain structured-clone-safe data
// with typed arrays for bulk data, ready for the worker (src/worker) to post.
// Invariants: a bad request throws EngineError('request') and leaves the position where it was; an error
// inside the run ends the run at its last good step, with the error recorded (nothing recorded is lost);
// queries that re-execute (windows, densities, history) return to the position they started from.

import { EngineError, type ErrorInfo } from './errors';
import { paddedAdapterHeight } from './memory/adapterCost';
import { type AllocatorView, observedHeapView, orthotopeView } from './timeline/queries/allocatorView';
import { type AccessList, blockHistory, latestAccess } from './timeline/queries/blockHistory';
import { type Densities, densities } from './timeline/queries/densities';
import { Hasher } from './timeline/machines/hasher';
import type { MachineState } from './timeline/machines/machine';
import { memoryRange, type MemoryRangeView } from './timeline/queries/memoryView';
import { type OpenedRun, openRun, type SegmentPlanner } from './timeline/openRun';
import { merkleRowsOf, planCuts } from './metering/segmentPlan';
import { type SegmentFinalizeView, segmentFinalize, segmentationInfo } from './timeline/segmentTime';
import { checkRange, runSession, stepOver } from './timeline/runControl';
import { reverseStepOver, stepOut } from './timeline/callMoves';
import { type AccessHistoryPage, accessHistoryPage } from './timeline/queries/accessHistory';
import { sessionCallStack, type SourceMove, stepSource } from './timeline/sourceStepping';
import type { StackFrame } from './guest/debuginfo/dwarf/callStack';
import type {
  AdapterRowsView,
  Breakpoint,
  MemoryStats,
  Position,
  RunOptions,
  SessionInfo,
  SessionKind,
  SegmentationInfo,
  SessionOptions,
  StopResult,
  Watchpoint,
} from './timeline/sessionTypes';
import { Timeline } from './timeline/recording/timeline';
import type { TimeAddress } from './timeline/timeAddress';
import { collectWindow, type WindowView } from './timeline/queries/windowQuery';

export type * from './timeline/sessionTypes';

const bad = (message: string) => new EngineError('request', message);
const MAX_VIEW_CELLS = 1 << 20;

/** The session's cuts: the fast metered pass (metering/segmentPlan.ts planCuts), passed down to openRun. */
const planner: SegmentPlanner = (program, o) =>
  planCuts(program, {
    input: o.input,
    vmConfig: o.vmConfig,
    settings: o.settings,
    maxInstret: o.maxInstret,
  });

export class Session {
  readonly kind: SessionKind;
  private readonly timeline: Timeline<MachineState>;

  private constructor(private readonly run_: OpenedRun) {
    this.kind = run_.kind;
    this.timeline = new Timeline<MachineState>(run_.machine, run_.options);
  }

  /** Loads a run (nothing executes yet). Throws EngineError on unusable input or options. */
  static open(kind: SessionKind, bytes: Uint8Array, options: SessionOptions = {}): Session {
    return new Session(openRun(kind, bytes, options, planner));
  }

  /** The loaded run (program, machine) — read-only access for view builders (src/engine/views). */
  get opened(): OpenedRun {
    return this.run_;
  }

  // ---------- position ----------

  position(): Position {
    const tl = this.timeline;
    const step = tl.step;
    const end = tl.end;
    const r = this.run_;
    let line: number | null = null;
    if (r.kind !== 'guest') {
      const l = r.machine.lineAt(step);
      line = l === 0 ? null : l;
    }
    const timestamp = tl.machine.timestamp;
    const c = r.kind === 'guest' ? r.machine.segments : null;
    return {
      step,
      timestamp,
      segment: c === null ? 0 : c.segment,
      segmentTimestamp: r.kind === 'guest' && c !== null ? r.machine.memory.timestamp : timestamp,
      pc: r.kind === 'guest' ? r.machine.interpreter.pc : null,
      line,
      status: end !== null && step === end.step ? end.status : 'paused',
    };
  }

  info(): SessionInfo {
    const tl = this.timeline;
    const r = this.run_;
    return {
      kind: this.kind,
      extensions: r.kind === 'guest' ? r.machine.program.decoded.extensions.map((e) => ({ ...e })) : [],
      head: { step: tl.head, timestamp: tl.headTimestamp },
      end: tl.end === null ? null : { ...tl.end },
      error: this.error(),
      memory: this.memoryStats(),
      segmentation: this.segmentation(),
    };
  }

  /** The run's segments (guests in persistent mode: OpenVM's cuts; otherwise one). */
  segmentation(): SegmentationInfo {
    const r = this.run_;
    const end = this.timeline.end;
    if (r.kind !== 'guest')
      return {
        ...segmentationInfo(
          {
            segmentation: {
              kind: 'one',
              reason: 'scripts run as one segment',
              maxTraceHeight: null,
              maxCells: null,
            },
          },
          null,
          end,
        ),
      };
    return segmentationInfo(r, r.machine.segments, end);
  }

  /** Global timestamp of (segment, its own timestamp): a request error names the valid range. */
  globalTimestamp(segment: number, timestamp: number): number {
    const r = this.run_;
    const c = r.kind === 'guest' ? r.machine.segments : null;
    if (c !== null) return c.join(segment, timestamp);
    if (segment !== 0) throw bad(`no segment ${segment}: the run is one segment (0)`);
    return this.count(timestamp, 'timestamp');
  }

  /** Goes to (segment, its own timestamp): the last state whose timestamp there is <= it. */
  seekSegment(segment: number, timestamp: number): Position {
    return this.guarded(() => {
      // The fast metered pass gives only the cuts: a segment's place on the global axis is learnt when
      // the recording hands over into it (SegmentCursor.learnEnd), so record up to its first instruction.
      const c = this.run_.kind === 'guest' ? this.run_.machine.segments : null;
      if (c !== null && segment >= 0 && segment < c.count && c.bases[segment] === Infinity)
        this.timeline.seekStep(c.starts[segment] + 1);
      return this.seek(this.globalTimestamp(segment, timestamp));
    });
  }

  /** Goes to a time address (timeAddress.ts): a global timestamp, (segment, its timestamp) or a step. */
  seekAddress(a: TimeAddress): Position {
    if (a.kind === 'step') return this.seekStep(a.step);
    if (a.kind === 'segment') return this.seekSegment(a.segment, a.timestamp);
    return this.seek(a.timestamp);
  }

  /** finalize(true) at a segment's end (persistent guests): its adapter rows and boundary rows. */
  segmentFinalize(segment: number): SegmentFinalizeView {
    const r = this.run_;
    if (r.kind !== 'guest') throw bad('only guest runs are finalized per segment');
    const view = this.guarded(() => segmentFinalize(this.timeline, r.machine, segment));
    view.merkleRows = merkleRowsOf(view.touchedSpace, view.touchedPointer);
    return view;
  }

  /** The run's error, once it has ended with one. */
  error(): ErrorInfo | null {
    const e = this.timeline.end?.error;
    return e === undefined ? null : { ...e, location: { ...e.location } };
  }

  /** Any failure of a request leaves the position where it was. */
  private guarded<T>(fn: () => T): T {
    const before = this.timeline.step;
    try {
      return fn();
    } catch (e) {
      if (this.timeline.step !== before) this.timeline.seekStep(before);
      throw e;
    }
  }

  private count(n: number, what: string): number {
    if (!Number.isSafeInteger(n) || n < 0) throw bad(`${what} must be a non-negative integer, got ${n}`);
    return n;
  }

  // ---------- movement ----------

  /** Executes `count` steps (instructions or directives), fewer at the end of the run. */
  step(count = 1): Position {
    this.timeline.forward(this.count(count, 'count'));
    return this.position();
  }

  stepBack(count = 1): Position {
    this.timeline.seekStep(Math.max(0, this.timeline.step - this.count(count, 'count')));
    return this.position();
  }

  /** Guest: over a call (to its return, same stack pointer); otherwise one step. */
  stepOver(): Position {
    stepOver(this.run_, this.timeline);
    return this.position();
  }

  /** Guests: out of the current call, forward to its return or backward to the call (gdb's finish / reverse-finish). */
  stepOut(direction: 'forward' | 'backward' = 'forward'): Position {
    this.guarded(() => stepOut(this.run_, this.timeline, direction));
    return this.position();
  }

  /** One instruction back, over a whole call when that instruction was a callee's return (reverse-nexti). */
  reverseStepOver(): Position {
    this.guarded(() => reverseStepOver(this.run_, this.timeline));
    return this.position();
  }

  /**
   * Guests with DWARF line information: move by source line — 'into' (Step), 'over' (Step over: calls run
   * to their return), 'back' (to the start of the previous line). Without line info: one instruction.
   */
  stepSource(how: SourceMove): Position {
    this.guarded(() => stepSource(this, how));
    return this.position();
  }

  /** Guests: the call stack (innermost first, inlined calls as frames; [] for scripts). */
  callStack(): StackFrame[] {
    return sessionCallStack(this);
  }

  /** Runs forward (or backward) until a breakpoint, a watchpoint, the step budget or the end. */
  run(options: RunOptions = {}): StopResult {
    return this.guarded(() => {
      const outcome = runSession(this.run_, this.timeline, options);
      const stop: StopResult = { reason: outcome.reason, position: this.position() };
      if (outcome.result?.hit !== undefined) stop.hit = { ...outcome.result.hit };
      if (outcome.matched !== undefined) stop.matched = outcome.matched;
      return stop;
    });
  }

  /** The engine is synchronous: runs stop by their step budget; pause just reports where the run is. */
  pause(): Position {
    return this.position();
  }

  runToBreakpoint(bp: Breakpoint, direction: 'forward' | 'backward' = 'forward'): StopResult {
    return this.run({ breakpoints: [bp], direction });
  }

  runToWatchpoint(wp: Watchpoint, direction: 'forward' | 'backward' = 'forward'): StopResult {
    return this.run({ watchpoints: [wp], direction });
  }

  /** "Who touched this?": the next or previous access (or only write) to any cell of the range. */
  runToAccess(
    addressSpace: number,
    addr: number,
    len: number,
    which: 'next' | 'previous',
    writesOnly = false,
  ): StopResult {
    if (which === 'next') return this.runToWatchpoint({ addressSpace, addr, len, writesOnly });
    if (writesOnly) return this.runToWatchpoint({ addressSpace, addr, len, writesOnly }, 'backward');
    return this.guarded(() => {
      checkRange(this.run_, addressSpace, addr, len);
      const memory = this.run_.machine.memory;
      const before = this.timeline.step;
      const t = memory === null ? 0 : latestAccess(this.timeline, memory, addressSpace, addr, len);
      if (t === 0) {
        if (this.timeline.step !== before) this.timeline.seekStep(before);
        return { reason: 'none', position: this.position() };
      }
      this.timeline.seekTimestamp(t);
      const w = this.window(t, t);
      const k = Array.from(w.accesses.timestamp).indexOf(t);
      const a = w.accesses;
      const hit = {
        kind: 'access' as const,
        timestamp: t,
        addressSpace: a.addressSpace[k],
        pointer: a.pointer[k],
        size: a.size[k],
        write: a.write[k] === 1,
      };
      return { reason: 'watchpoint', position: this.position(), hit };
    });
  }

  runToTimestamp(timestamp: number): Position {
    return this.seek(timestamp);
  }

  runToEnd(): StopResult {
    return this.run({});
  }

  /** Goes to the last state whose timestamp is <= `timestamp` (recording forward if needed). */
  seek(timestamp: number): Position {
    return this.guarded(() => {
      this.count(timestamp, 'timestamp');
      const tl = this.timeline;
      if (tl.end !== null && timestamp > tl.end.timestamp)
        throw bad(`seek past the end: the run ends at timestamp ${tl.end.timestamp}`);
      tl.seekTimestamp(timestamp);
      if (tl.end !== null && timestamp > tl.end.timestamp)
        throw bad(`seek past the end: the run ends at timestamp ${tl.end.timestamp}`);
      return this.position();
    });
  }

  seekStep(step: number): Position {
    return this.guarded(() => {
      this.count(step, 'step');
      const tl = this.timeline;
      if (tl.end !== null && step > tl.end.step)
        throw bad(`seek past the end: the run ends at step ${tl.end.step}`);
      if (!tl.seekStep(step)) throw bad(`seek past the end: the run ends at step ${tl.lastStep}`);
      return this.position();
    });
  }

  // ---------- queries ----------

  /** Cell values and decoded block metadata of [addr, addr + len) at the current position. */
  memory(addressSpace: number, addr: number, len: number): MemoryRangeView {
    checkRange(this.run_, addressSpace, addr, len);
    if (len > MAX_VIEW_CELLS) throw bad(`at most ${MAX_VIEW_CELLS} cells per view, got ${len}`);
    return memoryRange(
      this.run_.machine.memory as NonNullable<typeof this.run_.machine.memory>,
      addressSpace,
      addr,
      len,
    );
  }

  /** Guest registers x0..x31 (AS1, read untraced). */
  registers(): Uint32Array {
    const r = this.run_;
    if (r.kind !== 'guest') throw bad('only guest runs have registers');
    return r.machine.run_.registers();
  }

  /** Accesses with timestamps in [t0, t1] and their adapter records (.alloc: the directives' events). */
  window(t0: number, t1: number, limit = 65_536): WindowView {
    this.checkSpan(t0, t1);
    const r = this.run_;
    const events =
      r.kind === 'alloc'
        ? { log: r.machine.events, keep: (on: boolean) => (r.machine.keepEvents = on) }
        : undefined;
    return this.guarded(() =>
      collectWindow(
        this.timeline,
        {
          memory: r.machine.memory,
          events,
          pc: r.kind === 'guest' ? () => r.machine.interpreter.pc : undefined,
        },
        t0,
        t1,
        this.count(limit, 'limit'),
      ),
    );
  }

  densities(t0: number, t1: number, buckets: number): Densities {
    this.checkSpan(t0, t1);
    if (!Number.isSafeInteger(buckets) || buckets < 1 || buckets > 1 << 20)
      throw bad(`bad bucket count ${buckets}`);
    if (t1 <= t0) throw bad('densities need t0 < t1');
    return this.guarded(() => densities(this.timeline, this.run_.machine.memory, t0, t1, buckets));
  }

  private checkSpan(t0: number, t1: number): void {
    this.count(t0, 't0');
    this.count(t1, 't1');
    if (t1 < t0) throw bad(`empty time window ${t0}..${t1}`);
  }

  /** The last `limit` accesses to the range before the current position, oldest first. */
  blockHistory(addressSpace: number, addr: number, len: number, limit = 64): AccessList {
    checkRange(this.run_, addressSpace, addr, len);
    const memory = this.run_.machine.memory as NonNullable<typeof this.run_.machine.memory>;
    return this.guarded(() =>
      blockHistory(this.timeline, memory, addressSpace, addr, len, this.count(limit, 'limit')),
    );
  }

  /**
   * The block's accesses before the current position (or before timestamp `before`: the next older page),
   * the latest `limit`, each with its instruction's pc and function (guests).
   */
  accessHistory(
    addressSpace: number,
    addr: number,
    len: number,
    limit = 32,
    before?: number,
  ): AccessHistoryPage {
    checkRange(this.run_, addressSpace, addr, len);
    if (before !== undefined) this.count(before, 'before');
    const r = this.run_;
    const memory = r.machine.memory as NonNullable<typeof r.machine.memory>;
    const sources =
      r.kind === 'guest'
        ? {
            pc: () => r.machine.interpreter.pc,
            functionAt: (pc: number) => r.machine.program.symbols.functionAt(pc)?.symbol.displayName,
          }
        : {};
    return this.guarded(() =>
      accessHistoryPage(
        this.timeline,
        memory,
        sources,
        { addressSpace, addr, len },
        this.count(limit, 'limit'),
        before,
      ),
    );
  }

  allocator(): AllocatorView {
    const r = this.run_;
    if (r.kind === 'alloc') return orthotopeView(r.machine.allocator);
    if (r.kind === 'guest' && r.machine.calls !== null) return observedHeapView(r.machine.calls);
    // Served by orthotope: the model's state over the guest's arena (AS2 from the heap start).
    if (r.kind === 'guest' && r.machine.interposer !== null)
      return orthotopeView(r.machine.interposer.allocator);
    throw bad('this session has no allocator (guest runs: open with allocator: "observe" or "orthotope")');
  }

  /** Access-adapter rows per AccessAdapterAir<N> so far (finalize not included for guests). */
  adapterRows(): AdapterRowsView {
    const memory = this.run_.machine.memory;
    if (memory === null) throw bad('an .alloc run has no access adapters');
    const rows = memory.records.rows.slice();
    return {
      splits: memory.records.splits,
      merges: memory.records.merges,
      rows,
      padded: rows.map(paddedAdapterHeight),
    };
  }

  /** A hash of the whole state at the current position (memory, metadata, counters, machine, allocator). */
  stateHash(): string {
    const h = new Hasher();
    this.run_.machine.hash(h);
    return h.digest();
  }

  memoryStats(): MemoryStats {
    const tl = this.timeline;
    const memory = this.run_.machine.memory;
    let live = 0;
    if (memory !== null) for (const s of memory.spaces) if (s !== undefined) live += s.bytesAllocated();
    return {
      ...tl.stats(),
      sampleBytes: tl.samples.byteLength,
      sampleEvery: tl.samples.every,
      liveMemoryBytes: live,
    };
  }

  /** Steps of the regular checkpoints (where older history was thinned, the gaps are wider). */
  checkpointSteps(): Float64Array {
    return Float64Array.from(this.timeline.store.checkpoints, (c) => c.state.step);
  }
}
